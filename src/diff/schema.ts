// The ChangeSet: what diffPlans returns and what every reporter reads. Validated by zod like the Plan itself.
import { z } from 'zod';

export const CHANGESET_VERSION = '1.0.0';

export const ChangeKind = z.enum(['added', 'removed', 'modified', 'renumbered', 'moved']);
export type ChangeKind = z.infer<typeof ChangeKind>;

/** `annex` is beyond the brief's list: an annex can itself be added, removed, retitled or renumbered. */
export const ChangeEntity = z.enum(['notice', 'annex', 'goal', 'task', 'target', 'assignment', 'workGroup', 'unit']);
export type ChangeEntity = z.infer<typeof ChangeEntity>;

/** How an old item was paired with a new one; score is the text similarity (0–1) of the pair. */
export const Match = z.object({
  method: z.enum(['id', 'text']),
  score: z.number().min(0).max(1),
});
export type Match = z.infer<typeof Match>;

export const RedlineSegment = z.object({
  op: z.enum(['equal', 'delete', 'insert']),
  text: z.string().min(1),
});
export type RedlineSegment = z.infer<typeof RedlineSegment>;

/** Values stay small and printable: text, numbers, unit lists, or role counts. */
export const ChangeValue = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.record(z.string(), z.number()),
  z.null(),
]);
export type ChangeValue = z.infer<typeof ChangeValue>;

export const Change = z.object({
  kind: ChangeKind,
  entity: ChangeEntity,
  annex: z.string().regex(/^A\d+$/).nullable().describe('the annex the change is reported under (new id, or old id for a removal)'),
  oldId: z.string().nullable().describe('id of the item (or its owner) in the old plan, e.g. A3.T6'),
  newId: z.string().nullable().describe('id of the item (or its owner) in the new plan, e.g. A3.T7'),
  field: z.string().nullable().describe('which property changed, e.g. docNumber, text, value, role, members'),
  key: z.string().nullable().describe('what the change is about inside its owner: an indicator, a unit name'),
  old: ChangeValue,
  new: ChangeValue,
  match: Match.nullable(),
  redline: z.array(RedlineSegment).optional(),
  fromCorrections: z.literal(true).optional().describe('set by markCorrections: the difference is absent from the diff of the plans as read, so a corrections file made it'),
});
export type Change = z.infer<typeof Change>;

const KindCounts = z.object({
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  modified: z.number().int().nonnegative(),
  renumbered: z.number().int().nonnegative(),
  moved: z.number().int().nonnegative(),
});
export type KindCounts = z.infer<typeof KindCounts>;

export const ChangeSummary = z.object({
  total: z.number().int().nonnegative(),
  byKind: KindCounts,
  byEntity: z.object(Object.fromEntries(ChangeEntity.options.map((e) => [e, KindCounts])) as Record<ChangeEntity, typeof KindCounts>),
});
export type ChangeSummary = z.infer<typeof ChangeSummary>;

/** Which plan a ChangeSet compares; enough for a report header without the plans at hand. */
export const PlanRef = z.object({
  path: z.string(),
  sha256: z.string(),
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  date: z.string().nullable(),
});
export type PlanRef = z.infer<typeof PlanRef>;

/**
 * The annexes of the new plan that changes are grouped under, in order, with the id each had in the old plan.
 * A removed annex is one change at plan level (annex: null), so old and new ids never share a group.
 */
export const AnnexRef = z.object({
  annex: z.string().regex(/^A\d+$/),
  oldId: z.string().nullable(),
  number: z.number().int().nonnegative(),
  title: z.string(),
});
export type AnnexRef = z.infer<typeof AnnexRef>;

export const ChangeSet = z.object({
  version: z.literal(CHANGESET_VERSION),
  old: PlanRef,
  new: PlanRef,
  annexes: z.array(AnnexRef),
  summary: ChangeSummary,
  changes: z.array(Change),
  undoneByCorrections: z.array(Change).optional().describe('set by markCorrections: differences of the plans as read that the corrections removed'),
});
export type ChangeSet = z.infer<typeof ChangeSet>;
