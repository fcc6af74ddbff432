// Goals and targets: paired by indicator, then compared on verb, value, unit and qualifier (never on raw or span).
import type { Target } from '../model/schema.js';
import { change, type ChangeContext } from './change.js';
import type { Change } from './schema.js';
import { dice, similarityKey } from './similarity.js';
import { formatTarget } from './text.js';

/** An indicator reworded slightly (社会消费品零售总额 → 全社会消费品零售总额) is still the same indicator. */
const MIN_INDICATOR_SCORE = 0.6;

const FIELDS = ['verb', 'value', 'unit', 'qualifier'] as const;

export function diffTargets(
  entity: 'goal' | 'target',
  oldTargets: readonly Target[],
  newTargets: readonly Target[],
  ctx: ChangeContext,
): Change[] {
  const pairs: Array<[Target, Target]> = [];
  const usedOld = new Set<Target>();
  const usedNew = new Set<Target>();
  // The same indicator can appear twice in one list (two goals on 高新技术企业); pair occurrences in order.
  for (const n of newTargets) {
    const o = oldTargets.find((t) => !usedOld.has(t) && similarityKey(t.indicator) === similarityKey(n.indicator) && same(t, n));
    if (o) take(o, n);
  }
  for (const n of newTargets) {
    if (usedNew.has(n)) continue;
    const o = oldTargets.find((t) => !usedOld.has(t) && similarityKey(t.indicator) === similarityKey(n.indicator));
    if (o) take(o, n);
  }
  for (const n of newTargets) {
    if (usedNew.has(n)) continue;
    const best = oldTargets
      .filter((t) => !usedOld.has(t))
      .map((t) => ({ t, s: dice(t.indicator, n.indicator) }))
      .filter((c) => c.s >= MIN_INDICATOR_SCORE)
      .sort((a, b) => b.s - a.s)[0];
    if (best) take(best.t, n);
  }

  const out: Change[] = [];
  for (const n of newTargets) {
    const pair = pairs.find((p) => p[1] === n);
    if (!pair) {
      out.push(change({ kind: 'added', entity, field: 'indicator', key: n.indicator, new: formatTarget(n), ...ctx }));
      continue;
    }
    const [o] = pair;
    const fields: string[] = FIELDS.filter((f) => o[f] !== n[f]);
    if (similarityKey(o.indicator) !== similarityKey(n.indicator)) fields.unshift('indicator');
    if (fields.length === 0) continue;
    const both = fields.includes('indicator');
    out.push(
      change({
        kind: 'modified',
        entity,
        field: fields.join(','),
        key: n.indicator,
        old: both ? `${o.indicator}${formatTarget(o)}` : formatTarget(o),
        new: both ? `${n.indicator}${formatTarget(n)}` : formatTarget(n),
        ...ctx,
      }),
    );
  }
  for (const o of oldTargets) {
    if (!usedOld.has(o)) out.push(change({ kind: 'removed', entity, field: 'indicator', key: o.indicator, old: formatTarget(o), ...ctx }));
  }
  return out;

  function take(o: Target, n: Target): void {
    usedOld.add(o);
    usedNew.add(n);
    pairs.push([o, n]);
  }
}

function same(a: Target, b: Target): boolean {
  return FIELDS.every((f) => a[f] === b[f]);
}
