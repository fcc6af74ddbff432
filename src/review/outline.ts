// Plan → the browsable outline: notice header, plan goals, annex → section → task → assignments, targets, deadlines.
import type { Annex, Deadline, Diagnostic, Plan, Target, Task, WorkGroup } from '../model/schema.js';
import { h, type HastElement, type HChild } from './hast.js';
import { domId, ROLE_LABEL, ROLE_SYMBOL, SCOPE_LABEL, type ItemKey, type SourceItems } from './items.js';

export interface OutlineOptions {
  /** id prefix for pages that hold two plans (default: '') */
  readonly prefix?: string;
  /** extra classes per task id */
  readonly taskClass?: (taskId: string) => string[];
}

interface Ctx {
  readonly plan: Plan;
  readonly items: SourceItems;
  readonly prefix: string;
  readonly taskClass: (taskId: string) => string[];
  /** each task's diagnostics with their index, gathered once (not every diagnostic scanned for every task) */
  readonly byTask: ReadonlyMap<string, ReadonlyArray<{ readonly d: Diagnostic; readonly i: number }>>;
}

function diagnosticsByTask(plan: Plan): Map<string, Array<{ d: Diagnostic; i: number }>> {
  const out = new Map<string, Array<{ d: Diagnostic; i: number }>>();
  plan.diagnostics.forEach((d, i) => {
    if (d.task === null) return;
    const list = out.get(d.task);
    if (list) list.push({ d, i });
    else out.set(d.task, [{ d, i }]);
  });
  return out;
}

/** A line of the outline tied to a source item: id o-…, data-key for the script, and a plain link for no-script readers. */
function linked(ctx: Ctx, tagName: string, key: ItemKey, sourceKey: ItemKey, className: string[], label: HChild, ...rest: HChild[]): HastElement {
  const target = ctx.items.sourceId.get(sourceKey);
  return h(
    tagName,
    { id: domId(ctx.prefix, 'o', key), className: ['item', ...className], dataKey: sourceKey },
    target ? h('a', { className: ['jump'], href: `#${target}` }, label) : label,
    ...rest,
  );
}

export const targetLabel = (t: Target): string => `${t.indicator} ${t.verb ?? ''}${t.value}${t.unit}${t.qualifier ?? ''}`.trim();
const deadlineLabel = (d: Deadline): string => `${d.raw}${d.date ? ` (${d.date})` : ''}${d.period ? ` · ${d.period}` : ''}`;
const numberLabel = (n: string): string => (/^\d+$/.test(n) ? `${n}.` : n);

function goals(ctx: Ctx, list: readonly Target[], owner: string): HastElement | null {
  if (!list.length) return null;
  return h('ul', { className: ['goals'] }, list.map((g, i) => linked(ctx, 'li', `g:${owner}.${i}`, `g:${owner}.${i}`, ['goal'], targetLabel(g))));
}

function badges(ctx: Ctx, taskId: string): HChild[] {
  return (ctx.byTask.get(taskId) ?? []).map(({ d, i }) =>
    h('a', { className: ['badge', `sev-${d.severity}`], href: d.span ? `#${ctx.items.sourceId.get(`d:${i}`)}` : undefined, title: d.message }, `⚠ ${d.ruleId}`),
  );
}

/** Where a unit's role covers only part of the task (one sub-item, one sentence): say so, linked to that part. */
function scopeNote(ctx: Ctx, t: Task, clause: number): HChild {
  const c = t.clauses[clause];
  if (!c || c.scope.kind === 'task') return null;
  const target = ctx.items.sourceId.get(`sc:${t.id}.${clause}`);
  const label = ` 〔${SCOPE_LABEL[c.scope.kind]}〕`;
  return target ? h('a', { className: ['scope'], href: `#${target}`, title: '只负责任务的这一部分 (this part of the task only)' }, label) : h('span', { className: ['scope'] }, label);
}

