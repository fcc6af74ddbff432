// extract: walk the notice tree once per concern and assemble the Plan. Each item keeps its span.
import type { VFile } from 'vfile';
import type { Annex, Cadence, Command, DocumentRule, Notice, Plan, Target, Task, Unit, WorkGroup } from '../model/schema.js';
import type { IngestMeta } from '../ingest/types.js';
import type { DocumentNode, ItemNode, ParagraphNode, RootNode } from '../parse/types.js';
import type { NormalizedText } from '../normalize/index.js';
import type { LineIndex } from '../text/position.js';
import { ExtractContext } from './context.js';
import { attachLeadingLabels } from './leading-labels.js';
import type { Lexicon } from './lexicon.js';
import { readHeader, type HeaderMatch } from './header.js';
import { findCadences, readCommand, readWorkGroup } from './organisation.js';
import { findRules, ruleScope } from './rules.js';
import { findClauses } from './find-clauses.js';
import { findTargets } from './targets.js';
import { splitRunTogetherUnits } from './split-units.js';
import { extractTasks, partsOf } from './tasks.js';
import { allLines, paragraphsAfter, paragraphsBefore, span } from './tree.js';
import { UnitRegistry, type UnitToken } from './units.js';

export interface ExtractOptions {
  /** the genre lexicon, compiled (default: the one fenjie ships; `compileLexicon(data)` adds a user's words) */
  readonly lexicon?: Lexicon;
  /** apply the common "first listed unit leads" convention where a document states none (leads marked inferred) */
  readonly firstListedLead?: boolean;
}

export interface ExtractResult {
  readonly notice: Notice;
  readonly goals: Target[];
  readonly annexes: Annex[];
  readonly units: Unit[];
}

function targetsIn(ctx: ExtractContext, node: Parameters<typeof allLines>[0] | null): Target[] {
  if (!node) return [];
  return allLines(node).flatMap((l) => findTargets(ctx.parse(l.start, l.end), l.start).map((t) => ctx.target(t)));
}

function annexTitle(ctx: ExtractContext, doc: DocumentNode): { title: string; start: number; end: number } | null {
  const first = paragraphsBefore(doc)[0];
  if (!first) return null;
  const start = first.position.start.offset!;
  const end = first.position.end.offset!;
  return { title: ctx.display(start, end).trim(), start, end };
}

/** 张家界市武陵源区产业培塑行动实施方案 → 产业培塑行动 */
function actionOf(title: string, place: string | null): string | null {
  let t = title;
  if (place && t.startsWith(place)) t = t.slice(place.length);
  t = t.replace(/(?:实施方案|工作方案|行动方案|方案|实施意见|工作要点|计划)$/, '');
  const m = /([^,。]*行动)$/.exec(t);
  return m ? m[1].replace(/^实施/, '') : t || null;
}

function workGroupOf(ctx: ExtractContext, doc: DocumentNode, registry: UnitRegistry): WorkGroup | null {
  for (const line of allLines(doc)) {
    const text = ctx.parse(line.start, line.end);
    if (!/召集人|组长|成员单位/.test(text)) continue;
    const m = readWorkGroup(text, line.start);
    if (!m) continue;
    const canon = (x: { tokens: UnitToken[]; start: number }): string[] => x.tokens.map((t) => registry.add(t, x.start));
    const members = [...new Set(m.members.flatMap(canon))];
    return {
      name: m.name,
      convener: m.convener,
      deputyConveners: m.deputyConveners,
      members,
      office: m.office ? canon(m.office)[0] ?? null : null,
      officeDuties: m.officeDuties,
      liaison: m.liaison,
      raw: ctx.raw(line.start, line.end),
      span: ctx.span(line.start, line.end),
    };
  }
  return null;
}

/**
 * Of the tasks part, only the lines between its tasks (三、整治措施 ⏎ 以下各项措施，排名第一的为牵头单位。 ⏎ （3）…): the
 * tasks' own lines are read with their clauses.
 */
function linesBetweenTasks(part: ItemNode): ReturnType<typeof span>[] {
  return part.children.filter((c): c is ParagraphNode => c.type === 'paragraph' && !c.chrome && !c.cells).map(span);
}

