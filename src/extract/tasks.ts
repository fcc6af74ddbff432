// Tasks of one document: which items are tasks, their sections, clauses (with the part each speaks for),
// assignments, leaders, targets and deadlines.
import type { Assignment, Clause, DocumentRule, Leader, Scope, Task } from '../model/schema.js';
import { withoutHidden } from '../normalize/index.js';
import type { DocumentNode, ItemNode } from '../parse/types.js';
import { INVISIBLE } from '../text/invisible.js';
import type { ClauseReading, Range } from './clauses.js';
import type { ExtractContext, Where } from './context.js';
import { findClauses, type FoundClause } from './find-clauses.js';
import { groupClauses } from './group-clauses.js';
import { findDeadlines } from './deadlines.js';
import type { PersonMention } from './people.js';
import { FIRST_LISTED_LEAD, ruleScope } from './rules.js';
import { findTargets } from './targets.js';
import { allLines, headingOf, items, ownLines, topItems, type TextLine } from './tree.js';
import { readUnit, type UnitRegistry } from './units.js';
import { readTaskTables, type TableRow } from './tables.js';

export interface TaskOptions {
  readonly annexId: string;
  readonly registry: UnitRegistry;
  /** members of the annex's work group, for 各成员单位 */
  readonly groupMembers: readonly string[];
  /** rules in force for the whole annex (its own, then the notice's) */
  readonly annexRules: readonly DocumentRule[];
  /** apply the first-listed-lead convention where the document states none (marked inferred) */
  readonly firstListedLead: boolean;
  /** a `following` rule carried in from an earlier clause of the document */
  readonly carried: { rule: DocumentRule | null };
  /** true when tasks may be taken from leaf items even where no item carries a clause */
  readonly leavesAreTasks: boolean;
}

const GOALS = /目标/;
// The headings of a plan's closing parts, which name units but assign no task: 保障措施, 组织实施, 工作要求 …
// (强化要素保障 is not one: a plan may put tasks under it.)
const ORGANISATION = /保障措施|组织实施|组织领导|组织保障|工作要求|实施保障|保障机制|推进机制|工作机制|工作保障|纪律要求|督查考核|监督考核|考核评估|实施步骤|步骤安排/;
const TASKS = /任务|措施|举措|重点工作|主要内容|工作内容|工作安排|工作重点|工作事项|项目安排|责任分工/;

export interface Parts {
  readonly goals: ItemNode | null;
  readonly tasks: ItemNode | null;
  readonly organisation: ItemNode[];
}

export function partsOf(doc: DocumentNode): Parts {
  const top = topItems(doc);
  const heading = (i: ItemNode) => headingOf(i.value);
  const goals = top.find((i) => GOALS.test(heading(i)) && heading(i).length <= 12) ?? null;
  const tasks = top.find((i) => i !== goals && TASKS.test(heading(i)) && !ORGANISATION.test(heading(i)) && heading(i).length <= 12) ?? null;
  const organisation = top.filter((i) => i !== goals && i !== tasks && ORGANISATION.test(heading(i)) && heading(i).length <= 12);
  // Items under an unnumbered 保障措施 line (1. 2. 3. numbered like the tasks above it) are not tasks either.
  let under: string | null = null;
  for (const c of doc.children) {
    if (c.type === 'paragraph' && c.heading) under = c.value;
    else if (c.type === 'item' && under && ORGANISATION.test(under) && !organisation.includes(c)) organisation.push(c);
  }
  return { goals, tasks, organisation };
}

type Found = { item: ItemNode; ancestors: ItemNode[] };

