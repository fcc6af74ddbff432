// Counts by kind and by entity, every key present, so that the JSON shape never depends on the data.
import { ChangeEntity, ChangeKind, type Change, type ChangeSummary, type KindCounts } from './schema.js';

function zero(): KindCounts {
  return Object.fromEntries(ChangeKind.options.map((k) => [k, 0])) as KindCounts;
}

export function summarize(changes: readonly Change[]): ChangeSummary {
  const byKind = zero();
  const byEntity = Object.fromEntries(ChangeEntity.options.map((e) => [e, zero()])) as ChangeSummary['byEntity'];
  for (const c of changes) {
    byKind[c.kind]++;
    byEntity[c.entity][c.kind]++;
  }
  return { total: changes.length, byKind, byEntity };
}