/**
 * Conventions a document states outside its clauses (以下各项任务中第一个单位为牵头单位, a bracket of its own above a
 * table). One inside a clause that names units is read with that clause instead.
 */
function statedRules(ctx: ExtractContext, doc: DocumentNode, excludeTasks: ItemNode | null, where: 'annex' | 'notice'): DocumentRule[] {
  const rules: DocumentRule[] = [];
  for (const child of doc.children) {
    const lines = child === excludeTasks ? linesBetweenTasks(child) : child.type === 'item' ? allLines(child) : child.chrome ? [] : [span(child)];
    for (const l of lines) {
      const text = ctx.parse(l.start, l.end);
      if (!ctx.lex.firstListed.test(text)) continue;
      for (const r of findRules(text, l.start, ctx.lex)) {
        if (insideClause(ctx, text, l.start, r.start)) continue;
        // The whole sentence says where it holds: 以下各项任务中，排在首位的为牵头单位 (from here on).
        const before = text.slice(0, r.start - l.start);
        const sentence = before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf(';')) + 1) + ctx.parse(r.start, r.end);
        rules.push({ id: r.id, scope: ruleScope(sentence, ctx.lex, where), raw: ctx.raw(r.start, r.end), span: ctx.span(r.start, r.end) });
      }
    }
  }
  return rules;
}

/** Is the offset `at` inside a bracket of `text` (starting at `offset`) that assigns units? */
function insideClause(ctx: ExtractContext, text: string, offset: number, at: number): boolean {
  const found = findClauses(ctx.text.parse, [{ start: offset, end: offset + text.length }], ctx.lex, ctx.clauseCache);
  return found.clauses.some((c) => c.outerStart <= at && at < c.outerEnd && c.reading.mentions.length > 0);
}

function noticeOf(ctx: ExtractContext, header: HeaderMatch, cover: DocumentNode | null): Notice {
  let command: Command | null = null;
  const cadences: Cadence[] = [];
  if (cover) {
    for (const line of allLines(cover)) {
      const text = ctx.parse(line.start, line.end);
      const c: ReturnType<typeof readCommand> = !command && /指挥部|领导小组/.test(text) ? readCommand(text, line.start) : null;
      if (c) command = { name: c.name, commander: c.commander, executiveDeputy: c.executiveDeputy, deputies: c.deputies, office: c.office, raw: ctx.raw(c.start, c.end), span: ctx.span(c.start, c.end) };
      for (const k of findCadences(text, line.start)) cadences.push({ period: k.period, raw: ctx.raw(k.start, k.end), span: ctx.span(k.start, k.end) });
    }
  }
  return {
    issuer: header.issuer, title: header.title, docNumber: header.docNumber, date: header.date,
    recipients: header.recipients, planTitle: header.planTitle, planName: header.planName, command, cadences,
  };
}