/** Pick the task level: the shallowest numbering style whose items carry their own clauses; else the leaves. */
function taskItems(ctx: ExtractContext, area: ItemNode | DocumentNode, parts: Parts, leavesAreTasks: boolean): Found[] {
  // Where the plan has no 重点任务 heading, its goals and its 保障措施 are still not tasks.
  const skip = new Set<ItemNode>(area === parts.tasks ? [] : [...parts.organisation, ...(parts.goals ? [parts.goals] : [])]);
  for (const n of notesOf(area)) skip.add(n);
  const all = [...items(area)].filter(({ item, ancestors }) => !skip.has(item) && !ancestors.some((a) => skip.has(a)));
  // Per style: how deep it first stands, how many items it has, how many of them carry a clause of their own.
  const styles = new Map<string, { depth: number; total: number; carrying: number }>();
  for (const { item, ancestors } of all) {
    const s = styles.get(item.style) ?? { depth: ancestors.length, total: 0, carrying: 0 };
    s.depth = Math.min(s.depth, ancestors.length);
    s.total++;
    if (findClauses(ctx.text.parse, ownLines(item), ctx.lex, ctx.clauseCache).clauses.some(assigns)) s.carrying++;
    styles.set(item.style, s);
  }
  // The shallowest style most of whose items carry clauses (one stray clause under a heading does not make headings
  // tasks); failing that, the style with the most.
  const ranked = [...styles].filter(([, s]) => s.carrying > 0).sort((a, b) => a[1].depth - b[1].depth);
  const best = ranked.find(([, s]) => s.carrying * 2 >= s.total) ?? [...ranked].sort((a, b) => b[1].carrying - a[1].carrying)[0];
  if (best) return all.filter(({ item }) => item.style === best[0]);
  if (!leavesAreTasks) return [];
  return all.filter(({ item }) => !item.children.some((c) => c.type === 'item'));
}

const assigns = (c: FoundClause): boolean => c.reading.mentions.length > 0;

/** 注：1.…  2.…  3.…: numbered notes under a table or a list are items of the parser, not tasks. */
function notesOf(node: ItemNode | DocumentNode): ItemNode[] {
  const out: ItemNode[] = [];
  const stack: Array<ItemNode | DocumentNode> = [node];
  while (stack.length) {
    const n = stack.pop()!;
    let inNote = false;
    for (const c of n.children) {
      if (c.type === 'paragraph') inNote = c.heading ? false : /^(?:注|说明|备注|附注)\s*[:：]/.test(c.value) || (inNote && !c.cells);
      else if (inNote) out.push(c);
      else stack.push(c);
    }
  }
  return out;
}

/** A section as found: its number, heading and where it stands. */
export interface FoundSection {
  readonly number: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
}

interface TaskResult {
  tasks: Task[];
  sections: FoundSection[];
  rules: DocumentRule[];
}

export function extractTasks(ctx: ExtractContext, doc: DocumentNode, parts: Parts, options: TaskOptions): TaskResult {
  const area = parts.tasks ?? doc;
  const found = continuedFrom(doc, parts, taskItems(ctx, area, parts, options.leavesAreTasks));
  // A task table wins over numbered items unless they carry most of the clauses: a table of 16 rows with two
  // numbered requirements above it (各牵头单位于每季度末…报县政府督查室) is a table of tasks.
  const carrying = found.filter(({ item }) => findClauses(ctx.text.parse, allLines(item), ctx.lex, ctx.clauseCache).clauses.some(assigns)).length;
  const rows = readTaskTables(doc, ctx.text.parse, ctx.lex);
  if (rows.length && (carrying === 0 || rows.length >= 2 * carrying)) return tableTasks(ctx, rows, options);
  const ordinals = found.map(({ item }) => item.ordinal);
  const unique = new Set(ordinals).size === ordinals.length;
  if (!unique && found.length) {
    ctx.report('warning', 'duplicate-task-number', `附件任务编号重复,改用顺序编号 (task numbers repeat; ids use running order)`, found[0].item.position.start.offset!, found[0].item.position.end.offset!, { annex: options.annexId });
  }
  const result: TaskResult = { tasks: [], sections: [], rules: [] };
  const sectionOf = ({ ancestors }: Found) => ancestors.filter((a) => a !== parts.tasks).at(-1) ?? null;
  const inherited = groupClauses(ctx, found.map((f) => f.item), found.map(sectionOf));
  let previous = 0;
  found.forEach(({ item, ancestors }, n) => {
    const id = `${options.annexId}.T${unique ? item.ordinal : n + 1}`;
    const where = { annex: options.annexId, task: id };
    if (item.ordinal !== previous + 1 && item.ordinal !== 1) {
      ctx.report('warning', 'numbering-gap', `任务编号不连续: ${previous} 之后是 ${item.ordinal} (numbering gap)`, item.position.start.offset!, item.valueStart, where);
    }
    previous = item.ordinal;
    const section = ancestors.filter((a) => a !== parts.tasks).at(-1) ?? null;
    if (section && !result.sections.some((s) => s.start === section.position.start.offset)) {
      const end = section.valueStart + section.value.length;
      result.sections.push({ number: section.number, title: headingOf(ctx.display(section.valueStart, end)), start: section.position.start.offset!, end });
    }
    result.tasks.push(readTask(ctx, item, id, section, options, where, result.rules, inherited[n]));
  });
  return result;
}

