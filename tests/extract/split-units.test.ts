// Unit names run together (区财政局区商务局): split into names the document uses on their own, when there is one way.
import { expect, it } from 'vitest';
import { segmentations } from '../../src/extract/split-units.js';

it('finds the readings of a run-together name, longest pieces first, and never the name alone', () => {
  const known = new Set(['区财政局', '区商务局', '区财政', '局区商务局', '区财政局区商务局']);
  expect(segmentations('区财政局区商务局', known)).toEqual([
    ['区财政局', '区商务局'],
    ['区财政', '局区商务局'],
  ]);
  expect(segmentations('区教育局', known)).toEqual([]);
});

it('stops at the limit on a name with a great many readings (each position worked out once)', () => {
  // 40 characters, every pair and every triple a known piece: thousands of readings, of which three are wanted.
  const name = '甲'.repeat(40);
  const known = new Set(['甲甲', '甲甲甲']);
  const ways = segmentations(name, known, 3);
  expect(ways).toHaveLength(3);
  for (const w of ways) expect(w.join('')).toBe(name);
});