function task(ctx: Ctx, t: Task): HastElement {
  const units = [...new Set(t.assignments.map((a) => a.unit))];
  const assignments = t.assignments.map((a, j) =>
    linked(
      ctx,
      'li',
      `a:${t.id}.${j}`,
      `m:${t.id}.${j}`,
      ['as', `role-${a.role}`],
      [h('span', { className: ['sym'], title: ROLE_LABEL[a.role] }, ROLE_SYMBOL[a.role]), ' ', h('span', { className: ['unit'] }, a.unit)],
      ' ',
      h('span', { className: ['rl'] }, ROLE_LABEL[a.role]),
      a.inferred ? h('span', { className: ['inf'], title: a.rule ?? '' }, ` 推定${a.rule ? `:${a.rule}` : ''}`) : null,
      a.resolvedFrom ? h('span', { className: ['inf'] }, ` ←${a.resolvedFrom}`) : null,
      correctedMark(a.corrected),
      scopeNote(ctx, t, a.clause),
    ),
  );
  const leaders = t.leaders.map((l, i) =>
    linked(ctx, 'li', `p:${t.id}.${i}`, `p:${t.id}.${i}`, ['ld'], [h('span', { className: ['sym'] }, '☆'), ' ', h('span', { className: ['person'] }, l.name)], l.title ? h('span', { className: ['rl'] }, ` ${l.title}`) : null, h('span', { className: ['rl'] }, ' 责任领导'), correctedMark(l.corrected)),
  );
  const facts = [
    ...t.targets.map((x, i) => linked(ctx, 'li', `x:${t.id}.${i}`, `x:${t.id}.${i}`, ['tgt'], `指标 ${targetLabel(x)}`)),
    ...t.deadlines.map((x, i) => linked(ctx, 'li', `y:${t.id}.${i}`, `y:${t.id}.${i}`, ['dl'], `时限 ${deadlineLabel(x)}`)),
  ];
  return h(
    'li',
    { id: domId(ctx.prefix, 'o', `t:${t.id}`), className: ['item', 'task', ...ctx.taskClass(t.id)], dataKey: `t:${t.id}`, dataUnits: units.join('|') },
    h(
      'a',
      { className: ['jump'], href: `#${ctx.items.sourceId.get(`t:${t.id}`)}` },
      h('span', { className: ['tid'] }, t.id),
      ' ',
      h('span', { className: ['num'] }, numberLabel(t.number)),
      ' ',
      t.title,
    ),
    where(t.span),
    badges(ctx, t.id),
    assignments.length ? h('ul', { className: ['asg'] }, assignments) : h('p', { className: ['none'] }, '（无责任单位）'),
    leaders.length ? h('ul', { className: ['leaders'] }, leaders) : null,
    facts.length ? h('ul', { className: ['facts'] }, facts) : null,
  );
}

/** A person changed this item (the corrections file): the mark says so, its title tells the operation, reason and date. */
function correctedMark(c: Task['assignments'][number]['corrected']): HastElement | null {
  return c ? h('span', { className: ['fix'], title: `更正 ${c.op}：${c.reason}（${c.at}）(corrected by a person)` }, ' 已更正') : null;
}

/** Where an item stands in the original: page of a PDF/OFD, sheet of a workbook; text read by OCR is flagged. */
function where(span: Task['span']): HastElement | null {
  const parts = [span.page ? `第${span.page}页` : '', span.sheet ? `工作表 ${span.sheet}` : ''].filter(Boolean);
  if (parts.length === 0 && !span.ocr) return null;
  const box = span.box ? `页面位置（自左上角）左 ${span.box[0]} 上 ${span.box[1]} 右 ${span.box[2]} 下 ${span.box[3]} (box on the page from its top-left corner)` : undefined;
  const title = [box, span.ocr ? 'OCR 识别，请核对数字 (read by OCR: check the figures)' : undefined].filter(Boolean).join('\n') || undefined;
  return h('span', { className: ['count', 'where'], title, dataBox: span.box?.join(' ') }, ` ${parts.join(' · ')}${span.ocr ? ' · OCR 待核' : ''}`);
}

function workGroup(ctx: Ctx, annex: Annex, wg: WorkGroup): HastElement {
  const row = (label: string, value: string | null): HChild[] => (value ? [h('dt', {}, label), h('dd', {}, value)] : []);
  return h(
    'div',
    { id: domId(ctx.prefix, 'o', `w:${annex.id}`), className: ['item', 'wg'], dataKey: `w:${annex.id}` },
    h('h4', {}, h('a', { className: ['jump'], href: `#${ctx.items.sourceId.get(`w:${annex.id}`)}` }, `工作专班 · ${wg.name}`)),
    h(
      'dl',
      {},
      row('召集人', wg.convener),
      row('副召集人', wg.deputyConveners.join('、') || null),
      row('成员单位', wg.members.length ? `${wg.members.join('、')}（${wg.members.length}）` : null),
      row('办公室', wg.office),
      row('办公室职责', wg.officeDuties),
      row('联络', wg.liaison),
    ),
  );
}

