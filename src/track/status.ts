// The status of every tracked task for one reporting round, as of one day (issue 17 point 3): pure over the data a
// workspace holds (WorkspaceData). A task's status is its lead units' worst report (滞后 > 未启动 > 推进中 > 已完成),
// else the worst of any unit's, 未启动 where nobody reported; a unit that did not report in the round stands on its
// latest report of an earlier round. Ordering follows the plan: annexes, tasks, units as the plan lists them.
import type { Annex, Plan, Task } from '../model/schema.js';
import { taskDue, planCadence } from './due.js';
import type { Handout, Status, TaskReport, TaskState, TrackStatus, TrackedPlan, UnitReport, WorkspaceData } from './model.js';
import { STATUSES } from './model.js';
import { DUE_SOON_DAYS, warningOf } from './warnings.js';

export interface TrackStatusOptions {
  /** YYYY-MM-DD the warnings are computed for. */
  readonly asOf: string;
  /** The reporting round (default: each plan's latest round handed out). */
  readonly round?: string;
  /** Only the tasks this unit (or one of its desks) takes part in, and its own silence. */
  readonly unit?: string;
  /** Blue within this many days of a dated deadline (default 15). */
  readonly dueSoonDays?: number;
}

/** Worst first: what decides a task's status when its units disagree. */
const SEVERITY: Readonly<Record<Status, number>> = { 滞后: 3, 未启动: 2, 推进中: 1, 已完成: 0 };

export function worstStatus(statuses: readonly Status[]): Status | null {
  let worst: Status | null = null;
  for (const s of statuses) if (worst === null || SEVERITY[s] > SEVERITY[worst]) worst = s;
  return worst;
}

export const emptyTotals = (): Record<Status, number> => Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;

/** A printed annex label: 附件1 产业培塑行动 (render has its own; track does not import render). */
export function annexName(annex: Annex): string {
  const name = annex.action ?? annex.title;
  return annex.number > 0 ? `附件${annex.number} ${name}` : name;
}

/** Rounds in the order they were handed out (first handout date, then name), oldest first. */
export function roundOrder(handouts: readonly Handout[], reports: readonly TaskReport[] = []): string[] {
  const first = new Map<string, string>();
  for (const h of handouts) if (!first.has(h.round) || h.date < first.get(h.round)!) first.set(h.round, h.date);
  for (const r of reports) if (!first.has(r.round)) first.set(r.round, '9999-12-31');
  return [...first.keys()].sort((a, b) => first.get(a)!.localeCompare(first.get(b)!) || a.localeCompare(b, 'zh-CN', { numeric: true }));
}

/** Unit names in a task's assignment order, each once; `lead` only the lead units. */
export function taskUnits(task: Task, role?: 'lead'): string[] {
  return [...new Set(task.assignments.filter((a) => !role || a.role === role).map((a) => a.unit))];
}

/** Name → the names it answers for: itself, its aliases, its desks (units whose parent it is). */
function coverage(plan: Plan): (reporter: string, assigned: string) => boolean {
  const parent = new Map(plan.units.map((u) => [u.name, u.parent]));
  const alias = new Map<string, string>();
  for (const u of plan.units) for (const a of u.aliases) alias.set(a, u.name);
  return (reporter, assigned) => {
    const r = alias.get(reporter) ?? reporter;
    return r === assigned || parent.get(assigned) === r;
  };
}

function planRound(tracked: TrackedPlan, data: WorkspaceData, round: string | undefined): string {
  if (round !== undefined) return round;
  const order = roundOrder(data.handouts.filter((h) => h.planId === tracked.planId), data.reports.filter((r) => r.planId === tracked.planId));
  return order[order.length - 1] ?? '';
}

function taskState(plan: Plan, tracked: TrackedPlan, annex: Annex, task: Task, standing: readonly TaskReport[], options: TrackStatusOptions, covers: ReturnType<typeof coverage>): TaskState {
  const lead = taskUnits(task, 'lead');
  const units = taskUnits(task);
  const isLead = (unit: string) => lead.some((l) => covers(unit, l));
  const reports: UnitReport[] = standing.map((r) => ({
    unit: r.unit, round: r.round, status: r.status, progress: r.progress, evidence: r.evidence, reporter: r.reporter, reportedOn: r.reportedOn, lead: isLead(r.unit),
  }));
  const statuses = (rs: readonly UnitReport[]) => rs.flatMap((r) => (r.status ? [r.status] : []));
  const status = worstStatus(statuses(reports.filter((r) => r.lead))) ?? worstStatus(statuses(reports)) ?? '未启动';
  const due = taskDue(plan, task, options.asOf);
  const withText = reports.filter((r) => r.progress.trim() !== '');
  // The latest said: by 填报日期, then the order collected (standing is in seq order within a round).
  const last = [...withText].sort((a, b) => (a.reportedOn ?? '').localeCompare(b.reportedOn ?? '')).pop();
  return {
    planId: tracked.planId,
    annexId: annex.id,
    taskId: task.id,
    title: task.title,
    lead,
    units,
    status,
    due: due.due,
    warning: warningOf({ status, due, asOf: options.asOf, start: plan.notice.date, dueSoonDays: options.dueSoonDays ?? DUE_SOON_DAYS }),
    lastReport: last ? { unit: last.unit, progress: last.progress, reportedOn: last.reportedOn } : null,
    deadlines: task.deadlines.map((d) => d.raw).join('、'),
    dueKind: due.kind,
    cadence: due.cadence ?? planCadence(plan),
    reports,
  };
}

