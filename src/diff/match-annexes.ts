// Pair the annexes of two plans: by title first (an inserted annex shifts numbers), then by number.
import type { Annex } from '../model/schema.js';
import type { Match } from './schema.js';
import { dice, roundScore, similarityKey } from './similarity.js';

export interface AnnexPair {
  readonly old: Annex;
  readonly new: Annex;
  readonly match: Match;
}

export interface AnnexMatching {
  readonly pairs: readonly AnnexPair[];
  readonly removed: readonly Annex[];
  readonly added: readonly Annex[];
}

/**
 * Titles of one plan's annexes share most of their characters (张家界市武陵源区…行动实施方案), so title
 * similarity cannot tell two annexes apart; only an identical title or the same number pairs them.
 */
export function matchAnnexes(oldAnnexes: readonly Annex[], newAnnexes: readonly Annex[]): AnnexMatching {
  const pairs: AnnexPair[] = [];
  const usedOld = new Set<Annex>();
  const usedNew = new Set<Annex>();
  const take = (o: Annex, n: Annex): void => {
    usedOld.add(o);
    usedNew.add(n);
    const score = roundScore(dice(o.title, n.title));
    pairs.push({ old: o, new: n, match: { method: o.number === n.number ? 'id' : 'text', score } });
  };

  for (const n of newAnnexes) {
    const o = oldAnnexes.find((a) => !usedOld.has(a) && similarityKey(a.title) === similarityKey(n.title));
    if (o) take(o, n);
  }
  for (const n of newAnnexes) {
    if (usedNew.has(n)) continue;
    const o = oldAnnexes.find((a) => !usedOld.has(a) && a.number === n.number);
    if (o) take(o, n);
  }

  pairs.sort((a, b) => newAnnexes.indexOf(a.new) - newAnnexes.indexOf(b.new));
  return {
    pairs,
    removed: oldAnnexes.filter((a) => !usedOld.has(a)),
    added: newAnnexes.filter((a) => !usedNew.has(a)),
  };
}
