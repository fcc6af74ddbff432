// track init and collect through the API, on the sample: ledgers handed out into a workspace, filled in as units
// would, collected; re-collecting changes nothing, a newer return supersedes, a failing file leaves the store as it was.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkspace, trackCollect, trackExport, trackInit, TrackError, type InitResult } from '../../src/index.js';
import { SAMPLE } from '../helpers.js';
import { DATE, fillLedger, ledgerTaskIds, ROUND, sample } from './ledgers.js';
import { ledgerXlsx } from '../../src/render/xlsx/xlsx-ledger.js';

const root = mkdtempSync(join(tmpdir(), 'fenjie-collect-'));
let base: string;
let init: InitResult;
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  base = join(root, 'base');
  init = await trackInit(SAMPLE, { workspace: base, date: DATE });
}, 60_000);

let n = 0;
/** A fresh copy of the initialised workspace for one test. */
function workspace(): string {
  const dir = join(root, `ws${++n}`);
  cpSync(base, dir, { recursive: true });
  return dir;
}

const handoutOf = (ws: string, unit: string): Uint8Array => {
  const h = init.handouts.find((x) => x.unit === unit)!;
  return readFileSync(join(ws, ...h.file.split('/')));
};

async function filledFile(ws: string, unit: string, dir: string, status: string, progress = '按计划推进'): Promise<{ path: string; ids: string[] }> {
  const blank = handoutOf(ws, unit);
  const ids = await ledgerTaskIds(blank);
  const bytes = await fillLedger(blank, Object.fromEntries(ids.slice(0, 2).map((id) => [id, { status, progress, reporter: '王五', updated: '2024-06-18' }])));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${unit}-${status}.xlsx`);
  writeFileSync(path, bytes);
  return { path, ids };
}

describe('track init', () => {
  it('records the plan and hands out one ledger per unit with tasks and the master, stamped with the round', async () => {
    const { plan } = await sample();
    expect(init.planId).toBe(plan.source.sha256.slice(0, 12));
    expect(init.round).toBe(ROUND);
    expect(init.recorded).toBe(true);
    const units = init.handouts.map((h) => h.unit);
    expect(units[0]).toBe('全部');
    expect(units).toContain('区财政局');
    expect(units.length).toBeGreaterThan(50);
    for (const h of init.handouts) {
      expect(h.file).toMatch(new RegExp(`^handouts/${init.planId}/${ROUND}/[^/]+\\.xlsx$`));
      expect(existsSync(join(base, ...h.file.split('/')))).toBe(true);
    }
    // Its own tasks only: the unit's ledger has fewer rows than the master.
    expect((await ledgerTaskIds(handoutOf(base, '区财政局'))).length).toBeLessThan((await ledgerTaskIds(handoutOf(base, '全部'))).length);
    const data = readWorkspace(base);
    expect(data.plans.map((p) => [p.planId, p.docNumber])).toEqual([[init.planId, plan.notice.docNumber]]);
    expect(data.handouts).toHaveLength(init.handouts.length);
  });

  it('is idempotent: the same plan and round again keeps every ledger', async () => {
    const ws = workspace();
    const before = trackExport(ws);
    const again = await trackInit(SAMPLE, { workspace: ws, date: '2024-05-31' });
    expect(again.recorded).toBe(false);
    expect(again.handouts.every((h) => h.state === 'kept')).toBe(true);
    expect(trackExport(ws)).toEqual(before);
    const next = await trackInit(SAMPLE, { workspace: ws, date: '2024-06-30' });
    expect(next.round).toBe('2024-06');
    expect(next.handouts.every((h) => h.state === 'written')).toBe(true);
    expect(readWorkspace(ws).handouts).toHaveLength(2 * init.handouts.length);
  }, 30_000);
});

describe('track collect', () => {
  it('stores new returns, and re-collecting the same files changes nothing', async () => {
    const ws = workspace();
    const a = await filledFile(ws, '区财政局', join(root, 'in1'), '推进中');
    const b = await filledFile(ws, '区民政局', join(root, 'in1'), '已完成');
    const first = await trackCollect([a.path, b.path], { workspace: ws, asOf: '2024-06-20' });
    expect(first.map((r) => [r.name, r.state, r.state !== 'failed' && r.unit, r.state !== 'failed' && r.reports])).toEqual([
      ['区财政局-推进中.xlsx', 'new', '区财政局', 2],
      ['区民政局-已完成.xlsx', 'new', '区民政局', 2],
    ]);
    const data = readWorkspace(ws);
    expect(data.reports).toHaveLength(4);
    expect(data.reports.filter((r) => r.unit === '区财政局').map((r) => [r.taskId, r.status, r.reportedOn, r.round])).toEqual(
      a.ids.slice(0, 2).sort().map((id) => [id, '推进中', '2024-06-18', ROUND]),
    );
    expect(data.files.map((f) => f.stored).sort()).toEqual(readdirSync(join(ws, 'returns')).map((f) => `returns/${f}`).sort());
    expect(data.files[0]!.collectedAt).toBe('2024-06-20T00:00:00.000Z');
    const before = trackExport(ws);
    const again = await trackCollect([a.path, join(root, 'in1')], { workspace: ws, asOf: '2024-06-21' });
    expect(again.map((r) => r.state)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(again[0]).toMatchObject({ unit: '区财政局', reports: 2 });
    expect(trackExport(ws)).toEqual(before);
  }, 30_000);

  it('lets a newer return of the same unit and round supersede, keeping both in the history', async () => {
    const ws = workspace();
    const older = await filledFile(ws, '区财政局', join(root, 'in2'), '推进中');
    const newer = await filledFile(ws, '区财政局', join(root, 'in2'), '已完成', '已办结');
    await trackCollect([older.path], { workspace: ws, asOf: '2024-06-20' });
    await trackCollect([newer.path], { workspace: ws, asOf: '2024-06-25' });
    const data = readWorkspace(ws);
    expect(data.reports.map((r) => [r.status, r.progress])).toEqual([['已完成', '已办结'], ['已完成', '已办结']]);
    const all = trackExport(ws);
    expect(all.reports.map((r) => r.status)).toEqual(['推进中', '推进中', '已完成', '已完成']);
    expect(all.files).toHaveLength(2);
  }, 30_000);

  it('reports a failing file and goes on; nothing of it is stored', async () => {
    const ws = workspace();
    const good = await filledFile(ws, '区财政局', join(root, 'in3'), '推进中');
    const bad = await filledFile(ws, '区民政局', join(root, 'in3'), '差不多了');
    const before = trackExport(ws);
    const out = await trackCollect([bad.path, good.path], { workspace: ws, asOf: '2024-06-20' });
    expect(out.map((r) => r.state)).toEqual(['failed', 'new']);
    expect(out[0]).toMatchObject({ state: 'failed', error: expect.stringMatching(/^区民政局-差不多了\.xlsx 附件\d+![A-Z]+\d+: 完成状态"差不多了"不是可选值/) });
    const after = trackExport(ws);
    expect(after.files.map((f) => f.unit)).toEqual(['区财政局']);
    expect(after.reports.every((r) => r.unit === '区财政局')).toBe(true);
    expect(readdirSync(join(ws, 'returns'))).toHaveLength(1);
    expect(before.files).toHaveLength(0);
  }, 30_000);

  it('refuses a ledger of a plan not recorded, an unknown round, and a file that is no ledger', async () => {
    const ws = workspace();
    const { plan, templates } = await sample();
    const dir = join(root, 'in4');
    mkdirSync(dir, { recursive: true });
    const other = { ...plan, source: { ...plan.source, sha256: 'f'.repeat(64) } };
    const ids = await ledgerTaskIds(handoutOf(ws, '区财政局'));
    const fills = { [ids[0]!]: { status: '推进中' } };
    writeFileSync(join(dir, 'a-other-plan.xlsx'), await fillLedger(await ledgerXlsx(other, templates, DATE, { unit: '区财政局', round: ROUND }), fills));
    writeFileSync(join(dir, 'b-other-round.xlsx'), await fillLedger(await ledgerXlsx(plan, templates, DATE, { unit: '区财政局', round: '2099-01' }), fills));
    writeFileSync(join(dir, 'b-without-round.xlsx'), await fillLedger(await ledgerXlsx(plan, templates, DATE, {}), fills));
    writeFileSync(join(dir, 'c-notes.xlsx'), 'not a workbook');
    writeFileSync(join(dir, 'd-readme.txt'), 'ignored: not a workbook name');
    const out = await trackCollect([dir], { workspace: ws });
    expect(out.map((r) => [r.name, r.state === 'failed' ? r.error : r.state])).toEqual([
      ['a-other-plan.xlsx', expect.stringMatching(/^a-other-plan\.xlsx: 台账所属方案未在工作区登记.*run fenjie track init on it first$/)],
      ['b-other-round.xlsx', 'b-other-round.xlsx: 未向「区财政局」发放过第「2099-01」轮台账（已发放轮次：2024-05）/ no ledger was handed out to 区财政局 for round "2099-01"'],
      ['b-without-round.xlsx', expect.stringMatching(/^b-without-round\.xlsx: 台账没有报送轮次/)],
      ['c-notes.xlsx', 'c-notes.xlsx: 不是 Excel 工作簿 / not an Excel workbook (.xlsx or .xls)'],
    ]);
    expect(trackExport(ws).files).toHaveLength(0);
  }, 30_000);

  it('walks folders in order without following symlinks out of them, and skips the workspace inside', async () => {
    const ws = workspace();
    const dir = join(root, 'in5');
    const a = await filledFile(ws, '区财政局', join(dir, 'b'), '推进中');
    const b = await filledFile(ws, '区民政局', join(dir, 'a'), '推进中');
    const outside = await filledFile(ws, '区卫生健康局', join(root, 'elsewhere'), '推进中');
    symlinkSync(outside.path, join(dir, 'link.xlsx'));
    symlinkSync(a.path, join(dir, 'inside-link.xlsx'));
    writeFileSync(join(dir, '~$区财政局-推进中.xlsx'), 'lock');
    cpSync(ws, join(dir, 'work'), { recursive: true });
    const out = await trackCollect([dir], { workspace: join(dir, 'work') });
    expect(out.map((r) => [r.name, r.state])).toEqual([
      ['区民政局-推进中.xlsx', 'new'],
      ['区财政局-推进中.xlsx', 'new'],
      ['inside-link.xlsx', 'unchanged'],
    ]);
    expect(b.ids.length).toBeGreaterThan(0);
  }, 30_000);

  it('stores a file once when two collects take it at the same time', async () => {
    const ws = workspace();
    const a = await filledFile(ws, '区财政局', join(root, 'in6'), '推进中');
    const b = await filledFile(ws, '区民政局', join(root, 'in6'), '推进中');
    const [one, two] = await Promise.all([trackCollect([a.path, b.path], { workspace: ws }), trackCollect([b.path, a.path], { workspace: ws })]);
    expect([...one, ...two].filter((r) => r.state === 'new')).toHaveLength(2);
    expect([...one, ...two].filter((r) => r.state === 'unchanged')).toHaveLength(2);
    expect(trackExport(ws).files).toHaveLength(2);
    expect(trackExport(ws).reports).toHaveLength(4);
  }, 30_000);

  it('inits from a plan.json to the same plan id', async () => {
    const ws = join(root, 'from-json');
    const { plan } = await sample();
    const { planToJson } = await import('../../src/index.js');
    const file = join(root, 'plan.json');
    writeFileSync(file, planToJson(plan, file));
    const result = await trackInit(file, { workspace: ws, date: DATE, round: '第1期' });
    expect([result.planId, result.round, result.handouts.length]).toEqual([init.planId, '第1期', init.handouts.length]);
    expect(result.handouts[0]!.file).toBe(`handouts/${init.planId}/第1期/全部.xlsx`);
  }, 30_000);

  it('refuses a folder that is not a workspace, suggesting track init', async () => {
    const missing = join(root, 'nowhere');
    await expect(trackCollect([SAMPLE], { workspace: missing })).rejects.toThrow(TrackError);
    expect(() => readWorkspace(missing)).toThrow(/不是 fenjie 工作区.*run `fenjie track init <notice> -w .*nowhere` first/);
    expect(existsSync(missing)).toBe(false);
  });
});