/**
 * The tasks of the 重点任务 part, and the ones its numbering continues from: （3） opening 三、整治措施 after （1）（2）
 * under 二、整治重点 says those two are tasks too. Only a run 1…n-1 of the same style, in the parts before it.
 */
function continuedFrom(doc: DocumentNode, parts: Parts, found: Found[]): Found[] {
  const first = found[0]?.item;
  if (!parts.tasks || !first || first.ordinal <= 1) return found;
  const before: Found[] = [];
  for (const top of doc.children) {
    if (top === parts.tasks) break;
    if (top.type !== 'item' || top === parts.goals || parts.organisation.includes(top)) continue;
    for (const f of items(top, [top])) if (f.item.style === first.style) before.push(f);
  }
  const run = before.slice(-(first.ordinal - 1));
  return run.length === first.ordinal - 1 && run.every((f, i) => f.item.ordinal === i + 1) ? [...run, ...found] : found;
}

/** Which item (the task or one of its sub-items) each line of the task belongs to, by line start. */
function ownersOf(task: ItemNode): Map<number, ItemNode> {
  const owners = new Map<number, ItemNode>();
  const stack: ItemNode[] = [task];
  while (stack.length) {
    const item = stack.pop()!;
    for (const line of ownLines(item)) owners.set(line.start, item);
    for (const c of item.children) if (c.type === 'item') stack.push(c);
  }
  return owners;
}

/** The part of the task each clause speaks for: its sub-item, the sentences since the clause before it, or all. */
function scopesOf(ctx: ExtractContext, task: ItemNode, lines: readonly TextLine[], clauses: readonly FoundClause[]): Array<{ kind: Scope['kind']; start: number; end: number }> {
  const owners = ownersOf(task);
  const ownerOf = (at: number): ItemNode => {
    let line = lines[0];
    for (const l of lines) if (l.start <= at) line = l;
    return owners.get(line.start) ?? task;
  };
  const whole = { kind: 'task' as const, start: task.position.start.offset!, end: task.position.end.offset! };
  const inText = clauses.filter((c) => c.form !== 'line' && ownerOf(c.start) === task);
  // The heading sentence (推进特殊群体关爱。) is the whole task's; the first part starts after it.
  const value = ctx.parse(task.valueStart, task.valueStart + task.value.length);
  const stop = value.search(/[。;]/);
  let from = stop >= 0 && inText.length > 1 && task.valueStart + stop < inText[0].outerStart ? task.valueStart + stop + 1 : task.valueStart;
  return clauses.map((c) => {
    const owner = ownerOf(c.start);
    if (owner !== task) return { kind: 'item', start: owner.position.start.offset!, end: owner.position.end.offset! };
    if (c.form === 'line' || inText.length < 2) return whole;
    // Sentences: from the end of the clause before (past its full stop) to the end of this one.
    let end = c.outerEnd;
    if (/[。;]/.test(ctx.parse(end, end + 1))) end++;
    let start = from;
    while (start < end && /[\s。;,]/.test(ctx.parse(start, start + 1))) start++;
    from = end;
    return { kind: 'sentence', start, end };
  });
}

