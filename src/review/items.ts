// Plan → the highlights of the source pane, and the ids that tie each item to its partner in the outline.
import type { Plan, Span, Task } from '../model/schema.js';
import type { Highlight } from './highlight.js';

/**
 * Item keys (stable, readable, valid inside ids): t:A2.T1 task, c:A2.T1.0 clause, a:A2.T1.3 assignment,
 * m:A2.T1.3 unit mention, p:A2.T1.0 leader (a person), sc:A2.T1.2 the part clause 2 speaks for (a sub-item or
 * sentences), x:A2.T1.0 target, y:A2.T1.0 deadline, g:A1.0 annex goal, g:P.0 plan goal,
 * w:A2 work group, s:A1.0 section, n:cmd command, n:cad.0 cadence, d:0 diagnostic.
 */
export type ItemKey = string;

/** `s-t-A2.T1` (source) or `o-t-A2.T1` (outline), with an optional page prefix for two-plan pages. */
export const domId = (prefix: string, side: 's' | 'o', key: ItemKey): string => `${prefix}${side}-${key.replace(':', '-')}`;

export const ROLE_SYMBOL = { lead: '●', responsible: '○', cooperate: '△' } as const;
export const ROLE_LABEL = { lead: '牵头', responsible: '负责', cooperate: '配合' } as const;
/** What a clause's scope is called: the part of the task it assigns. */
export const SCOPE_LABEL = { task: '全项', item: '分项', sentence: '分句' } as const;

interface Group {
  readonly span: Span;
  readonly rank: number;
  readonly className: string[];
  readonly keys: ItemKey[];
  /** sets, so that a span shared by thousands of items (a clause of 10,000 units) is not searched once per item */
  readonly units: Set<string>;
  readonly titles: Set<string>;
}

export interface SourceItems {
  readonly highlights: Highlight[];
  /** key → id of the source element (first fragment) that shows it */
  readonly sourceId: ReadonlyMap<ItemKey, string>;
  /** key → raw text it must show (source.slice(span)) — for checks */
  readonly spans: ReadonlyMap<ItemKey, Span>;
}

export interface ItemOptions {
  /** id prefix for pages that hold two plans (default: '') */
  readonly prefix?: string;
  /** extra classes per task id, e.g. changed tasks on a diff page */
  readonly taskClass?: (taskId: string) => string[];
  /** leave out diagnostics, clauses, targets … and keep tasks only (default: false) */
  readonly tasksOnly?: boolean;
  /** where a click on a source item leads (an element id); default: its entry in this page's outline */
  readonly partner?: (key: ItemKey) => string | null;
}

/** The outline key a source key is shown under: a mention under its assignment, a clause under its first assignment. */
function outlineKey(tasks: ReadonlyMap<string, Task>, key: ItemKey): ItemKey {
  if (key.startsWith('m:')) return `a:${key.slice(2)}`;
  // A clause, and the part it speaks for, are shown under the clause's first assignment.
  if (key.startsWith('sc:')) key = `c:${key.slice(3)}`;
  if (!key.startsWith('c:')) return key;
  const [annex, task, clause] = key.slice(2).split('.');
  const t = tasks.get(`${annex}.${task}`);
  const first = t?.assignments.findIndex((a) => a.clause === Number(clause)) ?? -1;
  return first >= 0 ? `a:${annex}.${task}.${first}` : `t:${annex}.${task}`;
}

