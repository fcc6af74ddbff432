// The corrections file (更正): what a person changed in what extraction read, one operation a fix, each with its
// reason and date. Fixes name their task by its text, not only its id, so they survive a renumbered revision.
import { z } from 'zod';
import { Role } from '../model/schema.js';

export const FIXES_VERSION = 1;

/**
 * A task named by what it says: its heading sentence (`title`), a short hash of its normalized text (`hash`, see
 * taskHash) to tell apart tasks with the same heading, and its id as a last hint only. A renumbered revision keeps
 * the title; a task whose title is gone is not guessed at.
 */
export const TaskAnchor = z.object({
  title: z.string().min(1).describe('the task\'s heading sentence, as in plan.json `title`'),
  hash: z.string().regex(/^[0-9a-f]{8}$/).optional().describe('taskHash of the task\'s text: picks one of several tasks with this title'),
  id: z.string().optional().describe('the task id when the fix was made (A1.T3): a hint, used only between tasks that match otherwise'),
});
export type TaskAnchor = z.infer<typeof TaskAnchor>;

/** ISO date (2026-12-02) or date-time (2026-12-02T15:04:05Z). */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'ISO date, e.g. 2026-12-02');

const base = {
  reason: z.string().trim().min(1).describe('why: what the person saw'),
  at: IsoDate.describe('when the fix was made'),
};

/** A unit's role in a task (`unit`: canonical name or as written). */
export const SetRole = z.object({ op: z.literal('set-role'), task: TaskAnchor, unit: z.string().min(1), role: Role, ...base });

/** A unit extraction missed: `written` is the text as it stands in the task (its `occurrence`-th, from 1), giving the span. */
export const AddUnit = z.object({
  op: z.literal('add-unit'),
  task: TaskAnchor,
  written: z.string().min(1).describe('the unit as written in the task text'),
  occurrence: z.number().int().positive().optional().describe('which occurrence of `written` in the task (default 1)'),
  unit: z.string().min(1).optional().describe('canonical name (default: as written)'),
  role: Role,
  ...base,
});

/** A mention that is not a unit; in one task, or in every task when `task` is left out. */
export const RemoveMention = z.object({ op: z.literal('remove-mention'), task: TaskAnchor.optional(), unit: z.string().min(1).describe('as written or canonical'), ...base });

/** Names that are one unit: every name in `units` becomes `into` (which may be one of them); the others become its aliases. */
export const MergeUnits = z.object({ op: z.literal('merge-units'), units: z.array(z.string().min(1)).min(2), into: z.string().min(1), ...base });

/** One name written run-together that is several units, each with the role the name had; in one task or every task. */
export const SplitUnit = z.object({ op: z.literal('split-unit'), task: TaskAnchor.optional(), unit: z.string().min(1), into: z.array(z.string().min(1)).min(2), ...base });

/** The lead of a task: `unit` (assigned in the task) becomes its lead; any other lead becomes responsible. */
export const SetLead = z.object({ op: z.literal('set-lead'), task: TaskAnchor, unit: z.string().min(1), ...base });

/** A name that is a person (a leader), not a unit: its assignments become the task's leaders; in one task or every task. */
export const MarkPerson = z.object({ op: z.literal('mark-person'), task: TaskAnchor.optional(), name: z.string().min(1), title: z.string().min(1).optional().describe('the office, e.g. 副区长'), ...base });

/** A unit's canonical name: `from` becomes `to` everywhere, and stays an alias. */
export const RenameUnit = z.object({ op: z.literal('rename-unit'), from: z.string().min(1), to: z.string().min(1), ...base });

export const Fix = z.discriminatedUnion('op', [SetRole, AddUnit, RemoveMention, MergeUnits, SplitUnit, SetLead, MarkPerson, RenameUnit]);
export type Fix = z.infer<typeof Fix>;
export type FixOp = Fix['op'];
export const FIX_OPS: readonly FixOp[] = ['set-role', 'add-unit', 'remove-mention', 'merge-units', 'split-unit', 'set-lead', 'mark-person', 'rename-unit'];

/** A corrections file: `通知.fixes.json` beside `通知.txt`. */
export const FixesFile = z.object({
  fenjie: z.literal('fixes'),
  version: z.literal(FIXES_VERSION),
  fixes: z.array(Fix),
});
export type FixesFile = z.infer<typeof FixesFile>;

export function fixesJsonSchema(): unknown {
  return z.toJSONSchema(FixesFile, { target: 'draft-2020-12' });
}
