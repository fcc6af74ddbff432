// Applying the corrections file: a stage after extraction and before validation. Plan in, plan out: pure (the plan
// given is not touched) and deterministic. Each item a fix changes carries `corrected`; a fix whose anchor is gone
// is reported as stale and changes nothing.
import type { Assignment, Correction, Diagnostic, Leader, Plan, Role, Task, Unit } from '../model/schema.js';
import { LineIndex } from '../text/position.js';
import { findTask } from './anchor.js';
import type { Fix, FixesFile, TaskAnchor } from './schema.js';

export interface StaleFix {
  /** the fix's index in the file's `fixes` */
  readonly index: number;
  readonly op: Fix['op'];
  /** what it looked for and did not find */
  readonly message: string;
}

export interface AppliedFixes {
  readonly plan: Plan;
  /** fixes that changed the plan */
  readonly applied: number;
  readonly stale: readonly StaleFix[];
}

export interface ApplyOptions {
  /** the corrections file's path, named in the diagnostics (default: "fixes") */
  readonly file?: string;
}

const RANK: Record<Role, number> = { lead: 0, responsible: 1, cooperate: 2 };

class Stale extends Error {}

/**
 * Apply a corrections file to a Plan.
 *
 * @param plan the Plan as extracted (not modified)
 * @param fixes the corrections file (see FixesFile)
 * @param source the source text the plan's spans point into (add-unit finds its unit there)
 * @returns the corrected Plan (its diagnostics tell each fix applied, as info, and each stale one, as a warning), how
 *   many fixes applied, and the stale ones
 */
export function applyFixes(plan: Plan, fixes: FixesFile, source: string, options: ApplyOptions = {}): AppliedFixes {
  const out = structuredClone(plan);
  const file = options.file ?? 'fixes';
  const touched = new Set<string>();
  const stale: StaleFix[] = [];
  const notes: Diagnostic[] = [];
  let index: LineIndex | undefined;
  const lines = () => (index ??= new LineIndex(source));
  let applied = 0;
  fixes.fixes.forEach((fix, i) => {
    const mark: Correction = { op: fix.op, reason: fix.reason, at: fix.at };
    try {
      const what = applyOne(out, fix, mark, source, lines, touched);
      applied++;
      notes.push(note('info', 'fix-applied', `${file}: 更正 #${i} ${fix.op}: ${what} (${fix.reason})`));
    } catch (error) {
      if (!(error instanceof Stale)) throw error;
      const message = `${file}: 更正 #${i} ${fix.op} 已失效,未应用 (stale fix, not applied): ${error.message}`;
      stale.push({ index: i, op: fix.op, message });
      notes.push(note('warning', 'stale-fix', message));
    }
  });
  recount(out, touched);
  out.diagnostics.push(...notes);
  return { plan: out, applied, stale };
}

const note = (severity: Diagnostic['severity'], ruleId: string, message: string): Diagnostic => ({ severity, ruleId, source: 'fenjie:fixes', message, annex: null, task: null, span: null });

const tasksOf = (plan: Plan): Task[] => plan.annexes.flatMap((a) => a.tasks);
const names = (a: Assignment, name: string): boolean => a.unit === name || a.raw === name;

function oneTask(plan: Plan, anchor: TaskAnchor): Task {
  const found = findTask(plan, anchor);
  if (!found.task) throw new Stale('why' in found ? found.why : '');
  return found.task;
}

/** The tasks a fix with an optional anchor speaks for: the one it names, or all of them. */
const scope = (plan: Plan, anchor: TaskAnchor | undefined): Task[] => (anchor ? [oneTask(plan, anchor)] : tasksOf(plan));