function readTask(ctx: ExtractContext, item: ItemNode, id: string, section: ItemNode | null, options: TaskOptions, where: Where, rules: DocumentRule[], inherited: readonly FoundClause[] = []): Task {
  const lines = allLines(item);
  const { clauses: found, problems } = findClauses(ctx.text.parse, lines, ctx.lex, ctx.clauseCache);
  for (const p of problems) {
    const reason = p.ruleId === 'unbalanced-bracket' ? '括号不配对,责任分工可能未读全 (unbalanced bracket)' : '看起来是责任分工,但未能读懂 (clause not understood)';
    ctx.report('warning', p.ruleId, reason, p.start, p.end, where);
  }
  const scopes = scopesOf(ctx, item, lines, found);
  const clauses: Clause[] = [];
  const assignments: Assignment[] = [];
  const leaders: Leader[] = [];
  found.forEach((fc, index) => {
    const scope = scopes[index];
    clauses.push({ index, form: fc.form, raw: ctx.raw(fc.start, fc.end), span: ctx.span(fc.start, fc.end), scope: { kind: scope.kind, span: ctx.span(scope.start, scope.end) } });
    const own = statedRules(ctx, fc.reading, options, rules);
    reportUnclear(ctx, fc.reading, where);
    leaders.push(...leadersOf(ctx, fc.reading.leaders, leaders));
    const clauseAssignments = assignClause(ctx, fc.reading, index, options, where);
    applyConvention(clauseAssignments, own.at(-1) ?? options.carried.rule ?? ruleInForce(options.annexRules, fc.start), options);
    assignments.push(...clauseAssignments);
  });
  // A task without a clause of its own takes its group's (stated on the group heading, or 以上任务由… after it).
  const taken = assignments.length === 0 ? inherited : [];
  for (const fc of taken) {
    const index = clauses.length;
    clauses.push({ index, form: fc.form, raw: ctx.raw(fc.start, fc.end), span: ctx.span(fc.start, fc.end), scope: { kind: 'task', span: ctx.span(item.position.start.offset!, item.position.end.offset!) } });
    leaders.push(...leadersOf(ctx, fc.reading.leaders, leaders));
    const clauseAssignments = assignClause(ctx, fc.reading, index, options, where);
    applyConvention(clauseAssignments, options.carried.rule ?? ruleInForce(options.annexRules, fc.start), options);
    assignments.push(...clauseAssignments);
  }
  const assigning = [...found, ...taken].filter(assigns);
  if (assigning.length && !assignments.some((a) => a.role === 'lead')) reportNoLead(ctx, assigning[0].start, assigning[0].end, where);
  if (!found.length && !taken.length && !problems.length) {
    ctx.report('info', 'no-clause', `任务没有责任分工 (no responsibility clause)`, item.position.start.offset!, item.valueStart + item.value.length, where);
  }
  // Names are not figures: targets and deadlines read the text with the units and people blanked out.
  const names: Range[] = found.flatMap((c) => [...c.reading.mentions, ...c.reading.leaders]).sort((a, b) => a.start - b.start);
  const targets = [];
  const deadlines = [];
  for (const line of lines) {
    const view = blanked(ctx.parse(line.start, line.end), line.start, names);
    targets.push(...findTargets(view, line.start).map((t) => ctx.target(t)));
    deadlines.push(...findDeadlines(view, line.start).map((d) => ctx.deadline(d)));
  }
  return {
    id,
    number: item.number,
    section: section?.number ?? null,
    sectionTitle: section ? headingOf(section.value) : null,
    title: titleOf(ctx, item, found),
    text: lines.map((l) => ctx.display(l.start, l.end).trim()).join('\n'),
    clauses,
    assignments,
    leaders,
    targets,
    deadlines,
    span: ctx.span(item.position.start.offset!, item.position.end.offset!),
  };
}

/** The heading sentence, with any clause that stands in it (【牵头单位：…】加快…) taken out. */
function titleOf(ctx: ExtractContext, item: ItemNode, clauses: readonly FoundClause[]): string {
  const start = item.valueStart;
  const end = start + item.value.length;
  let text = ctx.display(start, end);
  for (const c of [...clauses].reverse()) {
    if (c.outerStart >= start && c.outerEnd <= end && c.form === 'parenthetical') text = text.slice(0, c.outerStart - start) + text.slice(c.outerEnd - start);
  }
  return headingOf(text.trim());
}

/**
 * `view` (starting at `offset`) with the ranges that fall in it blanked. `ranges` sorted by start: the line is
 * copied once and only its own ranges are visited, whatever the number of names in the task.
 */
function blanked(view: string, offset: number, ranges: readonly Range[]): string {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start < offset - 64) lo = mid + 1;
    else hi = mid;
  }
  let chars: string[] | null = null;
  for (let k = lo; k < ranges.length && ranges[k].start < offset + view.length; k++) {
    const a = Math.max(ranges[k].start - offset, 0);
    const b = Math.min(ranges[k].end - offset, view.length);
    if (a >= b) continue;
    chars ??= view.split('');
    for (let i = a; i < b; i++) chars[i] = ' ';
  }
  return chars ? chars.join('') : view;
}

