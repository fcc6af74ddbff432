// The genre corpus (tests/fixtures/genre): notices in 33 offices' styles with hand-checked gold. Each file keeps at
// least the score it has when the floors were last written (UPDATE_GOLDEN=1 rewrites floors.json; review the
// diff: a floor only goes down with a reason in the commit). Overall the targets of the genre issue hold.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../eval/corpus.js';
import { add, f1, scorePlan, zero, type FileScore } from '../../eval/score.js';
import { extractNotice } from '../../src/index.js';

const DIR = 'tests/fixtures/genre';
const FLOORS = `${DIR}/floors.json`;
type Floor = { tasks: number; unitF1: number; leadF1: number };

const corpus = readCorpus(DIR);

/** Every item with a span and a raw text must read exactly that text in the source (what check-plan.mjs checks). */
function ungrounded(plan: unknown, source: string): string[] {
  const out: string[] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    const o = x as { raw?: unknown; span?: { start: number; end: number } };
    if (typeof o.raw === 'string' && o.span && source.slice(o.span.start, o.span.end) !== o.raw) out.push(`${o.span.start}: ${o.raw.slice(0, 20)}`);
    Object.values(o).forEach(walk);
  };
  walk(plan);
  return out;
}
const scores = new Map<string, FileScore>();

describe('the genre corpus', () => {
  it('holds at least 30 notices, each with gold', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
    for (const f of corpus) expect(f.gold.length, f.name).toBeGreaterThan(0);
  });

  it.each(corpus.map((f) => [f.name, f] as const))('%s keeps its floor', async (_, file) => {
    const { plan, source } = await extractNotice(file.path);
    expect(ungrounded(plan, source), 'items whose span does not read their raw').toEqual([]);
    const s = scorePlan(file.gold, plan);
    scores.set(file.name, s);
    const floors: Record<string, Floor> = existsSync(FLOORS) ? JSON.parse(readFileSync(FLOORS, 'utf8')) : {};
    const floor = floors[file.name] ?? { tasks: file.gold.length, unitF1: 0.97, leadF1: 0.97 };
    const got = { tasks: s.counts.found, unitF1: s.unitF1, leadF1: s.leadF1 };
    expect(got.tasks, s.notes.join('\n')).toBeGreaterThanOrEqual(floor.tasks);
    expect(got.unitF1, s.notes.join('\n')).toBeGreaterThanOrEqual(floor.unitF1 - 1e-9);
    expect(got.leadF1, s.notes.join('\n')).toBeGreaterThanOrEqual(floor.leadF1 - 1e-9);
    expect(s.persons, 'a person read as a unit').toBe(0);
  });

  it('meets the targets overall: every task, unit F1 and lead F1 >= 0.97', () => {
    const total = zero();
    for (const s of scores.values()) add(total, s.counts);
    expect(scores.size).toBe(corpus.length);
    expect(total.found).toBe(total.gold);
    expect(f1(total.tp, total.fp, total.fn)).toBeGreaterThanOrEqual(0.97);
    expect(f1(total.ltp, total.lfp, total.lfn)).toBeGreaterThanOrEqual(0.97);
    if (process.env.UPDATE_GOLDEN === '1') {
      const out: Record<string, Floor> = {};
      for (const f of corpus) {
        const s = scores.get(f.name)!;
        out[f.name] = { tasks: s.counts.found, unitF1: Math.floor(s.unitF1 * 1000) / 1000, leadF1: Math.floor(s.leadF1 * 1000) / 1000 };
      }
      writeFileSync(FLOORS, `${JSON.stringify(out, null, 1)}\n`);
    }
  });
});
