// What one unit's 责任清单 holds, and the unit × task roles the matrices print, computed once from the Plan.
import type { Annex, Plan, Role, Task, Unit, WorkGroup } from '../model/schema.js';
import { deadlinesText, displayName, leadersText, NO_LEAD, ROLE_RANK, targetsText } from './plan-view.js';
import { partsOf, type TaskPart } from './scope-view.js';
import { officeOrder } from './unit-order.js';

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
  /** The collective the task came to the unit through (各成员单位), when it was not named itself. */
  readonly via: string | null;
  /** The parts of the task the unit's clauses speak for; empty when it answers for the whole task. */
  readonly parts: readonly TaskPart[];
  /** 责任领导, as written; empty when the task names none. */
  readonly leaders: string;
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
  /** Actions (annexes) the unit takes part in: through a task or a work group. */
  readonly actions: number;
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
      const strongest = mine.filter((a) => a.role === role);
      // Through a collective only when no clause names the unit itself.
      const via = strongest.every((a) => a.resolvedFrom) ? strongest[0]!.resolvedFrom : null;
      const leads = [...new Set(others.filter((a) => a.role === 'lead').map(displayName))];
      const entry: UnitTask = {
        annex,
        task,
        role,
        desks,
        leads: leads.length > 0 || role === 'lead' ? leads : [NO_LEAD],
        via,
        parts: partsOf(task, strongest),
        leaders: leadersText(task),
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
  const actions = new Set([...perAnnex.map((a) => a.annex.id), ...groups.map((g) => g.annex.id)]).size;
  return { unit, lead, join, perAnnex, groups, cadences, hasDesks, actions };
}

/** Whether any assignment of the plan names the collective itself (not resolved to its members). */
function assigned(plan: Plan, name: string): boolean {
  return plan.annexes.some((a) => a.tasks.some((t) => t.assignments.some((x) => x.unit === name)));
}

/**
 * Units that get a 责任清单: every real unit, and every collective a task is given to (各乡〈街道〉 are addressees of
 * the notice too), in office order.
 */
export function sheetUnits(plan: Plan): Unit[] {
  const units = plan.units.filter((u) => u.kind === 'unit' || assigned(plan, u.name));
  const order = officeOrder(plan, new Set(units.map((u) => u.name)));
  const byName = new Map(units.map((u) => [u.name, u]));
  return order.map((n) => byName.get(n)!);
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

/** Units of the plan in office order (see unit-order.ts), so nothing an assignment names is dropped. */
export function orderUnits(plan: Plan, names: ReadonlySet<string>): string[] {
  return officeOrder(plan, names);
}

/** One row of the units × annexes counts: a unit, or (depth 1) a desk of the bureau above it. */
export interface CountRow {
  readonly unit: string;
  /** 0 for a unit (a bureau counted with its desks), 1 for a desk under its bureau. */
  readonly depth: 0 | 1;
  readonly counts: readonly { readonly lead: number; readonly join: number }[];
}

/** Tasks led and joined per annex by a set of names, each task counted once under its strongest role. */
export function countTasks(plan: Plan, names: ReadonlySet<string>): { lead: number; join: number }[] {
  return plan.annexes.map((annex) => {
    let lead = 0;
    let join = 0;
    for (const task of annex.tasks) {
      const mine = task.assignments.filter((a) => names.has(a.unit));
      if (mine.length === 0) continue;
      if (mine.some((a) => a.role === 'lead')) lead++;
      else join++;
    }
    return { lead, join };
  });
}

/**
 * Units × annexes: tasks led and joined, counted as the unit sheets and index.md count them — a bureau with its
 * desks (the bureau's sheet lists its desks' tasks), each desk again on a row of its own under it.
 */
export function annexCounts(plan: Plan): CountRow[] {
  const present = new Set<string>();
  for (const a of plan.annexes) for (const t of a.tasks) for (const x of t.assignments) present.add(x.unit);
  const byName = new Map(plan.units.map((u) => [u.name, u]));
  // A desk brings its bureau in; the bureau's row counts the desk's tasks too.
  for (const name of [...present]) {
    const parent = byName.get(name)?.parent;
    if (parent) present.add(parent);
  }
  return orderUnits(plan, present).map((unit) => {
    const u = byName.get(unit);
    const desk = u?.parent != null;
    const names = u && !desk ? namesCovered(plan, u) : new Set([unit]);
    return { unit, depth: desk ? 1 : 0, counts: countTasks(plan, names) };
  });
}
