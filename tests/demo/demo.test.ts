// Every demo runs and makes what its first line says (demo/: one short example per output and per override).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Plan } from '../../src/index.js';

let out: string;
let printed: string[];
beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), 'fenjie-demo-'));
  process.env.DEMO_OUT = out;
});
afterAll(() => {
  delete process.env.DEMO_OUT;
  rmSync(out, { recursive: true, force: true });
});

/** Run a demo in this process and keep what it printed. */
async function demo(name: string): Promise<string> {
  printed = [];
  const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
  try {
    await import(`../../demo/${name}.ts`);
  } finally {
    spy.mockRestore();
  }
  return printed.join('\n');
}
const docxText = (file: string): string => strFromU8(unzipSync(readFileSync(file), { filter: (f) => f.name === 'word/document.xml' })['word/document.xml']).replace(/<[^>]+>/g, '');

describe('demo/', () => {
  it('has a test for every demo', () => {
    const demos = readdirSync(path.resolve(import.meta.dirname, '../../demo')).filter((f) => /^\d\d-.*\.ts$/.test(f));
    expect(demos.map((f) => f.slice(0, -3))).toEqual(['01-extract', '02-unit-sheet', '03-task-table', '04-custom-template', '05-diff', '06-review', '07-lexicon']);
  });

  it('01 writes a plan.json that is a valid Plan', async () => {
    expect(await demo('01-extract')).toMatch(/135 tasks/);
    const plan = Plan.parse(JSON.parse(readFileSync(path.join(out, '01-extract/plan.json'), 'utf8')));
    expect(plan.annexes.flatMap((a) => a.tasks)).toHaveLength(135);
  });

  it('02 writes one unit sheet in Word and PDF', async () => {
    await demo('02-unit-sheet');
    expect(docxText(path.join(out, '02-unit-sheet/units/区财政局.docx'))).toContain('区财政局');
    expect(readFileSync(path.join(out, '02-unit-sheet/units/区财政局.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('03 writes the task table, the matrices and the ledger', async () => {
    await demo('03-task-table');
    expect(docxText(path.join(out, '03-task-table/任务分解表.docx'))).toContain('A1.T1');
    expect(readFileSync(path.join(out, '03-task-table/台账.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('04 titles the sheet from the overriding template', async () => {
    await demo('04-custom-template');
    expect(docxText(path.join(out, '04-custom-template/out/units/区财政局.docx'))).toMatch(/区财政局落实.*工作责任清单/);
  });

  it('05 reports the changes between the two versions', async () => {
    expect(await demo('05-diff')).toMatch(/^\d+ changes/);
    expect(readFileSync(path.join(out, '05-diff/修订对照表.md'), 'utf8')).toMatch(/A\d+\.T\d+/);
  });

  it('06 writes the review page', async () => {
    await demo('06-review');
    expect(readFileSync(path.join(out, '06-review/review.html'), 'utf8')).toMatch(/^<!doctype html>.*发展康养度假产业/is);
  });

  it('07 reads a local unit only with the lexicon', async () => {
    const text = await demo('07-lexicon');
    expect(text).toMatch(/shipped lexicon: 县财政局 \(cooperate\)\n/);
    expect(text).toMatch(/县城投 \(responsible\), 县财政局 \(cooperate\)/);
  });
});
