// Tasks of one document: which items are tasks, their sections, clauses, assignments, targets and deadlines.
import type { Assignment, Clause, DocumentRule, Task } from '../model/schema.js';
import type { DocumentNode, ItemNode } from '../parse/types.js';
import type { ExtractContext } from './context.js';
import { findClauses, type FoundClause } from './find-clauses.js';
import { findDeadlines } from './deadlines.js';
import { FIRST_LISTED_LEAD } from './rules.js';
import { findTargets } from './targets.js';
import { allLines, headingOf, items, ownLines, topItems, type TextLine } from './tree.js';
import { readUnit, type UnitRegistry } from './units.js';
import { readTaskTables, type TableRow } from './tables.js';

export interface TaskOptions {
  readonly annexId: string;
  readonly registry: UnitRegistry;
  /** members of the annex's work group, for 各成员单位 */
  readonly groupMembers: readonly string[];
  /** rules in force for the whole annex */
  readonly annexRules: readonly DocumentRule[];
  /** apply the first-listed-lead convention where the document states none (marked inferred) */
  readonly firstListedLead: boolean;
  /** a `following` rule carried in from an earlier clause of the document */
  readonly carried: { rule: DocumentRule | null };
  /** true when tasks may be taken from leaf items even where no item carries a clause */
  readonly leavesAreTasks: boolean;
}

const GOALS = /目标/;
const TASKS = /任务|措施|举措|重点工作|主要内容|工作内容|工作安排|工作重点/;
const ORGANISATION = /机制|组织|保障|要求|领导|实施/;

export interface Parts {
  readonly goals: ItemNode | null;
  readonly tasks: ItemNode | null;
  readonly organisation: ItemNode[];
}

export function partsOf(doc: DocumentNode): Parts {
  const top = topItems(doc);
  const heading = (i: ItemNode) => headingOf(i.value);
  const goals = top.find((i) => GOALS.test(heading(i)) && heading(i).length <= 12) ?? null;
  const tasks = top.find((i) => i !== goals && TASKS.test(heading(i)) && heading(i).length <= 12) ?? null;
  const organisation = top.filter((i) => i !== goals && i !== tasks && ORGANISATION.test(heading(i)));
  return { goals, tasks, organisation };
}

/** Pick the task level: the shallowest numbering style whose items carry their own clauses; else the leaves. */
function taskItems(ctx: ExtractContext, area: ItemNode | DocumentNode, leavesAreTasks: boolean): Array<{ item: ItemNode; ancestors: ItemNode[] }> {
  const all = [...items(area)];
  let best: { depth: number; style: string } | null = null;
  for (const { item, ancestors } of all) {
    if (best && ancestors.length >= best.depth) continue;
    if (findClauses(ctx.text.parse, ownLines(item), ctx.clauseCache).clauses.length > 0) best = { depth: ancestors.length, style: item.style };
  }
  if (best) return all.filter(({ item }) => item.style === best!.style);
  if (!leavesAreTasks) return [];
  return all.filter(({ item }) => !item.children.some((c) => c.type === 'item'));
}

function textOf(ctx: ExtractContext, lines: readonly TextLine[]): string {
  return lines.map((l) => ctx.display(l.start, l.end).trim()).join('\n');
}

/** The parse view of `lines` with the clauses blanked out, for targets and deadlines to read. */
function masked(ctx: ExtractContext, line: TextLine, clauses: readonly FoundClause[]): string {
  let s = ctx.parse(line.start, line.end);
  for (const c of clauses) {
    const a = Math.max(c.outerStart, line.start);
    const b = Math.min(c.outerEnd, line.end);
    if (a < b) s = s.slice(0, a - line.start) + ' '.repeat(b - a) + s.slice(b - line.start);
  }
  return s;
}

/** A section as found: its number, heading and where it stands. */
export interface FoundSection {
  readonly number: string;
  readonly title: string;
  readonly start: number;
  readonly end: number;
}

