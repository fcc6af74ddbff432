// Which differences are corrections: a ChangeSet of the corrected plans set beside the ChangeSet of the same plans
// as read. A change of the first that the second lacks comes from a fix on one side (marked `fromCorrections`); a
// change of the second that the first lacks is one a fix removed (listed in `undoneByCorrections`), e.g. a lead that
// extraction misread in the new version only. Changes are compared whole (what, where, old and new values), as a
// multiset, so two identical changes are matched one to one.
import type { Change, ChangeSet } from './schema.js';

/**
 * A change's identity without its pairing score or redline, which can move when a neighbouring text changes. A
 * unit's task counts are derived: a fix on both versions shifts both counts, and the difference is still the
 * revision's, so counts changes are matched by unit alone.
 */
function identity(c: Change): string {
  const values = c.entity === 'unit' && c.field === 'counts' ? [] : [c.old, c.new];
  return JSON.stringify([c.kind, c.entity, c.annex, c.oldId, c.newId, c.field, c.key, ...values]);
}

function counts(changes: readonly Change[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of changes) {
    const id = identity(c);
    out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}

/** Take one occurrence of `id` out of `pool`; true if there was one. */
function take(pool: Map<string, number>, id: string): boolean {
  const n = pool.get(id) ?? 0;
  if (n === 0) return false;
  pool.set(id, n - 1);
  return true;
}

/**
 * The corrected ChangeSet with each change that the as-read ChangeSet lacks marked `fromCorrections: true`, and the
 * as-read changes the corrections removed as `undoneByCorrections` (always present, possibly empty). Order is kept.
 */
export function markCorrections(corrected: ChangeSet, asRead: ChangeSet): ChangeSet {
  const raw = counts(asRead.changes);
  const changes = corrected.changes.map((c) => (take(raw, identity(c)) ? c : { ...c, fromCorrections: true as const }));
  const fixed = counts(corrected.changes);
  const undone = asRead.changes.filter((c) => !take(fixed, identity(c)));
  return { ...corrected, changes, undoneByCorrections: undone };
}
