// What the 修订对照表 lists, shared by the Markdown, Word and PDF reports: each change as a row, except that a run of
// tasks renumbered by the same shift (a task inserted above them) reads as one line — 附件3 第6项起各项序号顺延1位
// （第6—14项）— and tasks are placed as an auditor cites them: 附件3 第5项《title》 with the id beside.
import type { Plan } from '../../model/schema.js';
import { describeChange, type ChangeRow, type DescribeOptions, type TaskRef } from './describe.js';
import { redline } from '../../diff/redline.js';
import type { Change, RedlineSegment } from '../../diff/schema.js';

/** The two plans compared, for the task titles and numbers the places name (optional: ids alone without them). */
export interface PlanPair {
  readonly old: Plan;
  readonly new: Plan;
}

export interface ReportEntry {
  /** The changes the entry stands for: one, or a run of renumbered tasks. */
  readonly changes: readonly Change[];
  readonly row: ChangeRow;
  /** Edits to mark in 原内容 / 修改后: the change's own redline, or one worked out for a changed value (15%→12%, a lead swapped). */
  readonly redline: readonly RedlineSegment[] | null;
}

/** A lookup of a task's number and title by id, on the side the id belongs to. */
export function taskRefs(plans: PlanPair | undefined): DescribeOptions['taskRef'] {
  if (!plans) return undefined;
  const index = (plan: Plan) => new Map(plan.annexes.flatMap((a) => a.tasks.map((t) => [t.id, { number: t.number, title: t.title }] as const)));
  const before = index(plans.old);
  const after = index(plans.new);
  return (id: string, side: 'old' | 'new'): TaskRef | null => (side === 'new' ? after.get(id) : before.get(id)) ?? null;
}

const numeric = (v: unknown): number | null => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : typeof v === 'number' ? v : null);

function isRenumber(c: Change): boolean {
  return c.entity === 'task' && c.kind === 'renumbered' && numeric(c.old) !== null && numeric(c.new) !== null;
}

/** Edits to mark: the change's redline, else a modified value's old and new text compared whole (数值, 牵头单位). */
function marks(c: Change, row: ChangeRow): readonly RedlineSegment[] | null {
  if (c.redline) return c.redline;
  if (c.kind !== 'modified' || c.old === null || c.new === null || row.old === row.new) return null;
  if (c.entity === 'assignment' && c.field === 'lead') return [{ op: 'delete', text: row.old }, { op: 'insert', text: row.new }];
  return redline(row.old, row.new);
}

/** 【更正】 before the note of an entry a corrections file made (markCorrections), in every report alike. */
function tagCorrections(entry: ReportEntry): ReportEntry {
  if (!entry.changes.some((c) => c.fromCorrections)) return entry;
  return { ...entry, row: { ...entry.row, note: `【更正】${entry.row.note}` } };
}

export function reportEntries(changes: readonly Change[], plans?: PlanPair, options: DescribeOptions = {}): ReportEntry[] {
  return entriesOf(changes, plans, options).map(tagCorrections);
}

function entriesOf(changes: readonly Change[], plans: PlanPair | undefined, options: DescribeOptions): ReportEntry[] {
  const describe = { ...options, taskRef: options.taskRef ?? taskRefs(plans) };
  const out: ReportEntry[] = [];
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]!;
    if (isRenumber(c)) {
      const shift = numeric(c.new)! - numeric(c.old)!;
      let j = i + 1;
      while (j < changes.length && isRenumber(changes[j]!) && changes[j]!.annex === c.annex && numeric(changes[j]!.old) === numeric(changes[j - 1]!.old)! + 1 && numeric(changes[j]!.new)! - numeric(changes[j]!.old)! === shift) j++;
      if (j - i >= 2) {
        const run = changes.slice(i, j);
        const last = run[run.length - 1]!;
        const annex = c.annex && (options.withAnnex ?? true) ? `附件${c.annex.slice(1)} ` : '';
        const from = numeric(c.old)!;
        const to = numeric(last.old)!;
        const way = shift > 0 ? `顺延${shift}位` : `提前${-shift}位`;
        out.push({
          changes: run,
          row: {
            place: `${annex}第${from}—${to}项（${c.oldId}—${last.oldId}）`,
            old: `第${from}—${to}项（${c.oldId}—${last.oldId}）`,
            new: `第${from + shift}—${to + shift}项（${c.newId}—${last.newId}）`,
            note: `${annex}第${from}项起各项序号${way}（第${from}—${to}项，共${run.length}项）`,
            match: null,
          },
          redline: null,
        });
        i = j - 1;
        continue;
      }
    }
    const row = describeChange(c, describe);
    out.push({ changes: [c], row, redline: marks(c, row) });
  }
  return out;
}
