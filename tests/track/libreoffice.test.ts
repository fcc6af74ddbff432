// A ledger filled in and saved again by LibreOffice still collects: the round trip through `soffice --headless
// --convert-to` (to .xlsx and to Excel 97 .xls) keeps the stamp, the labels and the fixed columns as handed out.
// Skipped, with a message, where LibreOffice is not installed.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readWorkspace, trackCollect, trackInit } from '../../src/index.js';
import { SAMPLE } from '../helpers.js';
import { DATE, fillLedger, ledgerTaskIds } from './ledgers.js';

const soffice = (() => {
  try {
    return execFileSync('which', ['soffice'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
})();
if (!soffice) console.warn('tests/track/libreoffice.test.ts: LibreOffice (soffice) is not installed; the round-trip test is skipped');

const root = mkdtempSync(join(tmpdir(), 'fenjie-track-lo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe.skipIf(!soffice)('a ledger saved by LibreOffice', () => {
  it('collects after a round trip to .xlsx and to .xls', async () => {
    const ws = join(root, 'work');
    const init = await trackInit(SAMPLE, { workspace: ws, date: DATE });
    const handout = init.handouts.find((h) => h.unit === '区财政局')!;
    const blank = readFileSync(join(ws, ...handout.file.split('/')));
    const ids = await ledgerTaskIds(blank);
    const filled = await fillLedger(blank, {
      [ids[0]!]: { status: '推进中', progress: '第一行\n第二行', reporter: '张三', updated: new Date('2024-06-18') },
      [ids[1]!]: { status: '已完成', updated: '2024年6月1日' },
    });
    mkdirSync(join(root, 'in'));
    writeFileSync(join(root, 'in', '区财政局.xlsx'), filled);
    const out = join(root, 'out');
    // A profile of its own: two LibreOffice runs sharing one refuse to start.
    const profile = `-env:UserInstallation=file://${join(root, 'profile')}`;
    for (const format of ['xlsx', 'xls']) {
      execFileSync(soffice!, [profile, '--headless', '--convert-to', format, '--outdir', join(out, format), join(root, 'in', '区财政局.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    }
    cpSync(ws, join(root, 'work-xls'), { recursive: true });
    const xlsx = await trackCollect([join(out, 'xlsx', '区财政局.xlsx')], { workspace: ws, asOf: '2024-06-20' });
    const xls = await trackCollect([join(out, 'xls', '区财政局.xls')], { workspace: join(root, 'work-xls'), asOf: '2024-06-20' });
    for (const [result, workspace] of [[xlsx, ws], [xls, join(root, 'work-xls')]] as const) {
      expect(result).toEqual([expect.objectContaining({ state: 'new', unit: '区财政局', round: '2024-05', reports: 2, warnings: [] })]);
      expect(readWorkspace(workspace).reports.map((r) => [r.taskId, r.status, r.progress, r.reporter, r.reportedOn])).toEqual(
        [[ids[0], '推进中', '第一行\n第二行', '张三', '2024-06-18'], [ids[1], '已完成', '', '', '2024-06-01']].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      );
    }
    expect(readWorkspace(join(root, 'work-xls')).files[0]!.stored).toMatch(/\.xls$/);
  }, 180_000);
});