export function extractTasks(ctx: ExtractContext, doc: DocumentNode, parts: Parts, options: TaskOptions): { tasks: Task[]; sections: FoundSection[]; rules: DocumentRule[] } {
  const area = parts.tasks ?? doc;
  const found = taskItems(ctx, area, options.leavesAreTasks);
  if (!found.some(({ item }) => findClauses(ctx.text.parse, allLines(item), ctx.clauseCache).clauses.length)) {
    const rows = readTaskTables(doc);
    if (rows.length) return tableTasks(ctx, rows, options);
  }
  const ordinals = found.map(({ item }) => item.ordinal);
  const unique = new Set(ordinals).size === ordinals.length;
  if (!unique && found.length) {
    ctx.report('warning', 'duplicate-task-number', `附件任务编号重复,改用顺序编号 (task numbers repeat; ids use running order)`, found[0].item.position.start.offset!, found[0].item.position.end.offset!, { annex: options.annexId });
  }
  const sections: FoundSection[] = [];
  const rules: DocumentRule[] = [];
  const tasks: Task[] = [];
  let previous = 0;

  found.forEach(({ item, ancestors }, n) => {
    const id = `${options.annexId}.T${unique ? item.ordinal : n + 1}`;
    const where = { annex: options.annexId, task: id };
    if (item.ordinal !== previous + 1 && item.ordinal !== 1) {
      ctx.report('warning', 'numbering-gap', `任务编号不连续: ${previous} 之后是 ${item.ordinal} (numbering gap)`, item.position.start.offset!, item.valueStart, where);
    }
    previous = item.ordinal;
    const inArea = ancestors.filter((a) => a !== parts.tasks);
    const section = inArea.at(-1) ?? null;
    if (section && !sections.some((s) => s.start === section.position.start.offset)) {
      const end = section.valueStart + section.value.length;
      sections.push({ number: section.number, title: headingOf(ctx.display(section.valueStart, end)), start: section.position.start.offset!, end });
    }

    const lines = allLines(item);
    const { clauses: foundClauses, problems } = findClauses(ctx.text.parse, lines, ctx.clauseCache);
    for (const p of problems) {
      const reason = p.ruleId === 'unbalanced-bracket' ? '括号不配对,责任分工可能未读全 (unbalanced bracket)' : '看起来是责任分工,但未能读懂 (clause not understood)';
      ctx.report('warning', p.ruleId, reason, p.start, p.end, where);
    }
    const clauses: Clause[] = [];
    const assignments: Assignment[] = [];
    foundClauses.forEach((fc, index) => {
      clauses.push({ index, form: fc.form, raw: ctx.raw(fc.start, fc.end), span: ctx.span(fc.start, fc.end), scope: { kind: 'task', span: ctx.span(item.position.start.offset!, item.position.end.offset!) } });
      for (const r of fc.reading.rules) {
        const scope = /以下|下同|后同/.test(ctx.parse(r.start, r.end)) ? 'following' : 'annex';
        const rule: DocumentRule = { id: FIRST_LISTED_LEAD, scope, raw: ctx.raw(r.start, r.end), span: ctx.span(r.start, r.end) };
        rules.push(rule);
        if (scope === 'following') options.carried.rule = rule;
      }
      for (const u of fc.reading.unclear) {
        ctx.report('warning', 'unclear-clause', `未说明职责的单位: ${ctx.display(u.start, u.end)} (unit with no role)`, u.start, u.end, where);
      }
      const clauseAssignments = assignClause(ctx, fc, index, options, where);
      applyConvention(clauseAssignments, fc, options, rules);
      assignments.push(...clauseAssignments);
    });
    if (foundClauses.length && !assignments.some((a) => a.role === 'lead')) {
      reportNoLead(ctx, foundClauses[0].start, foundClauses[0].end, where);
    }
    if (!foundClauses.length && !problems.length) {
      ctx.report('info', 'no-clause', `任务没有责任分工 (no responsibility clause)`, item.position.start.offset!, item.valueStart + item.value.length, where);
    }

    const targets = [];
    const deadlines = [];
    for (const line of lines) {
      const view = masked(ctx, line, foundClauses);
      targets.push(...findTargets(view, line.start).map((t) => ctx.target(t)));
      deadlines.push(...findDeadlines(view, line.start).map((d) => ctx.deadline(d)));
    }
    const start = item.position.start.offset!;
    const end = item.position.end.offset!;
    tasks.push({
      id,
      number: item.number,
      section: section?.number ?? null,
      sectionTitle: section ? headingOf(section.value) : null,
      title: headingOf(ctx.display(item.valueStart, item.valueStart + item.value.length)),
      text: textOf(ctx, lines),
      clauses,
      assignments,
      leaders: [],
      targets,
      deadlines,
      span: ctx.span(start, end),
    });
  });
  return { tasks, sections, rules };
}

function reportNoLead(ctx: ExtractContext, start: number, end: number, where: { annex: string; task: string }): void {
  ctx.report('info', 'no-lead', `任务未写明牵头单位,全部记为责任单位 (no lead named)`, start, end, where);
}

