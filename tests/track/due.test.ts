// due.ts: calendar arithmetic on ISO dates (month ends, leap years, quarter ends) and a task's due date by kind.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, daysInMonth, dueOf, periodEnd, planCadence, taskDue, type Period } from '../../src/track/due.js';
import type { Deadline } from '../../src/model/schema.js';
import { samplePlan } from './status-fixture.js';

const span = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
const byDate = (date: string): Deadline => ({ kind: 'by-date', date, period: null, raw: date, span });
const every = (period: Period): Deadline => ({ kind: 'recurring', date: null, period, raw: period, span });
const ongoing: Deadline = { kind: 'ongoing', date: null, period: null, raw: '长期坚持', span };

describe('calendar', () => {
  it.each([
    [2024, 2, 29], [2023, 2, 28], [1900, 2, 28], [2000, 2, 29], [2025, 4, 30], [2025, 12, 31], [2026, 1, 31],
  ])('%i-%i has %i days', (y, m, d) => expect(daysInMonth(y, m)).toBe(d));

  it.each([
    ['2024-02-28', 1, '2024-02-29'], ['2023-02-28', 1, '2023-03-01'], ['2024-12-31', 1, '2025-01-01'], ['2024-03-01', -1, '2024-02-29'], ['2025-12-31', 15, '2026-01-15'],
  ])('%s + %i days = %s', (from, n, to) => expect(addDays(from, n)).toBe(to));

  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2023-02-01', '2023-03-01')).toBe(28);
    expect(daysBetween('2024-04-12', '2025-12-31')).toBe(628);
    expect(daysBetween('2026-01-15', '2025-12-31')).toBe(-15);
  });

  it.each([
    ['2024-02-10', 'month', '2024-02-29'], ['2023-02-10', 'month', '2023-02-28'], ['2024-04-30', 'month', '2024-04-30'],
    ['2024-01-01', 'quarter', '2024-03-31'], ['2024-04-01', 'quarter', '2024-06-30'], ['2024-08-15', 'quarter', '2024-09-30'], ['2024-12-31', 'quarter', '2024-12-31'],
    ['2024-06-30', 'half-year', '2024-06-30'], ['2024-07-01', 'half-year', '2024-12-31'], ['2024-03-03', 'year', '2024-12-31'],
    ['2024-02-05', 'ten-days', '2024-02-10'], ['2024-02-11', 'ten-days', '2024-02-20'], ['2024-02-21', 'ten-days', '2024-02-29'], ['2023-02-21', 'ten-days', '2023-02-28'],
    // 2026-01-15 is a Thursday; 2026-01-18 a Sunday.
    ['2026-01-15', 'week', '2026-01-18'], ['2026-01-18', 'week', '2026-01-18'], ['2026-01-19', 'week', '2026-01-25'],
  ] as const)('%s: the %s ends on %s', (date, period, end) => expect(periodEnd(date, period)).toBe(end));
});

describe('dueOf', () => {
  it.each([
    { name: 'a dated deadline is its date', deadlines: [byDate('2025-12-31')], asOf: '2025-06-01', want: { kind: 'by-date', due: '2025-12-31', cadence: 'month' } },
    { name: 'a passed dated deadline stays its date (overdue)', deadlines: [byDate('2025-12-31')], asOf: '2026-01-15', want: { kind: 'by-date', due: '2025-12-31', cadence: 'month' } },
    { name: 'of two dates, the next one', deadlines: [byDate('2025-12-31'), byDate('2024-06-30')], asOf: '2024-07-01', want: { kind: 'by-date', due: '2025-12-31', cadence: 'month' } },
    { name: 'a date with a cadence keeps the task cadence', deadlines: [byDate('2025-12-31'), every('quarter')], asOf: '2025-01-01', want: { kind: 'by-date', due: '2025-12-31', cadence: 'quarter' } },
    { name: 'quarterly: the quarter end', deadlines: [every('quarter')], asOf: '2024-05-20', want: { kind: 'recurring', due: '2024-06-30', cadence: 'quarter' } },
    { name: 'quarterly and monthly: the month end', deadlines: [every('quarter'), every('month')], asOf: '2024-02-03', want: { kind: 'recurring', due: '2024-02-29', cadence: 'month' } },
    { name: 'yearly', deadlines: [every('year')], asOf: '2024-05-20', want: { kind: 'recurring', due: '2024-12-31', cadence: 'year' } },
    { name: 'ongoing is never due', deadlines: [ongoing], asOf: '2024-05-20', want: { kind: 'ongoing', due: null, cadence: 'month' } },
    { name: 'no deadline: the plan cadence', deadlines: [], asOf: '2024-05-20', want: { kind: 'cadence', due: '2024-05-31', cadence: 'month' } },
  ] as const)('$name', ({ deadlines, asOf, want }) => expect(dueOf(deadlines, asOf, 'month')).toEqual(want));

  it('no deadline and no plan cadence: none', () => expect(dueOf([], '2024-05-20', null)).toEqual({ kind: 'none', due: null, cadence: null }));
});

describe('on the sample', () => {
  it('the plan reports monthly (旬调度 twice and 月底收集/每月 twice: the longer wins the tie)', async () => {
    const plan = await samplePlan();
    expect(plan.notice.cadences.map((c) => c.period).sort()).toEqual(['month', 'month', 'ten-days', 'ten-days']);
    expect(planCadence(plan)).toBe('month');
  });

  it('gives A7.T5 its date, A5.T8 the quarter end, A4.T8 none, an undated task the month end', async () => {
    const plan = await samplePlan();
    const task = (id: string) => plan.annexes.flatMap((a) => a.tasks).find((t) => t.id === id)!;
    expect(taskDue(plan, task('A7.T5'), '2026-01-15')).toEqual({ kind: 'by-date', due: '2025-12-31', cadence: 'month' });
    expect(taskDue(plan, task('A5.T8'), '2026-01-15')).toEqual({ kind: 'recurring', due: '2026-03-31', cadence: 'quarter' });
    expect(taskDue(plan, task('A4.T8'), '2026-01-15')).toEqual({ kind: 'ongoing', due: null, cadence: 'month' });
    expect(taskDue(plan, task('A1.T1'), '2024-02-15')).toEqual({ kind: 'cadence', due: '2024-02-29', cadence: 'month' });
    const dated = plan.annexes.flatMap((a) => a.tasks).filter((t) => taskDue(plan, t, '2026-01-15').kind === 'by-date');
    expect(dated.map((t) => t.id)).toEqual(['A7.T5']);
  });
});
