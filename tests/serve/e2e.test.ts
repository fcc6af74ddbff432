// End to end in headless Chromium (playwright-core): upload the sample through the form, correct a role and a merge
// through the page's forms, build, download the zip and read the unit sheets in it; again with JavaScript disabled.
// Screenshots go to the temp folder. Skips without Chromium (FENJIE_CHROMIUM, default /usr/bin/chromium).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve/server.js';
import { SAMPLE, sheetText } from './client.js';

const CHROMIUM = process.env.FENJIE_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const GONE = '区住房和城乡建设局〈住保中心〉';
const KEEP = '区住房保障和房屋市场服务中心';
export const SHOTS = tmpdir();

let browser: Browser;

/** Click a submit button and wait for the page the post lands on (with scripts: after fetch; without: the 303). */
async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.click(selector)]);
}

const roleForm = (task: string, unit: string) => `#task-${task.replace('.', '\\.')} form:has(input[name=unit][value="${unit}"])`;

async function upload(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.setInputFiles('input[name=notice]', SAMPLE);
  await Promise.all([page.waitForURL(/\/notices\/[0-9a-f]{16}$/), page.click('form[enctype="multipart/form-data"] button[type=submit]')]);
  return new URL(page.url()).pathname;
}

async function downloadZip(page: Page): Promise<Record<string, Uint8Array>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[href$="/documents.zip"]')]);
  return unzipSync(new Uint8Array(await readFile((await download.path())!)));
}

describe.skipIf(!HAS_CHROMIUM)('fenjie serve in Chromium', () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('with scripts: upload, change a role, merge two names, build, download; the sheets show both', async () => {
    const server = await startServer({ workspace: await mkdtemp(join(tmpdir(), 'fenjie-serve-')), date: '2026-12-02' });
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const base = await upload(page, server.url);
      expect(await page.textContent('h1')).toContain('武陵源');
      await page.selectOption(`${roleForm('A1.T1', '区民政局')} select[name=role]`, 'lead');
      await submit(page, `${roleForm('A1.T1', '区民政局')} button[value=set-role]`);
      expect(await page.textContent(`${roleForm('A1.T1', '区民政局')} >> xpath=../..`)).toContain('已更正');
      expect(await page.textContent('#task-A1\\.T1')).toMatch(/牵头区民政局已更正/);
      await page.selectOption('form[data-op=merge-units] select[name=unit]', GONE);
      await page.selectOption('form[data-op=merge-units] select[name=other]', KEEP);
      await page.selectOption('form[data-op=merge-units] select[name=into]', 'other');
      await page.fill('form[data-op=merge-units] input[name=reason]', '同一单位');
      await submit(page, 'form[data-op=merge-units] button[type=submit]');
      expect(await page.locator(`form[data-op=merge-units] option[value="${GONE}"]`).count()).toBe(0);
      // A form the server refuses: with scripts, its line shows in the form and the page stays.
      await page.fill('#task-A1\\.T2 input[name=written]', '区不存在局');
      await page.click('#task-A1\\.T2 form.block button[type=submit]');
      await expect.poll(() => page.textContent('#task-A1\\.T2 form.block .status')).toContain('任务原文中没有"区不存在局"');
      expect(page.url()).toBe(`${new URL(server.url).origin}${base}`);
      await submit(page, '#build button[type=submit]');
      expect(await page.textContent('#build')).toContain('documents.zip');
      await page.screenshot({ path: join(SHOTS, 'fenjie-serve-notice.png'), fullPage: false });
      await page.locator('#build').screenshot({ path: join(SHOTS, 'fenjie-serve-build.png') });
      await page.locator('#task-A1\\.T1').screenshot({ path: join(SHOTS, 'fenjie-serve-task.png') });
      const files = await downloadZip(page);
      expect(Object.keys(files)).toContain(`units/${KEEP}.docx`);
      expect(Object.keys(files).some((n) => n.includes('住保中心'))).toBe(false);
      const civil = sheetText(files['units/区民政局.docx']!);
      expect(civil.leads).toContain('A1.T1');
      expect(civil.leads).toContain('发展康养度假产业');
      await page.goto(`${new URL(server.url).origin}${base}/review`);
      expect(await page.textContent('body')).toContain('已更正');
      await page.screenshot({ path: join(SHOTS, 'fenjie-serve-review.png') });
      await page.goto(server.url);
      await page.screenshot({ path: join(SHOTS, 'fenjie-serve-home.png') });
      // The one refused form's 400 is logged by Chromium; anything else (a CSP refusal, a script error) is a failure.
      expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    } finally {
      await context.close();
      await server.close();
    }
  }, 90_000);

  it('with JavaScript disabled: upload, change a role, a refused form as a 400 page, build, download one sheet', async () => {
    const server = await startServer({ workspace: await mkdtemp(join(tmpdir(), 'fenjie-serve-')), date: '2026-12-02' });
    const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
    const page = await context.newPage();
    try {
      const base = await upload(page, server.url);
      const form = roleForm('A1.T1', '区发展和改革局');
      await page.selectOption(`${form} select[name=role]`, 'cooperate');
      await page.fill(`${form} input[name=reason]`, '原文为配合');
      await submit(page, `${form} button[value=set-role]`);
      expect(new URL(page.url()).pathname).toBe(base);
      expect(await page.textContent(`${form} >> xpath=../..`)).toMatch(/^配合区发展和改革局已更正/);
      expect(await page.getAttribute(`${form} >> xpath=../.. >> .corrected`, 'title')).toBe('更正 set-role：原文为配合（2026-12-02）');
      await page.fill('#task-A1\\.T2 input[name=written]', '区不存在局');
      await submit(page, '#task-A1\\.T2 form.block button[type=submit]');
      expect(await page.textContent('h1')).toBe('400');
      expect(await page.textContent('p.error')).toBe('表单 add-unit: A1.T2: 任务原文中没有"区不存在局" / "区不存在局" is not in the task\'s text');
      await page.screenshot({ path: join(SHOTS, 'fenjie-serve-400.png') });
      await page.goBack();
      await submit(page, '#build button[type=submit]');
      await page.screenshot({ path: join(SHOTS, 'fenjie-serve-nojs.png') });
      await page.click('#build summary');
      const link = page.locator(`a[href="${base}/units/${encodeURIComponent('区发展和改革局')}.docx"]`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const sheet = sheetText(new Uint8Array(await readFile((await download.path())!)));
      // A1.T1 is listed among the tasks the unit joins, now as 配合.
      expect(sheet.all).toMatch(/A1\.T1 （1） 发展康养度假产业：.*? 配合 区文化旅游广电体育局/);
    } finally {
      await context.close();
      await server.close();
    }
  }, 90_000);
});
