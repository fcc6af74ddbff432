// fenjie track through the compiled CLI, as an office would run it: init on the sample, two units' ledgers filled
// in and collected (one with an edited fixed column), re-collected, a bad file among them, and the export.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fenjie } from '../cli/run-cli.js';
import { SAMPLE } from '../helpers.js';
import { fillLedger, ledgerTaskIds } from './ledgers.js';

const root = mkdtempSync(join(tmpdir(), 'fenjie-track-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ws = join(root, 'work');

describe('fenjie track', () => {
  it('init, collect, export', async () => {
    const init = await fenjie('track', 'init', SAMPLE, '-w', ws, '--date', '2024-05-31', '-q');
    expect(init.code).toBe(0);
    const folder = join(ws, 'handouts');
    const [planId] = readdirSync(folder);
    const ledgers = readdirSync(join(folder, planId!, '2024-05'));
    expect(ledgers).toContain('全部.xlsx');
    expect(ledgers).toContain('区财政局.xlsx');
    const again = await fenjie('track', 'init', SAMPLE, '-w', ws, '--date', '2024-05-31', '-q');
    expect(again.code).toBe(0);

    const inbox = join(root, '回执');
    mkdirSync(inbox);
    for (const [unit, status] of [['区财政局', '推进中'], ['区民政局', '已完成']] as const) {
      const blank = readFileSync(join(folder, planId!, '2024-05', `${unit}.xlsx`));
      const ids = await ledgerTaskIds(blank);
      const edit = unit === '区民政局' ? { other: { 牵头单位: '区财政局' } } : {};
      writeFileSync(join(inbox, `${unit}.xlsx`), await fillLedger(blank, { [ids[0]!]: { status, progress: '进展', reporter: '张三', updated: '2024/6/18', ...edit } }));
    }
    const collect = await fenjie('track', 'collect', inbox, '-w', ws, '--as-of', '2024-06-20');
    expect(collect.stderr).toContain('区财政局.xlsx 区财政局 2024-05: 1 条 (new)');
    expect(collect.stderr).toContain('区民政局.xlsx 区民政局 2024-05: 1 条 (new)');
    expect(collect.stderr).toMatch(/ {2}区民政局\.xlsx 附件\d+!F2: 固定列「牵头单位」被修改，以方案为准/);
    expect(collect.code).toBe(1); // a warning: the edit is reported, the plan's value kept

    writeFileSync(join(inbox, '坏文件.xlsx'), 'garbage');
    const twice = await fenjie('track', 'collect', inbox, '-w', ws, '--as-of', '2024-06-21');
    expect(twice.stderr).toContain('区财政局.xlsx 区财政局 2024-05: 1 条 (unchanged, 已收过 / collected before)');
    expect(twice.stderr).toContain('fenjie: 坏文件.xlsx: 不是 Excel 工作簿 / not an Excel workbook (.xlsx or .xls)');
    expect(twice.code).toBe(2);

    const exported = await fenjie('track', 'export', '-w', ws);
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.stdout);
    expect(data.files.map((f: { unit: string }) => f.unit).sort()).toEqual(['区民政局', '区财政局']);
    expect(data.reports.map((r: { status: string }) => r.status).sort()).toEqual(['已完成', '推进中']);
    expect(data.handouts.length).toBe(ledgers.length);
    const out = join(root, 'export.json');
    expect((await fenjie('track', 'export', '-w', ws, '-o', out)).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(exported.stdout);
    expect(exported.stdout).toBe(`${JSON.stringify(data, null, 2)}\n`);

    const missing = await fenjie('track', 'export', '-w', join(root, 'none'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^fenjie: .*none: 不是 fenjie 工作区.*fenjie track init/);
    const badDate = await fenjie('track', 'collect', inbox, '-w', ws, '--as-of', '2024-6-1');
    expect([badDate.code, badDate.stderr]).toEqual([2, 'fenjie: --as-of 需为 YYYY-MM-DD (got "2024-6-1")\n']);
  }, 120_000);
});