function assignClause(ctx: ExtractContext, fc: FoundClause, index: number, options: TaskOptions, where: { annex: string; task: string }): Assignment[] {
  const out: Assignment[] = [];
  const seen = new Set<string>();
  for (const m of fc.reading.mentions) {
    const collectiveOfMembers = /^(?:各|全体|其他)?成员单位$/.test(m.written) && options.groupMembers.length > 0;
    const tokens = collectiveOfMembers
      ? options.groupMembers.map((name) => ({ name, parent: null, desk: null, alias: null, kind: 'unit' as const }))
      : readUnit(m.written);
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
        raw: ctx.raw(m.start, m.end),
        clause: index,
        inferred: false,
        rule: null,
        resolvedFrom: collectiveOfMembers ? m.written : null,
        desk: token.desk,
        span: ctx.span(m.start, m.end),
      });
    }
  }
  return out;
}

/** Where a clause names no lead, a stated (or requested) first-listed convention makes its first unit the lead. */
function applyConvention(assignments: Assignment[], fc: FoundClause | null, options: TaskOptions, ownRules: readonly DocumentRule[]): void {
  if (assignments.length === 0 || assignments.some((a) => a.role === 'lead')) return;
  const rule = ownRules.at(-1) ?? options.carried.rule ?? options.annexRules[0] ?? null;
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
  void fc;
}


/** Tasks read from table rows: the role columns are the clauses, the 完成时限 column the deadline. */
function tableTasks(ctx: ExtractContext, rows: readonly TableRow[], options: TaskOptions): ReturnType<typeof extractTasks> {
  const numbers = rows.map((r) => r.ordinal);
  const unique = numbers.every((n) => n !== null) && new Set(numbers).size === numbers.length;
  const sections: FoundSection[] = [];
  const tasks: Task[] = rows.map((row, n) => {
    const sec = row.section;
    if (sec && !sections.some((x) => x.start === sec.cell.position.start.offset)) {
      sections.push({ number: sec.number, title: sec.title.trim(), start: sec.cell.position.start.offset!, end: sec.cell.position.end.offset! });
    }
    const id = `${options.annexId}.T${unique ? row.ordinal : n + 1}`;
    const where = { annex: options.annexId, task: id };
    const clauses: Clause[] = [];
    const assignments: Assignment[] = [];
    row.mentions.forEach(({ cell, mentions }, index) => {
      const start = cell.position.start.offset!;
      const end = cell.position.end.offset!;
      clauses.push({ index, form: 'table', raw: ctx.raw(start, end), span: ctx.span(start, end), scope: { kind: 'task', span: ctx.span(row.row.position.start.offset!, row.row.position.end.offset!) } });
      const fc: FoundClause = { form: 'table', start, end, outerStart: start, outerEnd: end, reading: { mentions, unclear: [], rules: [] } };
      assignments.push(...assignClause(ctx, fc, index, options, where));
    });
    // In a table the lead column is the convention; a row without one falls back like any clause.
    if (!assignments.some((a) => a.role === 'lead') && assignments.length) {
      applyConvention(assignments, null, options, []);
      if (!assignments.some((a) => a.role === 'lead')) reportNoLead(ctx, clauses[0].span.start, clauses[0].span.end, where);
    }
    const textCells = (['title', 'content', 'target'] as const).map((k) => row.cells.get(k)).filter((c) => c !== undefined);
    const targets = textCells.flatMap((c) => findTargets(c.value, c.position.start.offset!)).map((t) => ctx.target(t));
    const due = row.cells.get('deadline');
    const deadlines = due ? findDeadlines(due.value, due.position.start.offset!).map((d) => ctx.deadline(d)) : [];
    if (due && deadlines.length === 0) {
      const a = due.position.start.offset!;
      const b = due.position.end.offset!;
      deadlines.push({ kind: 'by-date', date: null, period: null, raw: ctx.raw(a, b), span: ctx.span(a, b) });
    }
    const head = row.cells.get('title') ?? row.cells.get('content') ?? textCells[0];
    const start = row.row.position.start.offset!;
    const end = row.row.position.end.offset!;
    return {
      id,
      number: row.number ?? String(n + 1),
      section: row.section?.number ?? null,
      sectionTitle: row.section?.title ?? null,
      title: head ? headingOf(ctx.display(head.position.start.offset!, head.position.end.offset!)) : '',
      text: textCells.map((c) => ctx.display(c.position.start.offset!, c.position.end.offset!)).join('\n'),
      clauses,
      assignments,
      leaders: [],
      targets,
      deadlines,
      span: ctx.span(start, end),
    };
  });
  return { tasks, sections, rules: [] };
}
