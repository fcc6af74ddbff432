// A task's due date as of a day (issue 17): a dated deadline is its date; a recurring one (每季度, 每月…) is the end
// of the current period, its reporting cadence; an ongoing one (长期坚持) is never due; a task with no deadline
// reports on the plan's cadence (the notice's 调度/报送 requirements). Pure calendar arithmetic in UTC on ISO dates.
import type { Deadline, Plan, Task } from '../model/schema.js';

/** Reporting periods, shortest first. */
export const PERIODS = ['week', 'ten-days', 'month', 'quarter', 'half-year', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export type DueKind = 'by-date' | 'recurring' | 'ongoing' | 'cadence' | 'none';

export interface Due {
  /**
   * by-date: a dated deadline (2025年底前); recurring: the task's own cadence; ongoing: 长期, never overdue;
   * cadence: no deadline, the plan's reporting cadence; none: neither.
   */
  readonly kind: DueKind;
  /** ISO date: the dated deadline, or the next period end on or after as-of; null for ongoing and none. */
  readonly due: string | null;
  /** The reporting period that applies (the task's, else the plan's), or null. */
  readonly cadence: Period | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Days in a month (1–12) of a year, leap years by the Gregorian rule. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date `days` after (or before, negative) an ISO date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [a, b, c] = parts(from);
  const [x, y, z] = parts(to);
  return Math.round((Date.UTC(x, y - 1, z) - Date.UTC(a, b - 1, c)) / 86_400_000);
}

/** The last day of the period that holds `date`: week (Sunday), ten-days (10th, 20th, month end), month, quarter, half-year, year. */
export function periodEnd(date: string, period: Period): string {
  const [y, m, d] = parts(date);
  switch (period) {
    case 'week': {
      const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
      return addDays(date, (7 - weekday) % 7);
    }
    case 'ten-days':
      return d <= 10 ? iso(y, m, 10) : d <= 20 ? iso(y, m, 20) : iso(y, m, daysInMonth(y, m));
    case 'month':
      return iso(y, m, daysInMonth(y, m));
    case 'quarter': {
      const end = Math.ceil(m / 3) * 3;
      return iso(y, end, daysInMonth(y, end));
    }
    case 'half-year':
      return m <= 6 ? iso(y, 6, 30) : iso(y, 12, 31);
    case 'year':
      return iso(y, 12, 31);
  }
}

export function isPeriod(value: string | null | undefined): value is Period {
  return (PERIODS as readonly string[]).includes(value ?? '');
}

/**
 * The plan's reporting cadence: the period its 调度/报送 requirements name most often; on a tie the longer period,
 * since the shorter one is usually the scheduling meeting (旬调度) and the longer the return of the ledger (月底收集).
 */
export function planCadence(plan: Plan): Period | null {
  const counts = new Map<Period, number>();
  for (const c of plan.notice.cadences) if (isPeriod(c.period)) counts.set(c.period, (counts.get(c.period) ?? 0) + 1);
  let best: Period | null = null;
  for (const p of PERIODS) {
    const n = counts.get(p) ?? 0;
    if (n > 0 && (best === null || n >= counts.get(best)!)) best = p;
  }
  return best;
}

/**
 * A task's due date as of `asOf`. Dated deadlines win: the earliest on or after as-of, else the last one passed
 * (so an overdue task stays overdue). Recurring ones give the nearest period end on or after as-of and the shortest
 * period as cadence. Ongoing: no due date. No deadline: the plan's cadence (`planPeriod`), else none.
 */
export function dueOf(deadlines: readonly Deadline[], asOf: string, planPeriod: Period | null = null): Due {
  const dated = deadlines.filter((d) => d.kind === 'by-date' && d.date && ISO.test(d.date)).map((d) => d.date!).sort();
  const periods = PERIODS.filter((p) => deadlines.some((d) => d.kind === 'recurring' && d.period === p));
  const cadence = periods[0] ?? planPeriod;
  if (dated.length > 0) return { kind: 'by-date', due: dated.find((d) => d >= asOf) ?? dated[dated.length - 1]!, cadence };
  if (periods.length > 0) return { kind: 'recurring', due: periodEnd(asOf, periods[0]!), cadence };
  if (deadlines.some((d) => d.kind === 'ongoing')) return { kind: 'ongoing', due: null, cadence: planPeriod };
  if (planPeriod) return { kind: 'cadence', due: periodEnd(asOf, planPeriod), cadence: planPeriod };
  return { kind: 'none', due: null, cadence: null };
}

/** `dueOf` for a task of a plan. */
export function taskDue(plan: Plan, task: Task, asOf: string): Due {
  return dueOf(task.deadlines, asOf, planCadence(plan));
}
