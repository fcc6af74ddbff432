// Text similarity for pairing items whose ids no longer agree. Character bigrams suit Chinese, which has no spaces.

// Punctuation and spaces carry little identity and differ between half- and full-width typing.
const NOISE = /[\s\p{P}\p{S}]/gu;

export function similarityKey(text: string): string {
  return text.normalize('NFKC').replace(NOISE, '');
}

/** Multiset of character bigrams; a one-character string is its own single gram. */
export function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = Array.from(text);
  if (chars.length === 1) grams.set(chars[0], 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i] + chars[i + 1];
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function size(grams: Map<string, number>): number {
  let n = 0;
  for (const count of grams.values()) n += count;
  return n;
}

/** Sørensen–Dice coefficient over bigram multisets: 1 for equal keys, 0 for nothing in common. */
export function diceOfGrams(a: Map<string, number>, b: Map<string, number>): number {
  const total = size(a) + size(b);
  if (total === 0) return 1;
  let shared = 0;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return (2 * shared) / total;
}

export function dice(a: string, b: string): number {
  const ka = similarityKey(a);
  const kb = similarityKey(b);
  if (ka === kb) return 1;
  return diceOfGrams(bigrams(ka), bigrams(kb));
}

/** Scores are stored rounded so that JSON output is stable across platforms. */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
