// What one unit's 责任清单 holds, and the unit × task roles the matrices print, computed once from the Plan.
import type { Annex, Plan, Role, Task, Unit, WorkGroup } from '../model/schema.js';
import { deadlinesText, displayName, ROLE_RANK, targetsText } from './plan-view.js';

/** The strongest role each unit holds in a task, by canonical unit name. */
export function rolesInTask(task: Task): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const a of task.assignments) {
    const had = roles.get(a.unit);
    if (had === undefined || ROLE_RANK[a.role] < ROLE_RANK[had]) roles.set(a.unit, a.role);
  }
  return roles;
}

export interface UnitTask {
  readonly annex: Annex;
  readonly task: Task;
  readonly role: Role;
  /** Desks of the bureau that carry the task (科技, 工信), empty when the bureau itself does. */
  readonly desks: readonly string[];
  readonly leads: readonly string[];
  /** The other units in the task (not the unit or its desks), strongest role first. */
  readonly partners: readonly string[];
  readonly targets: string;
  readonly deadlines: string;
}

export interface UnitAnnexCount {
  readonly annex: Annex;
  readonly lead: number;
  readonly join: number;
}

export interface UnitGroup {
  readonly annex: Annex;
  readonly group: WorkGroup;
  /** 召集人单位 / 办公室 / 成员单位: how the unit belongs. */
  readonly as: readonly string[];
}

export interface UnitView {
  readonly unit: Unit;
  readonly lead: readonly UnitTask[];
  readonly join: readonly UnitTask[];
  readonly perAnnex: readonly UnitAnnexCount[];
  readonly groups: readonly UnitGroup[];
  readonly cadences: readonly string[];
  readonly hasDesks: boolean;
}

/** The canonical names a unit's sheet covers: itself and its desks (units whose parent it is). */
export function namesCovered(plan: Plan, unit: Unit): Set<string> {
  const names = new Set([unit.name, ...unit.aliases]);
  for (const u of plan.units) if (u.parent === unit.name) names.add(u.name);
  return names;
}

function deskOf(unitName: string, desk: string | null, unit: Unit): string | null {
  if (desk) return desk;
  return unitName === unit.name ? null : unitName;
}

export function unitView(plan: Plan, unit: Unit): UnitView {
  const names = namesCovered(plan, unit);
  const lead: UnitTask[] = [];
  const join: UnitTask[] = [];
  const perAnnex: UnitAnnexCount[] = [];
  let hasDesks = false;
  for (const annex of plan.annexes) {
    let nLead = 0;
    let nJoin = 0;
    for (const task of annex.tasks) {
      const mine = task.assignments.filter((a) => names.has(a.unit));
      if (mine.length === 0) continue;
      const role = mine.reduce<Role>((best, a) => (ROLE_RANK[a.role] < ROLE_RANK[best] ? a.role : best), 'cooperate');
      const desks = [...new Set(mine.map((a) => deskOf(a.unit, a.desk, unit)).filter((d): d is string => d !== null))];
      if (desks.length > 0) hasDesks = true;
      const others = task.assignments
        .filter((a) => !names.has(a.unit))
        .sort((x, y) => ROLE_RANK[x.role] - ROLE_RANK[y.role]);
      const entry: UnitTask = {
        annex,
        task,
        role,
        desks,
        leads: [...new Set(others.filter((a) => a.role === 'lead').map(displayName))],
        // Co-leads first, marked, then the units that share or assist.
        partners: [...new Set([...others.filter((a) => a.role === 'lead').map((a) => `${displayName(a)}（牵头）`), ...others.filter((a) => a.role !== 'lead').map(displayName)])],
        targets: targetsText(task),
        deadlines: deadlinesText(task),
      };
      if (role === 'lead') {
        lead.push(entry);
        nLead++;
      } else {
        join.push(entry);
        nJoin++;
      }
    }
    if (nLead + nJoin > 0) perAnnex.push({ annex, lead: nLead, join: nJoin });
  }
  const groups: UnitGroup[] = [];
  for (const annex of plan.annexes) {
    const g = annex.workGroup;
    if (!g) continue;
    const as: string[] = [];
    if (g.convener && names.has(g.convener)) as.push('召集人');
    if (g.deputyConveners.some((d) => names.has(d))) as.push('副召集人');
    if (g.office && names.has(g.office)) as.push('办公室');
    if (g.members.some((m) => names.has(m))) as.push('成员单位');
    if (as.length > 0) groups.push({ annex, group: g, as });
  }
  const cadences = [...new Set(plan.notice.cadences.map((c) => c.raw))];
  return { unit, lead, join, perAnnex, groups, cadences, hasDesks };
}

/** Units that get a 责任清单: every real unit (collectives are groups, not addressees). */
export function sheetUnits(plan: Plan): Unit[] {
  return plan.units.filter((u) => u.kind === 'unit');
}

/** Per annex, the units that appear in it (plan.units order) and their roles per task. */
export interface AnnexMatrix {
  readonly annex: Annex;
  readonly units: readonly string[];
  readonly roles: ReadonlyMap<string, ReadonlyMap<string, Role>>;
}

export function annexMatrix(plan: Plan, annex: Annex): AnnexMatrix {
  const roles = new Map<string, Map<string, Role>>();
  for (const task of annex.tasks) roles.set(task.id, rolesInTask(task));
  const present = new Set<string>();
  for (const r of roles.values()) for (const name of r.keys()) present.add(name);
  return { annex, units: orderUnits(plan, present), roles };
}

/** Units of the plan in registry order, then any name the registry lacks, so nothing an assignment names is dropped. */
export function orderUnits(plan: Plan, names: ReadonlySet<string>): string[] {
  // Real units first, collectives (区直有关单位…) after them: the matrices are read by unit.
  const registry = [...plan.units.filter((u) => u.kind === 'unit'), ...plan.units.filter((u) => u.kind !== 'unit')];
  const known = registry.filter((u) => names.has(u.name)).map((u) => u.name);
  const rest = [...names].filter((n) => !known.includes(n)).sort();
  return [...known, ...rest];
}

/** Units × annexes: tasks led and tasks joined (responsible or cooperate), counted from assignments. */
export function annexCounts(plan: Plan): { unit: string; counts: { lead: number; join: number }[] }[] {
  const matrices = plan.annexes.map((a) => annexMatrix(plan, a));
  const all = new Set<string>();
  for (const m of matrices) for (const u of m.units) all.add(u);
  return orderUnits(plan, all).map((unit) => ({
    unit,
    counts: matrices.map((m) => {
      let lead = 0;
      let join = 0;
      for (const r of m.roles.values()) {
        const role = r.get(unit);
        if (role === 'lead') lead++;
        else if (role) join++;
      }
      return { lead, join };
    }),
  }));
}
