// diffPlans: Plan × Plan → ChangeSet. Pure and deterministic: the same two plans always give the same bytes.
import type { Annex, Plan } from '../model/schema.js';
import { change, scalarChange, type ChangeContext } from './change.js';
import { diffNotice } from './diff-notice.js';
import { diffAnnexTasks } from './diff-tasks.js';
import { diffTargets } from './diff-targets.js';
import { diffUnits } from './diff-units.js';
import { diffWorkGroups } from './diff-work-groups.js';
import { matchAnnexes, type AnnexPair } from './match-annexes.js';
import { matchTasks, type MatchThresholds } from './match-tasks.js';
import { redline } from './redline.js';
import { ChangeSet, CHANGESET_VERSION, type AnnexRef, type Change, type PlanRef } from './schema.js';
import { summarize } from './summary.js';

export interface DiffOptions extends MatchThresholds {
  /** Equal runs shorter than this between two edits are folded into the edit in redlines (default: 3). */
  readonly redlineMinEqual?: number;
  /** Report units whose task counts changed, appeared or disappeared (default: true). */
  readonly units?: boolean;
}

/**
 * Compare two plans. Order of changes: notice, plan goals, then each annex of the new plan (annex, goals, tasks in
 * reading order, work group), then removed annexes, then units by name. Spans and offsets are never compared.
 */
export function diffPlans(oldPlan: Plan, newPlan: Plan, options: DiffOptions = {}): ChangeSet {
  const minEqual = options.redlineMinEqual;
  const annexes = matchAnnexes(oldPlan.annexes, newPlan.annexes);
  const tasks = matchTasks(oldPlan.annexes, newPlan.annexes, annexes.pairs, options);
  const nowhere: ChangeContext = { annex: null, oldId: null, newId: null, match: null };

  const changes: Change[] = [
    ...diffNotice(oldPlan.notice, newPlan.notice, minEqual),
    ...diffTargets('goal', oldPlan.goals, newPlan.goals, nowhere),
  ];
  const refs: AnnexRef[] = [];
  for (const annex of newPlan.annexes) {
    const pair = annexes.pairs.find((p) => p.new === annex) ?? null;
    refs.push({ annex: annex.id, oldId: pair?.old.id ?? null, number: annex.number, title: annex.title });
    if (!pair) {
      changes.push(change({ kind: 'added', entity: 'annex', annex: annex.id, newId: annex.id, field: 'title', new: annex.title }));
      for (const item of diffAnnexTasks(null, annex, tasks, minEqual)) changes.push(item);
      continue;
    }
    for (const item of [...diffAnnex(pair, minEqual), ...diffAnnexTasks(pair.old, annex, tasks, minEqual)]) changes.push(item);
    const ctx: ChangeContext = { annex: annex.id, oldId: pair.old.id, newId: annex.id, match: null };
    for (const item of diffWorkGroups(pair.old.workGroup, annex.workGroup, ctx, minEqual)) changes.push(item);
  }
  for (const annex of annexes.removed) {
    changes.push(change({ kind: 'removed', entity: 'annex', oldId: annex.id, field: 'title', old: annex.title }));
  }
  if (options.units ?? true) for (const item of diffUnits(oldPlan.units, newPlan.units)) changes.push(item);

  return ChangeSet.parse({
    version: CHANGESET_VERSION,
    old: planRef(oldPlan),
    new: planRef(newPlan),
    annexes: refs,
    summary: summarize(changes),
    changes,
  });
}

function diffAnnex(pair: AnnexPair, minEqual?: number): Change[] {
  const o: Annex = pair.old;
  const n: Annex = pair.new;
  const ctx: ChangeContext = { annex: n.id, oldId: o.id, newId: n.id, match: pair.match };
  const out: Change[] = [];
  if (o.number !== n.number) {
    out.push(change({ kind: 'renumbered', entity: 'annex', field: 'number', old: o.number, new: n.number, ...ctx }));
  }
  const titleLines = o.title !== n.title ? redline(o.title, n.title, { minEqual }) : undefined;
  for (const item of scalarChange('annex', 'title', o.title, n.title, ctx, titleLines)) out.push(item);
  for (const item of scalarChange('annex', 'action', o.action, n.action, ctx)) out.push(item);
  for (const item of diffTargets('goal', o.goals, n.goals, { ...ctx, match: null })) out.push(item);
  return out;
}

function planRef(plan: Plan): PlanRef {
  return {
    path: plan.source.path,
    sha256: plan.source.sha256,
    title: plan.notice.planTitle ?? plan.notice.title,
    docNumber: plan.notice.docNumber,
    date: plan.notice.date,
  };
}
