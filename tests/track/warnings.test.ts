// warnings.ts: valid (no warning) and invalid (a warning, its level) cases, in the textlint style.
import { describe, expect, it } from 'vitest';
import { dueOf } from '../../src/track/due.js';
import type { Status, Warning } from '../../src/track/model.js';
import { warningOf } from '../../src/track/warnings.js';
import type { Deadline } from '../../src/model/schema.js';

const span = { start: 0, end: 0, line: 1, column: 1, endLine: 1, endColumn: 1 };
const dated = [{ kind: 'by-date', date: '2025-12-31', period: null, raw: '2025年底前', span }] as Deadline[];
const quarterly = [{ kind: 'recurring', date: null, period: 'quarter', raw: '每季度', span }] as Deadline[];
const ongoing = [{ kind: 'ongoing', date: null, period: null, raw: '长期坚持', span }] as Deadline[];
const START = '2024-04-12'; // the sample notice's date; half of the time to 2025-12-31 (628 days) is 2025-02-20

interface Case { readonly name: string; readonly deadlines: Deadline[]; readonly status: Status; readonly asOf: string; readonly days?: number }

const valid: Case[] = [
  { name: 'done past its date', deadlines: dated, status: '已完成', asOf: '2026-01-15' },
  { name: 'done and 滞后 never both: 已完成 has none', deadlines: dated, status: '已完成', asOf: '2025-12-25' },
  { name: 'under way, 16 days before the date', deadlines: dated, status: '推进中', asOf: '2025-12-15' },
  { name: '未启动 at exactly half its time', deadlines: dated, status: '未启动', asOf: '2025-02-20' },
  { name: 'a recurring date is a reporting date, not a deadline', deadlines: quarterly, status: '推进中', asOf: '2026-03-30' },
  { name: 'a recurring 未启动 is not judged by time', deadlines: quarterly, status: '未启动', asOf: '2026-03-30' },
  { name: 'ongoing is never overdue', deadlines: ongoing, status: '未启动', asOf: '2030-01-01' },
  { name: 'no deadline (plan cadence) is never overdue', deadlines: [], status: '推进中', asOf: '2030-01-01' },
  { name: 'a shorter window', deadlines: dated, status: '推进中', asOf: '2025-12-20', days: 10 },
];

const invalid: (Case & { readonly want: Warning })[] = [
  { name: 'past its date, under way', deadlines: dated, status: '推进中', asOf: '2026-01-01', want: 'red' },
  { name: 'past its date, 滞后: red outranks yellow', deadlines: dated, status: '滞后', asOf: '2026-01-15', want: 'red' },
  { name: 'past its date, 未启动', deadlines: dated, status: '未启动', asOf: '2026-01-15', want: 'red' },
  { name: 'on its date is not past it: due soon', deadlines: dated, status: '推进中', asOf: '2025-12-31', want: 'blue' },
  { name: '15 days before the date', deadlines: dated, status: '推进中', asOf: '2025-12-16', want: 'blue' },
  { name: 'within a 10-day window', deadlines: dated, status: '推进中', asOf: '2025-12-21', days: 10, want: 'blue' },
  { name: 'reported 滞后, date far off', deadlines: dated, status: '滞后', asOf: '2024-06-01', want: 'yellow' },
  { name: 'reported 滞后 on a recurring task', deadlines: quarterly, status: '滞后', asOf: '2024-06-01', want: 'yellow' },
  { name: 'reported 滞后 on an ongoing task', deadlines: ongoing, status: '滞后', asOf: '2024-06-01', want: 'yellow' },
  { name: '未启动 past half its time', deadlines: dated, status: '未启动', asOf: '2025-02-21', want: 'yellow' },
  { name: '未启动 past half its time and due soon: yellow outranks blue', deadlines: dated, status: '未启动', asOf: '2025-12-20', want: 'yellow' },
];

describe('warningOf', () => {
  describe('valid: no warning', () => {
    it.each(valid)('$name', ({ deadlines, status, asOf, days }) =>
      expect(warningOf({ status, due: dueOf(deadlines, asOf, 'month'), asOf, start: START, dueSoonDays: days })).toBeNull(),
    );
  });
  describe('invalid: a warning', () => {
    it.each(invalid)('$name → $want', ({ deadlines, status, asOf, days, want }) =>
      expect(warningOf({ status, due: dueOf(deadlines, asOf, 'month'), asOf, start: START, dueSoonDays: days })).toBe(want),
    );
  });
  it('without a notice date, 未启动 is judged by red and blue only', () => {
    expect(warningOf({ status: '未启动', due: dueOf(dated, '2025-06-01', null), asOf: '2025-06-01', start: null })).toBeNull();
  });
});
