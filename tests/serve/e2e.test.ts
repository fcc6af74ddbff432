// End to end in headless Chromium: the home page, an upload through its form, the review page. Skips without /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../src/serve/server.js';

const CHROMIUM = process.env.FENJIE_CHROMIUM ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
import { SAMPLE } from './client.js';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

describe.skipIf(!HAS_CHROMIUM)('fenjie serve in Chromium', () => {
  beforeAll(async () => {
    server = await startServer({ workspace: await mkdtemp(join(tmpdir(), 'fenjie-serve-')), date: '2026-12-02' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('uploads the sample through the form and lands on its review page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url);
    await page.setInputFiles('input[type=file]', SAMPLE);
    await Promise.all([page.waitForURL(/\/notices\/[0-9a-f]{16}\/review$/), page.click('button[type=submit]')]);
    expect(await page.textContent('body')).toContain('武陵源');
    await page.screenshot({ path: join(tmpdir(), 'fenjie-serve-review.png') });
    await page.goto(server.url);
    expect(await page.locator('li a').count()).toBe(1);
    await page.screenshot({ path: join(tmpdir(), 'fenjie-serve-home.png') });
    expect(errors).toEqual([]);
  }, 30_000);
});
