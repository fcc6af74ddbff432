// One way to build a Change, so every builder fills every field the schema asks for.
import type { Change, ChangeEntity, ChangeKind, ChangeValue, Match, RedlineSegment } from './schema.js';

export interface ChangeInit {
  readonly kind: ChangeKind;
  readonly entity: ChangeEntity;
  readonly annex?: string | null;
  readonly oldId?: string | null;
  readonly newId?: string | null;
  readonly field?: string | null;
  readonly key?: string | null;
  readonly old?: ChangeValue;
  readonly new?: ChangeValue;
  readonly match?: Match | null;
  readonly redline?: readonly RedlineSegment[];
}

export function change(init: ChangeInit): Change {
  const out: Change = {
    kind: init.kind,
    entity: init.entity,
    annex: init.annex ?? null,
    oldId: init.oldId ?? null,
    newId: init.newId ?? null,
    field: init.field ?? null,
    key: init.key ?? null,
    old: init.old ?? null,
    new: init.new ?? null,
    match: init.match ?? null,
  };
  if (init.redline) out.redline = [...init.redline];
  return out;
}

/** Where a change sits: the annex it is reported under and the ids of its owner on each side. */
export interface ChangeContext {
  readonly annex: string | null;
  readonly oldId: string | null;
  readonly newId: string | null;
  readonly match: Match | null;
}

/** added / removed / modified for one scalar that may be missing on either side. */
export function scalarChange(
  entity: ChangeEntity,
  field: string,
  oldValue: string | null,
  newValue: string | null,
  ctx: ChangeContext,
  redline?: readonly RedlineSegment[],
): Change[] {
  if (oldValue === newValue) return [];
  const kind: ChangeKind = oldValue === null ? 'added' : newValue === null ? 'removed' : 'modified';
  return [change({ kind, entity, field, old: oldValue, new: newValue, ...ctx, redline })];
}

/** Members of a list that appeared or disappeared, each one change, in list order (new side, then old). */
export function listChanges(
  entity: ChangeEntity,
  field: string,
  oldList: readonly string[],
  newList: readonly string[],
  ctx: ChangeContext,
): Change[] {
  const oldSet = new Set(oldList);
  const newSet = new Set(newList);
  const out: Change[] = [];
  for (const item of unique(newList)) {
    if (!oldSet.has(item)) out.push(change({ kind: 'added', entity, field, key: item, new: item, ...ctx }));
  }
  for (const item of unique(oldList)) {
    if (!newSet.has(item)) out.push(change({ kind: 'removed', entity, field, key: item, old: item, ...ctx }));
  }
  return out;
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
