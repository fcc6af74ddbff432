// Fuzz: mutate the sample (delete, duplicate, swap lines, insert brackets and punctuation, truncate) and check that
// extraction gives a schema-valid Plan whose spans hold, or a clean IngestError — never a crash or a hang.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIngested, IngestError, Plan } from '../../src/index.js';
import { SAMPLE } from '../helpers.js';

const lines = readFileSync(SAMPLE, 'utf8').split('\n');
const NOISE = ['(', ')', '（', '）', '〈', '〉', '[', ']', '【', '】', '“', '”', '、', ',', '，', ';', '；', ':', '。', '牵头', '负责', '配合', '附件9', '(一)', '1.', '一、', '各成员单位', '排序第一的为牵头单位', '\t', '\r'];

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), col: fc.nat(), noise: fc.constantFrom(...NOISE) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

type Mutation = { kind: 'delete' | 'duplicate' | 'truncate'; at: number } | { kind: 'swap'; at: number; with: number } | { kind: 'insert'; at: number; col: number; noise: string };

function mutate(source: string[], steps: readonly Mutation[]): string {
  const out = [...source];
  for (const m of steps) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    if (m.kind === 'delete') out.splice(i, 1);
    else if (m.kind === 'duplicate') out.splice(i, 0, out[i]);
    else if (m.kind === 'swap') [out[i], out[m.with % out.length]] = [out[m.with % out.length], out[i]];
    else if (m.kind === 'insert') out[i] = out[i].slice(0, m.col % (out[i].length + 1)) + m.noise + out[i].slice(m.col % (out[i].length + 1));
    else out.length = Math.max(1, i);
  }
  return out.join('\n');
}

describe('fuzzing the extractor with a mutated sample', () => {
  it('always gives a valid, grounded Plan or a clean refusal, in bounded time', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (steps) => {
        const text = mutate(lines, steps);
        const bytes = new TextEncoder().encode(text);
        const started = performance.now();
        try {
          const { plan } = extractIngested({ text, format: 'text', encoding: 'utf-8', meta: {} }, 'fuzz.txt', bytes);
          expect(() => Plan.parse(plan)).not.toThrow();
          for (const task of plan.annexes.flatMap((a) => a.tasks)) {
            for (const a of task.assignments) expect(text.slice(a.span.start, a.span.end)).toBe(a.raw);
            for (const t of task.targets) expect(text.slice(t.span.start, t.span.end)).toBe(t.raw);
          }
        } catch (error) {
          if (!(error instanceof IngestError)) throw error;
        }
        expect(performance.now() - started).toBeLessThan(3000);
      }),
      { numRuns: 60, seed: 20261127 },
    );
  });
});