/** The status of every task of every tracked plan for one round, as of `options.asOf`. Pure; deterministic. */
export function trackStatus(data: WorkspaceData, options: TrackStatusOptions): TrackStatus {
  const plans = data.plans.map((tracked) => {
    const plan = tracked.plan;
    const round = planRound(tracked, data, options.round);
    const order = roundOrder(data.handouts.filter((h) => h.planId === tracked.planId), data.reports.filter((r) => r.planId === tracked.planId));
    const upTo = new Set(order.includes(round) ? order.slice(0, order.indexOf(round) + 1) : [round]);
    const rank = new Map(order.map((r, i) => [r, i]));
    const covers = coverage(plan);
    // Per task and unit, the report standing in this round: the round's own, else the latest earlier one.
    const standing = new Map<string, Map<string, TaskReport>>();
    for (const r of data.reports) {
      if (r.planId !== tracked.planId || !upTo.has(r.round)) continue;
      const byUnit = standing.get(r.taskId) ?? new Map<string, TaskReport>();
      standing.set(r.taskId, byUnit);
      const held = byUnit.get(r.unit);
      const later = !held || (rank.get(r.round) ?? -1) > (rank.get(held.round) ?? -1) || (r.round === held.round && r.seq > held.seq);
      if (later) byUnit.set(r.unit, r);
    }
    const unitIndex = new Map(plan.units.map((u, i) => [u.name, i]));
    const byPlanOrder = (a: string, b: string) => (unitIndex.get(a) ?? Infinity) - (unitIndex.get(b) ?? Infinity) || a.localeCompare(b, 'zh-CN');
    const mine = (task: Task) => options.unit === undefined || task.assignments.some((a) => covers(options.unit!, a.unit));

    const totals = emptyTotals();
    const annexes: { annexId: string; label: string; totals: Record<Status, number> }[] = [];
    const tasks: TaskState[] = [];
    for (const annex of plan.annexes) {
      const annexTotals = emptyTotals();
      let any = false;
      for (const task of annex.tasks) {
        if (!mine(task)) continue;
        const units = taskUnits(task);
        const own = [...(standing.get(task.id)?.values() ?? [])].sort((a, b) => {
          const ia = units.findIndex((u) => covers(a.unit, u));
          const ib = units.findIndex((u) => covers(b.unit, u));
          return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib) || byPlanOrder(a.unit, b.unit);
        });
        const state = taskState(plan, tracked, annex, task, own, options, covers);
        tasks.push(state);
        annexTotals[state.status]++;
        totals[state.status]++;
        any = true;
      }
      if (any) annexes.push({ annexId: annex.id, label: annexName(annex), totals: annexTotals });
    }

    const handedOut = [...new Set(data.handouts.filter((h) => h.planId === tracked.planId && h.round === round && h.unit !== '全部').map((h) => h.unit))];
    const returned = new Set([
      ...data.files.filter((f) => f.planId === tracked.planId && f.round === round).map((f) => f.unit),
      ...data.reports.filter((r) => r.planId === tracked.planId && r.round === round).map((r) => r.unit),
    ]);
    const silent = handedOut
      .filter((u) => !returned.has(u))
      .filter((u) => options.unit === undefined || covers(options.unit, u) || covers(u, options.unit))
      .sort(byPlanOrder);
    return {
      planId: tracked.planId,
      docNumber: tracked.docNumber,
      title: tracked.title,
      totals,
      annexes,
      tasks,
      silent,
      round,
      handedOut: handedOut.sort(byPlanOrder),
    };
  });
  const rounds = [...new Set(plans.map((p) => p.round))];
  const round = options.round ?? (rounds.length === 1 ? rounds[0]! : roundOrder(data.handouts, data.reports).pop() ?? '');
  return { asOf: options.asOf, round, plans, unit: options.unit ?? null, dueSoonDays: options.dueSoonDays ?? DUE_SOON_DAYS };
}