function applyOne(plan: Plan, fix: Fix, mark: Correction, source: string, lines: () => LineIndex, touched: Set<string>): string {
  switch (fix.op) {
    case 'set-role': {
      const task = oneTask(plan, fix.task);
      const hits = task.assignments.filter((a) => names(a, fix.unit));
      if (!hits.length) throw new Stale(`任务 ${task.id} 中无单位 "${fix.unit}" (no unit "${fix.unit}" in task ${task.id} "${task.title}")`);
      for (const a of hits) Object.assign(a, { role: fix.role, inferred: false, rule: null, corrected: mark });
      touched.add(hits[0].unit);
      return `${task.id} ${fix.unit} → ${fix.role}`;
    }
    case 'add-unit': {
      const task = oneTask(plan, fix.task);
      const text = source.slice(task.span.start, task.span.end);
      let at = -1;
      for (let n = 0; n < (fix.occurrence ?? 1); n++) {
        at = text.indexOf(fix.written, at + 1);
        if (at < 0) throw new Stale(`任务 ${task.id} 原文中无 "${fix.written}" (task ${task.id} "${task.title}" does not read "${fix.written}"${fix.occurrence ? ` ${fix.occurrence} times` : ''})`);
      }
      const start = task.span.start + at;
      const span = lines().span(start, start + fix.written.length);
      const unit = fix.unit ?? fix.written;
      const present = task.assignments.find((a) => a.unit === unit);
      if (present) Object.assign(present, { role: fix.role, inferred: false, rule: null, corrected: mark });
      else {
        const clause = [...task.clauses].reverse().find((c) => c.span.start <= start) ?? task.clauses[0];
        const added: Assignment = { role: fix.role, unit, raw: fix.written, clause: clause?.index ?? 0, inferred: false, rule: null, resolvedFrom: null, desk: null, span, mention: { raw: fix.written, span }, corrected: mark };
        // After the last assignment written before it, so the list stays in reading order.
        let after = task.assignments.length;
        while (after > 0 && task.assignments[after - 1].span.start > start) after--;
        task.assignments.splice(after, 0, added);
      }
      ensureUnit(plan, unit, mark);
      touched.add(unit);
      return `${task.id} + ${unit} (${fix.role})`;
    }
    case 'remove-mention': {
      let removed = 0;
      for (const task of scope(plan, fix.task)) {
        const before = task.assignments.length;
        task.assignments = task.assignments.filter((a) => {
          if (names(a, fix.unit)) touched.add(a.unit);
          return !names(a, fix.unit);
        });
        removed += before - task.assignments.length;
      }
      if (!removed) throw new Stale(`无单位 "${fix.unit}" (no mention "${fix.unit}"${fix.task ? ` in the task "${fix.task.title}"` : ''})`);
      return `- ${fix.unit} (${removed})`;
    }
    case 'merge-units':
      return `${rename(plan, fix.units, fix.into, mark, touched)} → ${fix.into}`;
    case 'rename-unit':
      return `${rename(plan, [fix.from], fix.to, mark, touched)} → ${fix.to}`;
    case 'split-unit': {
      let split = 0;
      for (const task of scope(plan, fix.task)) {
        task.assignments = task.assignments.flatMap((a) => {
          if (!names(a, fix.unit)) return [a];
          split++;
          touched.add(a.unit);
          return fix.into.map((part): Assignment => {
            const at = a.raw.indexOf(part);
            // A part found in the name as written gets its own place; else it stands where the whole name does.
            const written = at < 0 ? { raw: a.raw, span: a.span } : { raw: part, span: lines().span(a.span.start + at, a.span.start + at + part.length) };
            return { ...a, unit: part, ...written, mention: written, corrected: mark };
          });
        });
      }
      if (!split) throw new Stale(`无单位 "${fix.unit}" (no unit "${fix.unit}"${fix.task ? ` in the task "${fix.task.title}"` : ''})`);
      for (const part of fix.into) {
        ensureUnit(plan, part, mark);
        touched.add(part);
      }
      return `${fix.unit} → ${fix.into.join('、')}`;
    }
    case 'set-lead': {
      const task = oneTask(plan, fix.task);
      const hits = task.assignments.filter((a) => names(a, fix.unit));
      if (!hits.length) throw new Stale(`任务 ${task.id} 中无单位 "${fix.unit}" (no unit "${fix.unit}" in task ${task.id} "${task.title}")`);
      for (const a of task.assignments) {
        if (hits.includes(a)) Object.assign(a, { role: 'lead', inferred: false, rule: null, corrected: mark });
        else if (a.role === 'lead') Object.assign(a, { role: 'responsible', inferred: false, rule: null, corrected: mark });
        touched.add(a.unit);
      }
      return `${task.id} 牵头 ${fix.unit}`;
    }
    case 'mark-person': {
      let marked = 0;
      for (const task of scope(plan, fix.task)) {
        const hits = task.assignments.filter((a) => names(a, fix.name));
        if (!hits.length) continue;
        marked += hits.length;
        for (const a of hits) touched.add(a.unit);
        task.assignments = task.assignments.filter((a) => !hits.includes(a));
        if (!task.leaders.some((l) => l.name === fix.name)) {
          const leader: Leader = { name: fix.name, title: fix.title ?? null, raw: hits[0].raw, span: hits[0].span, corrected: mark };
          task.leaders.push(leader);
        }
      }
      if (!marked) throw new Stale(`无单位 "${fix.name}" (no unit "${fix.name}"${fix.task ? ` in the task "${fix.task.title}"` : ''})`);
      return `${fix.name} 为人员 (a person)`;
    }
  }
}