/** Conventions a clause states: recorded on the annex, carried onward when they say 下同. */
function statedRules(ctx: ExtractContext, reading: ClauseReading, options: TaskOptions, rules: DocumentRule[]): DocumentRule[] {
  return reading.rules.map((r) => {
    const scope = ruleScope(ctx.parse(r.start, r.end), ctx.lex, 'clause');
    const rule: DocumentRule = { id: FIRST_LISTED_LEAD, scope, raw: ctx.raw(r.start, r.end), span: ctx.span(r.start, r.end) };
    rules.push(rule);
    if (scope === 'following') options.carried.rule = rule;
    return rule;
  });
}

function reportUnclear(ctx: ExtractContext, reading: ClauseReading, where: Where): void {
  for (const u of reading.unclear) {
    ctx.report('warning', 'unclear-clause', `未说明职责的单位: ${ctx.display(u.start, u.end)} (unit with no role)`, u.start, u.end, where);
  }
}

const withoutInvisible = (s: string): string => s.replace(INVISIBLE, '');

/** People of a clause, each once per task: name and title from the display text. */
function leadersOf(ctx: ExtractContext, people: readonly PersonMention[], known: readonly Leader[]): Leader[] {
  const out: Leader[] = [];
  for (const p of people) {
    const name = withoutInvisible(ctx.display(p.start, p.nameEnd)).trim();
    if (!name || known.some((l) => l.name === name) || out.some((l) => l.name === name)) continue;
    out.push({ name, title: p.title ? ctx.display(p.title.start, p.title.end).trim() : null, ...ctx.mention(p.start, p.end) });
  }
  return out;
}

function reportNoLead(ctx: ExtractContext, start: number, end: number, where: Where): void {
  ctx.report('info', 'no-lead', `任务未写明牵头单位,全部记为责任单位 (no lead named)`, start, end, where);
}

function assignClause(ctx: ExtractContext, reading: ClauseReading, index: number, options: TaskOptions, where: Where): Assignment[] {
  const out: Assignment[] = [];
  const seen = new Set<string>();
  for (const m of reading.mentions) {
    const written = withoutHidden(ctx.parse(m.start, m.end));
    const collectiveOfMembers = /^(?:各|全体|其他)?成员单位$/.test(written) && options.groupMembers.length > 0;
    const tokens = collectiveOfMembers
      ? options.groupMembers.map((name) => ({ name, parent: null, desk: null, alias: null, kind: 'unit' as const }))
      : readUnit(`${m.level && !ctx.places.some((p) => written.startsWith(p)) ? m.level : ''}${written}`, ctx.lex);
    if (m.doubtful && !collectiveOfMembers) {
      ctx.report('info', 'unit-doubtful', `按位置读作单位,名称不像常见机构: ${ctx.display(m.start, m.end)} (read as a unit from its place; add it to a --lexicon file if it is one)`, m.start, m.end, where);
    }
    for (const token of tokens) {
      const unit = collectiveOfMembers ? token.name : options.registry.add(token, m.start);
      if (seen.has(unit)) {
        if (!collectiveOfMembers) ctx.report('warning', 'duplicate-unit', `同一分工中重复列出: ${unit} (listed twice; kept once)`, m.start, m.end, where);
        continue;
      }
      seen.add(unit);
      out.push({
        role: m.role,
        unit,
        clause: index,
        inferred: false,
        rule: null,
        resolvedFrom: collectiveOfMembers ? written : null,
        desk: token.desk,
        ...ctx.unitWritten(m.start, m.end),
      });
    }
  }
  return out;
}

/**
 * The convention in force at `at`: one that says 以下/下同 holds from where it is stated; one that speaks of the
 * annex or the plan (本方案各项任务中排序第一…, often stated at its end) holds for all of it.
 */
function ruleInForce(rules: readonly DocumentRule[], at: number): DocumentRule | null {
  const holding = rules.filter((r) => r.scope !== 'following' || r.span.start <= at);
  const onward = holding.filter((r) => r.scope === 'following').sort((a, b) => b.span.start - a.span.start)[0];
  return onward ?? holding[0] ?? null;
}

