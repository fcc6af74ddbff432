// Who does a task: units added or removed, roles changed, and a replaced lead reported as one change.
import type { Assignment, Role } from '../model/schema.js';
import { change, type ChangeContext } from './change.js';
import type { Change } from './schema.js';

const STRENGTH: Record<Role, number> = { lead: 3, responsible: 2, cooperate: 1 };

/** A bureau's desk is a different responsible party: 区发展和改革局〈科技〉 is not 区发展和改革局〈工信〉. */
export function unitKey(a: Assignment): string {
  return a.desk && !a.unit.includes(a.desk) ? `${a.unit}〈${a.desk}〉` : a.unit;
}

/**
 * One role per unit per task: the strongest, since a unit named twice (annex 8 has one clause per sentence)
 * is as accountable as its strongest mention. Insertion order follows the clauses.
 */
export function rolesByUnit(assignments: readonly Assignment[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const a of assignments) {
    const key = unitKey(a);
    const had = roles.get(key);
    if (!had || STRENGTH[a.role] > STRENGTH[had]) roles.set(key, a.role);
  }
  return roles;
}

export function diffAssignments(
  oldAssignments: readonly Assignment[],
  newAssignments: readonly Assignment[],
  ctx: ChangeContext,
): Change[] {
  const before = rolesByUnit(oldAssignments);
  const after = rolesByUnit(newAssignments);
  const leadsBefore = [...before].filter(([, r]) => r === 'lead').map(([u]) => u);
  const leadsAfter = [...after].filter(([, r]) => r === 'lead').map(([u]) => u);
  const lostLeads = leadsBefore.filter((u) => after.get(u) !== 'lead');
  const newLeads = leadsAfter.filter((u) => before.get(u) !== 'lead');

  const out: Change[] = [];
  // A lead that left and a lead that came: one "lead replaced" change instead of a removal plus an addition.
  const replaced = lostLeads.length > 0 && newLeads.length > 0;
  if (replaced) {
    out.push(change({ kind: 'modified', entity: 'assignment', field: 'lead', old: leadsBefore, new: leadsAfter, ...ctx }));
  }
  const covered = (unit: string): boolean => replaced && (lostLeads.includes(unit) || newLeads.includes(unit));

  for (const [unit, role] of after) {
    const had = before.get(unit);
    if (had === undefined) {
      if (!covered(unit)) out.push(change({ kind: 'added', entity: 'assignment', field: 'role', key: unit, new: role, ...ctx }));
    } else if (had !== role) {
      out.push(change({ kind: 'modified', entity: 'assignment', field: 'role', key: unit, old: had, new: role, ...ctx }));
    }
  }
  for (const [unit, role] of before) {
    if (!after.has(unit) && !covered(unit)) {
      out.push(change({ kind: 'removed', entity: 'assignment', field: 'role', key: unit, old: role, ...ctx }));
    }
  }
  return out;
}
