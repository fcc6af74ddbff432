// What the schema cannot say about a Plan read from a plan.json: ids are unique, spans lie inside the source and do
// not run backwards, and names refer to units the plan lists. A plan.json edited by hand or by another tool is
// refused with the first field that breaks one of these, before anything is rendered from it.
import type { Plan, Span } from './schema.js';

/** The first problem found, as `annexes.2.tasks.5.span: …`, or null for a consistent plan. */
export function planProblem(plan: Plan): string | null {
  const { chars, lines } = plan.source;
  const span = (where: string, s: Span | null | undefined): string | null => {
    if (!s) return null;
    if (s.start > s.end) return `${where}: start ${s.start} is after end ${s.end}`;
    if (s.end > chars) return `${where}: end ${s.end} is past the end of the source (${chars} characters)`;
    if (lines > 0 && (s.line > lines || s.endLine > lines)) return `${where}: line ${Math.max(s.line, s.endLine)} is past the last line of the source (${lines})`;
    if (s.endLine < s.line || (s.endLine === s.line && s.endColumn < s.column)) return `${where}: ends (${s.endLine}:${s.endColumn}) before it starts (${s.line}:${s.column})`;
    return null;
  };
  const mention = (where: string, m: { raw: string; span: Span } | null | undefined): string | null => {
    if (!m) return null;
    return span(`${where}.span`, m.span) ?? (m.raw.length !== m.span.end - m.span.start ? `${where}.raw: ${m.raw.length} characters for a span of ${m.span.end - m.span.start}` : null);
  };
  const units = new Map<string, number>();
  for (const [i, u] of plan.units.entries()) {
    if (units.has(u.name)) return `units.${i}.name: duplicate unit "${u.name}" (also units.${units.get(u.name)})`;
    units.set(u.name, i);
  }
  const unit = (where: string, name: string | null): string | null => (name === null || units.has(name) ? null : `${where}: "${name}" is not among the plan's units`);

  for (const [i, t] of plan.goals.entries()) {
    const p = mention(`goals.${i}`, t);
    if (p) return p;
  }
  const annexIds = new Map<string, number>();
  const taskIds = new Map<string, string>();
  for (const [a, annex] of plan.annexes.entries()) {
    const at = `annexes.${a}`;
    if (annexIds.has(annex.id)) return `${at}.id: duplicate id ${annex.id} (also annexes.${annexIds.get(annex.id)})`;
    annexIds.set(annex.id, a);
    const problem =
      span(`${at}.span`, annex.span) ??
      first(annex.goals, (g, i) => mention(`${at}.goals.${i}`, g)) ??
      first(annex.sections, (s, i) => span(`${at}.sections.${i}.span`, s.span)) ??
      first(annex.rules, (r, i) => mention(`${at}.rules.${i}`, r)) ??
      (annex.workGroup
        ? (mention(`${at}.workGroup`, annex.workGroup) ??
          first(annex.workGroup.members, (m, i) => unit(`${at}.workGroup.members.${i}`, m)) ??
          unit(`${at}.workGroup.office`, annex.workGroup.office))
        : null);
    if (problem) return problem;
    for (const [k, task] of annex.tasks.entries()) {
      const tt = `${at}.tasks.${k}`;
      if (taskIds.has(task.id)) return `${tt}.id: duplicate id ${task.id} (also ${taskIds.get(task.id)})`;
      taskIds.set(task.id, tt);
      if (!task.id.startsWith(`${annex.id}.`)) return `${tt}.id: ${task.id} is not a task of annex ${annex.id}`;
      const clauses = new Set(task.clauses.map((c) => c.index));
      const p =
        span(`${tt}.span`, task.span) ??
        first(task.clauses, (c, i) => mention(`${tt}.clauses.${i}`, c)) ??
        first(task.assignments, (x, i) => mention(`${tt}.assignments.${i}`, x) ?? unit(`${tt}.assignments.${i}.unit`, x.unit) ?? (clauses.size > 0 && !clauses.has(x.clause) ? `${tt}.assignments.${i}.clause: no clause ${x.clause} in the task` : null)) ??
        first(task.targets, (x, i) => mention(`${tt}.targets.${i}`, x)) ??
        first(task.deadlines, (x, i) => mention(`${tt}.deadlines.${i}`, x));
      if (p) return p;
    }
  }
  if (plan.notice.command) {
    const p = mention('notice.command', plan.notice.command);
    if (p) return p;
  }
  return first(plan.notice.cadences, (c, i) => mention(`notice.cadences.${i}`, c)) ?? first(plan.diagnostics, (d, i) => span(`diagnostics.${i}.span`, d.span));
}

function first<T>(list: readonly T[], check: (item: T, index: number) => string | null): string | null {
  for (let i = 0; i < list.length; i++) {
    const problem = check(list[i], i);
    if (problem) return problem;
  }
  return null;
}