/** Where a clause names no lead, a stated (or requested) first-listed convention makes its first unit the lead. */
function applyConvention(assignments: Assignment[], rule: DocumentRule | null, options: TaskOptions): void {
  if (assignments.length === 0 || assignments.some((a) => a.role === 'lead')) return;
  const first = assignments[0];
  if (first.role !== 'responsible') return;
  if (rule) {
    first.role = 'lead';
    first.inferred = true;
    first.rule = rule.id;
  } else if (options.firstListedLead) {
    first.role = 'lead';
    first.inferred = true;
    first.rule = `${FIRST_LISTED_LEAD}:option`;
  }
}

/** Tasks read from table rows: the role and people columns are the clauses, the 完成时限 column the deadline. */
function tableTasks(ctx: ExtractContext, rows: readonly TableRow[], options: TaskOptions): TaskResult {
  const numbers = rows.map((r) => r.ordinal);
  const unique = numbers.every((n) => n !== null) && new Set(numbers).size === numbers.length;
  const sections: FoundSection[] = [];
  const tasks: Task[] = rows.map((row, n) => {
    const sec = row.section;
    // A category repeated on every row it spans (a merged cell) is one section.
    if (sec && !sections.some((x) => x.start === sec.cell.position.start.offset || (x.number === sec.number && x.title === sec.title.trim()))) {
      sections.push({ number: sec.number, title: sec.title.trim(), start: sec.cell.position.start.offset!, end: sec.cell.position.end.offset! });
    }
    const id = `${options.annexId}.T${unique ? row.ordinal : n + 1}`;
    const where = { annex: options.annexId, task: id };
    const start = row.row.position.start.offset!;
    const end = row.row.position.end.offset!;
    const clauses: Clause[] = [];
    const assignments: Assignment[] = [];
    const leaders: Leader[] = [];
    row.clauses.forEach(({ cell, reading }, index) => {
      const a = cell.position.start.offset!;
      const b = cell.position.end.offset!;
      clauses.push({ index, form: 'table', raw: ctx.raw(a, b), span: ctx.span(a, b), scope: { kind: 'task', span: ctx.span(start, end) } });
      reportUnclear(ctx, reading, where);
      leaders.push(...leadersOf(ctx, reading.leaders, leaders));
      assignments.push(...assignClause(ctx, reading, index, options, where));
    });
    // In a table the lead column is the convention; a row without one falls back like any clause.
    if (assignments.length && !assignments.some((a) => a.role === 'lead')) {
      applyConvention(assignments, options.carried.rule ?? ruleInForce(options.annexRules, start), options);
      if (!assignments.some((a) => a.role === 'lead')) reportNoLead(ctx, clauses[0].span.start, clauses[0].span.end, where);
    }
    const textCells = (['title', 'content', 'target'] as const).map((k) => row.cells.get(k)).filter((c) => c !== undefined);
    const targets = textCells.flatMap((c) => findTargets(c.value, c.position.start.offset!)).map((t) => ctx.target(t));
    const due = row.cells.get('deadline');
    // Without a 完成时限 column the task's own words say when (每年, 2024年底前).
    const deadlines = (due ? [due] : textCells).flatMap((c) => findDeadlines(c.value, c.position.start.offset!)).map((d) => ctx.deadline(d));
    if (due && deadlines.length === 0) {
      const a = due.position.start.offset!;
      const b = due.position.end.offset!;
      deadlines.push({ kind: 'by-date', date: null, period: null, raw: ctx.raw(a, b), span: ctx.span(a, b) });
    }
    const head = row.cells.get('title') ?? row.cells.get('content') ?? textCells[0];
    return {
      id,
      number: row.number ?? String(n + 1),
      section: row.section?.number ?? null,
      sectionTitle: row.section?.title ?? null,
      title: head ? headingOf(ctx.display(head.position.start.offset!, head.position.end.offset!)) : '',
      text: textCells.map((c) => ctx.display(c.position.start.offset!, c.position.end.offset!)).join('\n'),
      clauses,
      assignments,
      leaders,
      targets,
      deadlines,
      span: ctx.span(start, end),
    };
  });
  return { tasks, sections, rules: [] };
}