function annexOutline(ctx: Ctx, annex: Annex): HastElement {
  const groups: { number: string | null; tasks: Task[] }[] = [];
  for (const t of annex.tasks) {
    const last = groups[groups.length - 1];
    if (last && last.number === t.section) last.tasks.push(t);
    else groups.push({ number: t.section, tasks: [t] });
  }
  const sectionHead = (n: string | null): HChild => {
    const i = annex.sections.findIndex((s) => s.number === n);
    if (i < 0) return n ? h('h3', { className: ['sec'] }, n) : null;
    const s = annex.sections[i];
    return h('h3', { className: ['sec'] }, linked(ctx, 'span', `s:${annex.id}.${i}`, `s:${annex.id}.${i}`, [], s.number === s.title ? s.title : `${s.number}${s.title}`));
  };
  const label = annex.number === 0 ? '正文' : `附件${annex.number}`;
  return h(
    'details',
    { className: ['annex'], id: `${ctx.prefix}o-${annex.id}`, open: true },
    h(
      'summary',
      {},
      h('a', { className: ['jump'], href: `#${ctx.prefix}L${annex.span.line}` }, `${label} ${annex.title}`),
      ' ',
      h('span', { className: ['count'] }, `${annex.tasks.length} 项任务`),
      annex.span.file ? h('span', { className: ['count', 'where'] }, ` ${annex.span.file.replace(/^.*[\\/]/, '')}`) : null,
    ),
    annex.action ? h('p', { className: ['action'] }, `行动:${annex.action}`) : null,
    goals(ctx, annex.goals, annex.id),
    groups.map((g) => h('section', { className: ['group'] }, sectionHead(g.number), h('ol', { className: ['tasks'] }, g.tasks.map((t) => task(ctx, t))))),
    annex.workGroup ? workGroup(ctx, annex, annex.workGroup) : null,
    annex.rules.length ? h('ul', { className: ['rules'] }, annex.rules.map((r) => h('li', {}, `规则 ${r.id}（${r.scope}）:${r.raw}`))) : null,
  );
}

function noticeHeader(ctx: Ctx): HastElement {
  const n = ctx.plan.notice;
  const row = (label: string, value: HChild): HChild[] => (value ? [h('dt', {}, label), h('dd', {}, value)] : []);
  return h(
    'section',
    { className: ['notice'] },
    h('h2', {}, n.title ?? n.planTitle ?? '（无标题）'),
    h(
      'dl',
      {},
      row('发文机关', n.issuer),
      row('文号', n.docNumber),
      row('成文日期', n.date),
      row('主送', n.recipients.join('、') || null),
      row('方案', n.planTitle),
      row('指挥部', n.command ? linked(ctx, 'span', 'n:cmd', 'n:cmd', [], `${n.command.name}（指挥长 ${n.command.commander ?? '—'}；办公室 ${n.command.office ?? '—'}）`) : null),
      row('调度', n.cadences.length ? n.cadences.map((c, i) => [i ? '、' : '', linked(ctx, 'span', `n:cad.${i}`, `n:cad.${i}`, [], c.raw)]) : null),
    ),
    ctx.plan.goals.length ? [h('h3', {}, '主要目标'), goals(ctx, ctx.plan.goals, 'P')] : null,
  );
}

/** The right-hand pane. */
export function outline(plan: Plan, items: SourceItems, options: OutlineOptions = {}): HastElement {
  const parts = outlineParts(plan, items, options);
  return h('div', { className: ['outline'] }, parts.header, plan.annexes.map(parts.annex));
}

/** The pane's pieces, to be written one annex at a time: its `div.outline` holds `header`, then each annex's. */
export function outlineParts(plan: Plan, items: SourceItems, options: OutlineOptions = {}): { header: HastElement; annex: (annex: Annex) => HastElement } {
  const ctx: Ctx = { plan, items, prefix: options.prefix ?? '', taskClass: options.taskClass ?? (() => []), byTask: diagnosticsByTask(plan) };
  return { header: noticeHeader(ctx), annex: (annex) => annexOutline(ctx, annex) };
}

/** Diagnostics at the top: counts by rule, then every message linked to its place in the text. */
export function diagnosticsPanel(plan: Plan, items: SourceItems, prefix = ''): HastElement {
  const byRule = new Map<string, { count: number; severity: Diagnostic['severity'] }>();
  for (const d of plan.diagnostics) {
    const r = byRule.get(d.ruleId) ?? { count: 0, severity: d.severity };
    r.count++;
    byRule.set(d.ruleId, r);
  }
  const rules = [...byRule].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  return h(
    'details',
    { className: ['diagnostics'], id: `${prefix}diagnostics` },
    h(
      'summary',
      {},
      `诊断 ${plan.diagnostics.length} 条`,
      rules.map(([rule, r]) => [' ', h('span', { className: ['chip', `sev-${r.severity}`], dataRule: rule }, `${rule} ${r.count}`)]),
    ),
    h(
      'ol',
      {},
      plan.diagnostics.map((d, i) => {
        const target = items.sourceId.get(`d:${i}`);
        const where = d.span ? `${d.span.line}:${d.span.column}` : '—';
        return h(
          'li',
          { id: domId(prefix, 'o', `d:${i}`), className: ['item', `sev-${d.severity}`], dataKey: d.span ? `d:${i}` : undefined },
          h('span', { className: ['where'] }, target ? h('a', { className: ['jump'], href: `#${target}` }, where) : where),
          ' ',
          h('span', { className: ['rule'] }, d.ruleId),
          ' ',
          d.task ? h('a', { href: `#${domId(prefix, 'o', `t:${d.task}`)}` }, d.task) : d.annex,
          ' ',
          d.message,
        );
      }),
    ),
  );
}
