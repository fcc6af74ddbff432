// What must not change between the formats a notice arrives in: structure, roles, quantities, work groups (not
// spans, and text fields only up to full-/half-width punctuation). Shared by the format tests and tests/extract/variants.test.ts.
import { extractIngested, type Plan } from '../../src/index.js';
import { ingest } from '../../src/ingest/index.js';
import { foldPunctuation } from '../../src/normalize/index.js';

export async function planOf(bytes: Uint8Array, path: string): Promise<Plan> {
  return extractIngested(await ingest(bytes, path), path, bytes).plan;
}

export function essence(plan: Plan) {
  return plan.annexes.map((a) => ({
    id: a.id,
    title: foldPunctuation(a.title),
    goals: a.goals.map((g) => [g.indicator, g.verb, g.value, g.unit, g.qualifier]),
    workGroup: a.workGroup && [a.workGroup.convener, a.workGroup.deputyConveners, a.workGroup.members, a.workGroup.office],
    rules: a.rules.map((r) => r.id),
    tasks: a.tasks.map((t) => ({
      id: t.id,
      section: t.section,
      title: foldPunctuation(t.title),
      assignments: t.assignments.map((s) => `${s.clause}:${s.role}${s.inferred ? '*' : ''}:${s.unit}`),
      targets: t.targets.map((g) => [g.indicator, g.value, g.unit, g.qualifier]),
      deadlines: t.deadlines.map((d) => d.date ?? d.period ?? d.kind),
    })),
  }));
}