export function extractPlan(tree: RootNode, text: NormalizedText, file: VFile, meta: IngestMeta, options: ExtractOptions = {}, index?: LineIndex): ExtractResult {
  const ctx = new ExtractContext(text, file, index, options.lexicon);
  const registry = new UnitRegistry();
  const cover = tree.children.find((d) => d.annex === 0) ?? null;
  const annexDocs = tree.children.filter((d) => d.annex > 0);
  const header = readHeader(cover ? paragraphsBefore(cover) : [], cover ? paragraphsAfter(cover) : [], meta);
  const carried = { rule: null as DocumentRule | null };
  ctx.places = (header.place ?? '').split(/(?<=[省市县区州])/).map((p) => p.replace(/(?:省|市|县|区|州)$/, '')).filter((p) => p.length >= 2);

  const coverParts = cover ? partsOf(cover) : null;
  const goals = targetsIn(ctx, coverParts?.goals ?? null);
  const annexes: Annex[] = [];
  // A convention the covering notice states (列第一位者为牵头单位) holds for every annex that states none of its own.
  const documentRules = cover ? statedRules(ctx, cover, coverParts!.tasks, 'notice') : [];

  const readDocument = (doc: DocumentNode, id: string, number: number, title: string, titleSpan: { start: number; end: number } | null, leavesAreTasks: boolean): Annex | null => {
    // The one change extraction makes to the tree: label lines written above a task move into it.
    attachLeadingLabels(ctx, doc);
    const parts = partsOf(doc);
    const workGroup = workGroupOf(ctx, doc, registry);
    const rules = number === 0 ? documentRules : statedRules(ctx, doc, parts.tasks, 'annex');
    const result = extractTasks(ctx, doc, parts, {
      annexId: id, registry, groupMembers: workGroup?.members ?? [], annexRules: number === 0 ? rules : [...rules, ...documentRules],
      firstListedLead: options.firstListedLead ?? false, carried, leavesAreTasks,
    });
    if (number === 0 && result.tasks.length === 0) return null;
    const start = doc.position.start.offset!;
    return {
      id, number, title,
      action: number === 0 ? null : actionOf(title, header.place),
      goals: targetsIn(ctx, parts.goals),
      sections: result.sections.map((s) => ({ number: s.number, title: s.title, span: ctx.span(s.start, s.end) })),
      tasks: result.tasks,
      workGroup,
      rules: [...rules, ...result.rules],
      span: ctx.span(titleSpan?.start ?? start, doc.position.end.offset!),
    };
  };

  // The covering plan's body holds tasks only where it carries clauses or stands alone without annexes.
  if (cover) {
    const body = readDocument(cover, 'A0', 0, header.planTitle ?? header.title ?? '正文', null, annexDocs.length === 0);
    if (body) annexes.push(body);
  }
  const seen = new Set<number>();
  for (const doc of annexDocs) {
    const t = annexTitle(ctx, doc);
    if (seen.has(doc.annex)) {
      ctx.report('warning', 'duplicate-annex', `附件${doc.annex} 重复出现 (annex number repeats)`, doc.position.start.offset!, doc.marker?.position.end.offset ?? null, { annex: `A${doc.annex}` });
      continue;
    }
    seen.add(doc.annex);
    const annex = readDocument(doc, `A${doc.annex}`, doc.annex, t?.title ?? `附件${doc.annex}`, t, true);
    if (annex) annexes.push(annex);
  }
  const numbers = annexDocs.map((d) => d.annex);
  numbers.forEach((n, i) => {
    if (i > 0 && n !== numbers[i - 1] + 1 && n !== numbers[i - 1]) {
      const d = annexDocs[i];
      ctx.report('warning', 'annex-gap', `附件编号不连续: 附件${numbers[i - 1]} 之后是 附件${n} (annex numbering gap)`, d.position.start.offset!, d.marker?.position.end.offset ?? null, { annex: `A${n}` });
    }
  });
  if (!annexes.some((a) => a.tasks.length)) ctx.report('warning', 'no-tasks', '未找到任何编号任务 (no numbered tasks found)', null, null);

  splitRunTogetherUnits(ctx, registry, annexes);
  return { notice: noticeOf(ctx, header, cover), goals, annexes, units: unitsOf(registry, annexes) };
}

/** The registry with counts: distinct tasks per role, a desk's tasks counted on the desk. */
function unitsOf(registry: UnitRegistry, annexes: readonly Annex[]): Unit[] {
  const counts = new Map<string, { lead: Set<string>; responsible: Set<string>; cooperate: Set<string> }>();
  const all: Task[] = annexes.flatMap((a) => a.tasks);
  for (const task of all) {
    for (const a of task.assignments) {
      a.unit = registry.canonical(a.unit);
      const c = counts.get(a.unit) ?? { lead: new Set(), responsible: new Set(), cooperate: new Set() };
      c[a.role].add(task.id);
      counts.set(a.unit, c);
    }
  }
  for (const annex of annexes) {
    if (annex.workGroup) {
      annex.workGroup.members = [...new Set(annex.workGroup.members.map((m) => registry.canonical(m)))];
      if (annex.workGroup.office) annex.workGroup.office = registry.canonical(annex.workGroup.office);
    }
  }
  return registry.list().map((e) => {
    const c = counts.get(e.name);
    return {
      name: e.name, aliases: e.aliases, parent: e.parent, kind: e.kind, members: e.members,
      counts: { lead: c?.lead.size ?? 0, responsible: c?.responsible.size ?? 0, cooperate: c?.cooperate.size ?? 0 },
    };
  });
}

