// End to end in headless Chromium: click a task, filter by unit, scripts off, screenshot. Skips without /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractNotice, type Plan } from '../../src/index.js';
import { renderDiffReview, renderReview } from '../../src/review/index.js';
import { diffPlans } from '../../src/diff/index.js';

const CHROMIUM = process.env.FENJIE_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SAMPLE = 'input/wulingyuan-2024-ba-da-xing-dong.txt';
const SHOTS = process.env.FENJIE_SHOTS ?? tmpdir();
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!HAS_CHROMIUM) console.warn(`[review e2e] skipped: ${CHROMIUM} not found — install it with: apt-get install -y chromium fonts-noto-cjk`);

let plan: Plan;
let dir: string;
let url: string;
let browser: Browser;

/** Is the element inside both the window and the pane that scrolls it? */
function inView(page: Page, id: string): Promise<boolean> {
  return page.evaluate((elId) => {
    const el = document.getElementById(elId);
    const pane = el?.closest('.pane');
    if (!el || !pane) return false;
    const r = el.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    return r.bottom > Math.max(0, p.top) && r.top < Math.min(window.innerHeight, p.bottom) && r.height > 0;
  }, id);
}

const visibleTasks = (page: Page): Promise<string[]> =>
  page.$$eval('.pane-out li.task', (els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.id));

describe.skipIf(!HAS_CHROMIUM)(`review page in headless Chromium (${CHROMIUM})`, () => {
  beforeAll(async () => {
    const x = await extractNotice(SAMPLE);
    plan = x.plan;
    dir = await mkdtemp(join(tmpdir(), 'fenjie-review-e2e-'));
    await writeFile(join(dir, 'review.html'), renderReview(plan, x.source));
    url = pathToFileURL(join(dir, 'review.html')).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('jumps from an outline task to its span, and from a unit in the text to its assignment', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    const task = plan.annexes[5].tasks[10];
    expect(await inView(page, `s-t-${task.id}`)).toBe(false);
    await page.locator(`[id="o-t-${task.id}"] > a.jump`).click();
    const src = page.locator(`[id="s-t-${task.id}"]`);
    await expect.poll(() => src.getAttribute('class')).toContain('flash');
    expect(await inView(page, `s-t-${task.id}`)).toBe(true);
    expect(await src.textContent()).toContain(task.title);

    const j = 0;
    await page.locator(`[id="s-m-${task.id}.${j}"]`).click();
    await expect.poll(() => page.locator(`[id="o-a-${task.id}.${j}"]`).getAttribute('class')).toContain('flash');
    expect(await inView(page, `o-a-${task.id}.${j}`)).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'fenjie-review-click.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("filters the outline to one unit's tasks and marks its mentions in the text", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    const all = plan.annexes.flatMap((a) => a.tasks);
    expect((await visibleTasks(page)).length).toBe(all.length);
    const unit = '区财政局';
    await page.fill('#unit-filter', unit);
    const expected = all.filter((t) => t.assignments.some((a) => a.unit.includes(unit))).map((t) => `o-t-${t.id}`);
    expect(expected.length).toBeGreaterThan(5);
    expect(await visibleTasks(page)).toEqual(expected);
    const mentions = all.flatMap((t) => t.assignments.filter((a) => a.unit.includes(unit))).map((a) => `${a.span.start}`);
    expect(await page.locator('.pane-src .mn.hit').count()).toBe(new Set(mentions).size);
    expect(await page.locator('#unit-filter-count').textContent()).toBe(`${expected.length} 项任务`);
    await page.screenshot({ path: join(SHOTS, 'fenjie-review-filter.png') });
    await page.fill('#unit-filter', '');
    expect((await visibleTasks(page)).length).toBe(all.length);
    await page.close();
  });

  it('shows all content with scripts off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    expect((await visibleTasks(page)).length).toBe(plan.annexes.reduce((n, a) => n + a.tasks.length, 0));
    expect(await page.locator('#unit-filter').isVisible()).toBe(false);
    await context.close();
  });

  it('renders the diff page', async () => {
    const [a, b] = await Promise.all([extractNotice(SAMPLE), extractNotice('tests/fixtures/diff/wulingyuan-v2.txt')]);
    await writeFile(join(dir, 'diff.html'), renderDiffReview(a.plan, a.source, b.plan, b.source, diffPlans(a.plan, b.plan)));
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(pathToFileURL(join(dir, 'diff.html')).href);
    await page.locator('.changes a.jump', { hasText: '新 A3.T6' }).first().click();
    expect(await inView(page, 'new-s-t-A3.T6')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'fenjie-review-diff.png') });
    await page.close();
  });
});
