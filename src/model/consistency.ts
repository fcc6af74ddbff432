// A check auditors ask for: the overall plan and an annex stating the same indicator with different values
// (总体方案: 旅游总收入增长15%, 附件1: 12%). Pure over one Plan; findings read like the Plan's diagnostics, so the CLI
// prints them with the same reporter (fenjie extract and fenjie diff).
import type { Diagnostic, Plan, Target } from './schema.js';

export const CONSISTENCY_RULE = 'inconsistent-target';

/** Indicators compare by name without spaces and full/half-width differences; units must match to compare values. */
function key(t: Target): string {
  return `${t.indicator.replace(/\s/g, '')}\u0000${t.unit}`;
}

function show(t: Target): string {
  return `${t.verb ?? ''}${t.value}${t.unit}${t.qualifier ?? ''}`;
}

/**
 * Each pair (overall goal, annex goal or task target) naming the same indicator in the same unit with another value
 * or another verb. One finding per annex target, placed at it, naming the overall plan's statement.
 */
export function targetConsistency(plan: Plan): Diagnostic[] {
  const overall = new Map<string, Target>();
  for (const g of plan.goals) if (!overall.has(key(g))) overall.set(key(g), g);
  const out: Diagnostic[] = [];
  for (const annex of plan.annexes) {
    const stated: { target: Target; task: string | null }[] = [
      ...annex.goals.map((target) => ({ target, task: null })),
      ...annex.tasks.flatMap((t) => t.targets.map((target) => ({ target, task: t.id }))),
    ];
    const seen = new Set<string>();
    for (const { target, task } of stated) {
      const g = overall.get(key(target));
      if (!g || seen.has(key(target))) continue;
      if (g.value === target.value && (g.verb ?? '') === (target.verb ?? '')) continue;
      seen.add(key(target));
      const where = annex.number > 0 ? `附件${annex.number}` : '方案';
      out.push({
        severity: 'warning',
        ruleId: CONSISTENCY_RULE,
        source: 'fenjie:consistency',
        message: `总体方案与${where}的“${target.indicator}”目标不一致：总体方案为${show(g)}（第${g.span.line}行），${where}为${show(target)} (the overall plan and ${annex.id} state ${target.indicator} differently)`,
        annex: annex.id,
        task,
        span: target.span,
      });
    }
  }
  return out;
}