/** Every name in `from` becomes `into`: assignments, work groups, collectives' members, the registry (as aliases). */
function rename(plan: Plan, from: readonly string[], into: string, mark: Correction, touched: Set<string>): string {
  const gone = new Set(from.filter((n) => n !== into));
  const present = plan.units.filter((u) => gone.has(u.name));
  if (!present.length) throw new Stale(`无单位 ${[...gone].map((n) => `"${n}"`).join('、')} (no unit ${[...gone].join(', ')} in the plan)`);
  const to = (name: string) => (gone.has(name) ? into : name);
  for (const task of tasksOf(plan)) {
    const kept = new Map<string, Assignment>();
    task.assignments = task.assignments.filter((a) => {
      if (!gone.has(a.unit)) return true;
      a.unit = into;
      a.corrected = mark;
      // Two names of one unit in one task are one assignment, with the stronger role.
      const first = kept.get(into) ?? task.assignments.find((b) => b !== a && b.unit === into && !gone.has(b.unit));
      if (first && first !== a) {
        if (RANK[a.role] < RANK[first.role]) first.role = a.role;
        first.corrected = mark;
        return false;
      }
      kept.set(into, a);
      return true;
    });
  }
  for (const annex of plan.annexes) {
    if (!annex.workGroup) continue;
    annex.workGroup.members = [...new Set(annex.workGroup.members.map(to))];
    if (annex.workGroup.office) annex.workGroup.office = to(annex.workGroup.office);
  }
  const target = plan.units.find((u) => u.name === into) ?? { ...present[0], name: into, aliases: [] };
  target.aliases = [...new Set([...target.aliases, ...present.flatMap((u) => [u.name, ...u.aliases])])].filter((n) => n !== into);
  target.members = [...new Set([...target.members, ...present.flatMap((u) => u.members)].map(to))].filter((n) => n !== into);
  target.corrected = mark;
  const at = plan.units.findIndex((u) => u.name === into || gone.has(u.name));
  plan.units = plan.units.filter((u) => u !== target && !gone.has(u.name));
  plan.units.splice(Math.min(at, plan.units.length), 0, target);
  for (const u of plan.units) {
    u.members = [...new Set(u.members.map(to))];
    if (u.parent) u.parent = to(u.parent);
  }
  touched.add(into);
  return [...gone].join('、');
}

function ensureUnit(plan: Plan, name: string, mark: Correction): void {
  if (plan.units.some((u) => u.name === name)) return;
  const unit: Unit = { name, aliases: [], parent: null, kind: 'unit', members: [], counts: { lead: 0, responsible: 0, cooperate: 0 }, corrected: mark };
  plan.units.push(unit);
}

/**
 * Counts as extraction gives them (distinct tasks per role), again; a unit a fix left with no task and nothing else
 * naming it (a work group, a collective) leaves the registry. Units no fix touched stay as extraction listed them.
 */
function recount(plan: Plan, touched: ReadonlySet<string>): void {
  const counts = new Map<string, Record<Role, Set<string>>>();
  for (const task of tasksOf(plan)) {
    for (const a of task.assignments) {
      const c = counts.get(a.unit) ?? { lead: new Set(), responsible: new Set(), cooperate: new Set() };
      c[a.role].add(task.id);
      counts.set(a.unit, c);
    }
  }
  const named = new Set<string>();
  for (const annex of plan.annexes) {
    for (const m of annex.workGroup?.members ?? []) named.add(m);
    if (annex.workGroup?.office) named.add(annex.workGroup.office);
  }
  for (const u of plan.units) {
    for (const m of u.members) named.add(m);
    if (u.parent) named.add(u.parent);
  }
  plan.units = plan.units.filter((u) => !touched.has(u.name) || counts.has(u.name) || named.has(u.name) || u.kind === 'collective');
  for (const u of plan.units) {
    const c = counts.get(u.name);
    u.counts = { lead: c?.lead.size ?? 0, responsible: c?.responsible.size ?? 0, cooperate: c?.cooperate.size ?? 0 };
  }
}
