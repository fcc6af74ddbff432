// Fuzz: mutate the sample and check that extraction gives a schema-valid, consistent Plan whose spans hold, or a
// clean IngestError — never a crash or a hang. Two generators: tokens (delete, duplicate, swap lines, insert brackets
// and punctuation, truncate) and structure (move blocks of lines, join and split lines so brackets run across them,
// renumber items in every style and past 999, turn lines into table rows, open a bracket and close it lines later,
// insert annex markers, invisible characters and other line ends).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIngested, IngestError, Plan } from '../../src/index.js';
import { planProblem } from '../../src/model/integrity.js';
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

const MARKERS = ['一、', '(二)', '（十二）', '3.', '4、', '(5)', '⑥', '㉑', '1000.', '一百一十一、', '2024、', '附件'];
const CELLS = ['1', '推进工作', '区财政局牵头', '区商务局、区文旅局', '2024年底前', '(一)产业'];

const structural = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('join' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), at: fc.nat(), col: fc.nat() }),
  fc.record({ kind: fc.constant('renumber' as const), at: fc.nat(), marker: fc.constantFrom(...MARKERS) }),
  fc.record({ kind: fc.constant('table' as const), at: fc.nat(), cells: fc.array(fc.constantFrom(...CELLS), { minLength: 2, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('cells' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('bracket' as const), at: fc.nat(), span: fc.integer({ min: 1, max: 30 }), open: fc.constantFrom('(', '（', '〈', '【'), close: fc.constantFrom(')', '）', '〉', '】', '') }),
  fc.record({ kind: fc.constant('annex' as const), at: fc.nat(), n: fc.integer({ min: 0, max: 1200 }) }),
  fc.record({ kind: fc.constant('char' as const), at: fc.nat(), col: fc.nat(), ch: fc.constantFrom('\u200b', '\u202e', '\ufeff', '\r', '\u2028', '\u00ad', '\u001b[31m') }),
  fc.record({ kind: fc.constant('line-ends' as const), cr: fc.boolean() }),
);

type Structural =
  | { kind: 'move'; at: number; length: number; to: number }
  | { kind: 'join' | 'cells'; at: number }
  | { kind: 'split'; at: number; col: number }
  | { kind: 'renumber'; at: number; marker: string }
  | { kind: 'table'; at: number; cells: string[] }
  | { kind: 'bracket'; at: number; span: number; open: string; close: string }
  | { kind: 'annex'; at: number; n: number }
  | { kind: 'char'; at: number; col: number; ch: string }
  | { kind: 'line-ends'; cr: boolean };

const MARKER_AT_START = /^\s*(?:[一二三四五六七八九十百]+[、.]|[(（][一二三四五六七八九十\d]+[)）][、.]?|\d+[.、]|[\u2460-\u2473])/;

/** Apply structural mutations; the result's line ends are LF unless a 'line-ends' step chose CR or CRLF. */
function restructure(source: string[], steps: readonly Structural[]): string {
  let out = [...source];
  let end = '\n';
  for (const m of steps) {
    if (out.length === 0) break;
    const i = 'at' in m ? m.at % out.length : 0;
    if (m.kind === 'move') {
      const block = out.splice(i, m.length);
      out.splice(m.to % (out.length + 1), 0, ...block);
    } else if (m.kind === 'join' && i + 1 < out.length) out.splice(i, 2, out[i] + out[i + 1]);
    else if (m.kind === 'split') {
      const col = m.col % (out[i].length + 1);
      out.splice(i, 1, out[i].slice(0, col), out[i].slice(col));
    } else if (m.kind === 'renumber') out[i] = m.marker + out[i].replace(MARKER_AT_START, '');
    else if (m.kind === 'table') out.splice(i, 0, m.cells.join('\t'));
    else if (m.kind === 'cells') out[i] = out[i].replace(/[,，、;；]/g, '\t');
    else if (m.kind === 'bracket') {
      out[i] = m.open + out[i];
      const j = Math.min(out.length - 1, i + m.span);
      out[j] = out[j] + m.close;
    } else if (m.kind === 'annex') out.splice(i, 0, m.n === 0 ? '附件' : `附件${m.n}`);
    else if (m.kind === 'char') {
      const col = m.col % (out[i].length + 1);
      out[i] = out[i].slice(0, col) + m.ch + out[i].slice(col);
    } else if (m.kind === 'line-ends') end = m.cr ? '\r' : '\r\n';
    if (out.length > 5000) out = out.slice(0, 5000);
  }
  return out.join(end);
}

/** A plan extracted from `text` is schema-valid, consistent, and every raw is its span's text; or the input is refused. */
function checkExtraction(text: string): void {
  const bytes = new TextEncoder().encode(text);
  const started = performance.now();
  try {
    const { plan } = extractIngested({ text, format: 'text', encoding: 'utf-8', meta: {} }, 'fuzz.txt', bytes);
    expect(() => Plan.parse(plan)).not.toThrow();
    expect(planProblem(plan)).toBeNull();
    for (const task of plan.annexes.flatMap((a) => a.tasks)) {
      expect(text.slice(task.span.start, task.span.end).length).toBe(task.span.end - task.span.start);
      for (const a of task.assignments) expect(text.slice(a.span.start, a.span.end)).toBe(a.raw);
      for (const t of task.targets) expect(text.slice(t.span.start, t.span.end)).toBe(t.raw);
      for (const c of task.clauses) expect(text.slice(c.span.start, c.span.end)).toBe(c.raw);
    }
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
  }
  expect(performance.now() - started).toBeLessThan(3000);
}

describe('fuzzing the extractor with a mutated sample', () => {
  it('structure: moved blocks, joined and split lines, renumbered items, table rows, brackets across lines, annexes, invisible characters, line ends', () => {
    fc.assert(
      fc.property(fc.array(structural, { minLength: 1, maxLength: 10 }), (steps) => checkExtraction(restructure(lines, steps))),
      { numRuns: 60, seed: 20261128 },
    );
  });

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