export function sourceItems(plan: Plan, options: ItemOptions = {}): SourceItems {
  const prefix = options.prefix ?? '';
  const groups = new Map<string, Group>();
  const spans = new Map<ItemKey, Span>();
  const add = (kind: string, span: Span, rank: number, key: ItemKey, className: string[], title: string, units: string[] = []): void => {
    spans.set(key, span);
    const id = `${kind}|${span.start}|${span.end}`;
    const g = groups.get(id);
    if (g) {
      g.keys.push(key);
      for (const u of units) g.units.add(u);
      if (title) g.titles.add(title);
      return;
    }
    groups.set(id, { span, rank, className, keys: [key], units: new Set(units), titles: new Set(title ? [title] : []) });
  };

  if (!options.tasksOnly) {
    plan.diagnostics.forEach((d, i) => {
      if (d.span) add('dg', d.span, 0, `d:${i}`, ['dg', `sev-${d.severity}`], `⚠ ${d.ruleId}: ${d.message}`);
    });
    if (plan.notice.command) add('n', plan.notice.command.span, 1, 'n:cmd', ['ntc'], '指挥部');
    plan.notice.cadences.forEach((c, i) => add('n', c.span, 1, `n:cad.${i}`, ['ntc'], `调度 ${c.period}`));
    plan.goals.forEach((g, i) => add('g', g.span, 3, `g:P.${i}`, ['tgt', 'goal'], `目标 ${g.indicator}`));
  }
  for (const annex of plan.annexes) {
    if (!options.tasksOnly) {
      if (annex.workGroup) add('w', annex.workGroup.span, 1, `w:${annex.id}`, ['wg'], `工作专班 ${annex.workGroup.name}`);
      annex.sections.forEach((s, i) => add('s', s.span, 1, `s:${annex.id}.${i}`, ['sec'], `${annex.id} ${s.number}${s.title}`));
      annex.goals.forEach((g, i) => add('g', g.span, 3, `g:${annex.id}.${i}`, ['tgt', 'goal'], `目标 ${g.indicator}`));
    }
    for (const task of annex.tasks) {
      const units = [...new Set(task.assignments.map((a) => a.unit))];
      add('t', task.span, 2, `t:${task.id}`, ['task', ...(options.taskClass?.(task.id) ?? [])], `${task.id} ${task.title}`, units);
      if (options.tasksOnly) continue;
      for (const c of task.clauses) {
        add('cl', c.span, 3, `c:${task.id}.${c.index}`, ['cl', `form-${c.form}`], '');
        if (c.scope.kind !== 'task') add('sc', c.scope.span, 2, `sc:${task.id}.${c.index}`, ['scope', `scope-${c.scope.kind}`], `${SCOPE_LABEL[c.scope.kind]}:${c.raw}`);
      }
      task.leaders.forEach((l, i) => add('p', l.span, 6, `p:${task.id}.${i}`, ['ld'], `责任领导 ${l.name}${l.title ? `（${l.title}）` : ''}`));
      task.assignments.forEach((a, j) => {
        const label = `${ROLE_SYMBOL[a.role]} ${ROLE_LABEL[a.role]} ${a.unit}${a.inferred ? ' (推定)' : ''}`;
        add('m', a.span, 6, `m:${task.id}.${j}`, ['mn', `role-${a.role}`], label, [a.unit]);
      });
      task.targets.forEach((x, i) => add('x', x.span, 5, `x:${task.id}.${i}`, ['tgt'], `指标 ${x.indicator}`));
      task.deadlines.forEach((x, i) => add('y', x.span, 5, `y:${task.id}.${i}`, ['dl'], `时限 ${x.raw}`));
    }
  }

  const tasks = new Map(plan.annexes.flatMap((a) => a.tasks.map((t) => [t.id, t] as const)));
  const sourceId = new Map<ItemKey, string>();
  const highlights: Highlight[] = [];
  for (const g of groups.values()) {
    const id = domId(prefix, 's', g.keys[0]);
    for (const k of g.keys) sourceId.set(k, id);
    highlights.push({
      start: g.span.start,
      end: g.span.end,
      rank: g.rank,
      tagName: g.className[0] === 'task' || g.className[0] === 'mn' ? 'mark' : 'span',
      properties: {
        id,
        className: ['hl', ...g.className],
        dataK: g.keys.join(' '),
        dataOut: options.partner ? (options.partner(g.keys[0]) ?? undefined) : domId(prefix, 'o', outlineKey(tasks, g.keys[0])),
        dataUnits: g.units.size ? [...g.units].join('|') : undefined,
        title: g.titles.size ? [...g.titles].join('\n') : undefined,
      },
    });
  }
  return { highlights, sourceId, spans };
}
