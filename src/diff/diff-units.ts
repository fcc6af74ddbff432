// The unit registry: units that appear, units that disappear, and units whose load (task counts) changed.
import type { Unit } from '../model/schema.js';
import { change } from './change.js';
import type { Change } from './schema.js';

/** Sorted by name (code points, not locale), so the order does not depend on the ICU data of the machine. */
export function diffUnits(oldUnits: readonly Unit[], newUnits: readonly Unit[]): Change[] {
  const before = new Map(oldUnits.map((u) => [u.name, u]));
  const after = new Map(newUnits.map((u) => [u.name, u]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Change[] = [];
  for (const name of names) {
    const o = before.get(name);
    const n = after.get(name);
    const base = { entity: 'unit', field: 'counts', key: name } as const;
    if (!o) out.push(change({ ...base, kind: 'added', new: { ...n!.counts } }));
    else if (!n) out.push(change({ ...base, kind: 'removed', old: { ...o.counts } }));
    else if (o.counts.lead !== n.counts.lead || o.counts.responsible !== n.counts.responsible || o.counts.cooperate !== n.counts.cooperate) {
      out.push(change({ ...base, kind: 'modified', old: { ...o.counts }, new: { ...n.counts } }));
    }
  }
  return out;
}
