// renderDiffReview on the sample and its hand-edited second version; and the review command.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerReview } from '../../src/cli/review.js';
import { diffPlans, type ChangeSet } from '../../src/diff/index.js';
import { extractNotice, type ExtractedNotice } from '../../src/index.js';
import { pairTasks, renderDiffReview, renderReview } from '../../src/review/index.js';

const SAMPLE = 'input/wulingyuan-2024-ba-da-xing-dong.txt';
const V2 = 'tests/fixtures/diff/wulingyuan-v2.txt';

let v1: ExtractedNotice;
let v2: ExtractedNotice;
let set: ChangeSet;
let html: string;
let dir: string;

beforeAll(async () => {
  [v1, v2] = await Promise.all([extractNotice(SAMPLE), extractNotice(V2)]);
  set = diffPlans(v1.plan, v2.plan);
  html = renderDiffReview(v1.plan, v1.source, v2.plan, v2.source, set);
  dir = await mkdtemp(join(tmpdir(), 'fenjie-review-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('renderDiffReview', () => {
  it('lists every change with its redline and shows both texts whole', () => {
    const $ = load(html);
    expect($('.changes tbody tr').length).toBe(set.changes.length);
    expect($('.changes del').length).toBeGreaterThan(0);
    expect($('.changes ins').length).toBeGreaterThan(0);
    expect($('#old-src .ln').text()).toBe(v1.source);
    expect($('#new-src .ln').text()).toBe(v2.source);
  });

  it('marks added, removed and changed tasks on their side and links the pairs', () => {
    const $ = load(html);
    expect($('[id="new-s-t-A3.T6"]').hasClass('added')).toBe(true);
    expect($('[id="old-s-t-A6.T21"]').hasClass('removed')).toBe(true);
    expect($('[id="old-s-t-A2.T5"]').hasClass('changed')).toBe(true);
    expect($('[id="new-s-t-A2.T5"]').hasClass('changed')).toBe(true);
    expect($('[id="old-s-t-A3.T6"]').attr('data-out')).toBe('new-s-t-A3.T7');
    expect(pairTasks(v1.plan, v2.plan, set).get('A6.T22')).toBe('A6.T21');
    const ids = new Set($('[id]').map((_, el) => $(el).attr('id')).get());
    for (const href of $('a[href]').map((_, el) => $(el).attr('href')).get()) expect(ids.has(href.slice(1)), href).toBe(true);
    expect($('[href]').filter((_, el) => !($(el).attr('href') ?? '').startsWith('#')).length).toBe(0);
    expect($('[src]').length).toBe(0);
  });

  it('is deterministic', () => {
    expect(renderDiffReview(v1.plan, v1.source, v2.plan, v2.source, set)).toBe(html);
  });
});

describe('fenjie review', () => {
  const run = async (...args: string[]): Promise<void> => {
    const program = new Command().exitOverride();
    registerReview(program);
    const before = process.exitCode;
    try {
      await program.parseAsync(['node', 'fenjie', 'review', ...args]);
    } finally {
      process.exitCode = before;
    }
  };

  it('writes the page to -o', async () => {
    const out = join(dir, 'review.html');
    await run(SAMPLE, '-q', '-o', out);
    const page = await readFile(out, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toBe(renderReviewOf(v1));
  });

  it('refuses to overwrite its input', async () => {
    await expect(run(SAMPLE, '-q', '-o', SAMPLE)).rejects.toThrow(/overwrite the input/);
  });
});

function renderReviewOf(x: ExtractedNotice): string {
  return renderReview(x.plan, x.source);
}
