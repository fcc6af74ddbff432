// The whole loop through the compiled CLI, as a general office runs it: `track init` on the sample, five units fill
// in and return their ledgers (one with an edited fixed column), the rest stay silent, `track collect`, then
// `track status` (text and JSON) and `track report` (督办通报, 催办单, 总台账) as of a day after the one dated deadline.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fenjie } from '../cli/run-cli.js';
import { SAMPLE } from '../helpers.js';
import { fillLedger, ledgerTaskIds } from './ledgers.js';
import { pdfPages } from '../render/helpers.js';

const root = mkdtempSync(join(tmpdir(), 'fenjie-track-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ws = join(root, 'work');
const ROUND = '2025-12';

/** unit → [which of its ledger's tasks (index, or a task id), status, progress] */
const RETURNS: ReadonlyArray<readonly [string, number | string, string, string]> = [
  ['区安委办', 'A7.T5', '推进中', '科技兴安项目已立项，设备采购中'],
  ['区财政局', 0, '已完成', '资金已拨付到位'],
  ['区民政局', 0, '滞后', '场地未落实'],
  ['区教育局', 0, '已完成', '已完成年度目标'],
  ['区农业农村局', 0, '推进中', '正在推进'],
];

const xml = async (file: string) => (await JSZip.loadAsync(readFileSync(file))).file('word/document.xml')!.async('string');
const text = (s: string) => s.replace(/<[^>]+>/g, '');

describe('fenjie track status and report', () => {
  let planId = '';
  const reported = new Map<string, string>();
  beforeAll(async () => {
    expect((await fenjie('track', 'init', SAMPLE, '-w', ws, '--date', '2025-12-01', '-q')).code).toBe(0);
    [planId] = readdirSync(join(ws, 'handouts'));
    const inbox = join(root, '回执');
    mkdirSync(inbox);
    for (const [unit, which, status, progress] of RETURNS) {
      const blank = readFileSync(join(ws, 'handouts', planId, ROUND, `${unit}.xlsx`));
      const ids = await ledgerTaskIds(blank);
      const id = typeof which === 'string' ? which : ids[which]!;
      expect(ids).toContain(id);
      reported.set(unit, id);
      const edit = unit === '区民政局' ? { other: { 重点任务: '改过的任务名' } } : {};
      writeFileSync(join(inbox, `${unit}.xlsx`), await fillLedger(blank, { [id]: { status, progress, reporter: '李四', updated: '2026/1/8', ...edit } }));
    }
    const collect = await fenjie('track', 'collect', inbox, '-w', ws, '--as-of', '2026-01-10');
    expect(collect.stderr).toContain('共 5 个文件: 新 5');
    expect(collect.stderr).toMatch(/区民政局\.xlsx 附件\d+!\w+\d+: 固定列「重点任务」被修改/);
    expect(collect.code).toBe(1); // the edited fixed column is a warning; the plan's text is kept
  }, 120_000);

  it('status: totals, the overdue task with its lead, the lagging one, the silent units', async () => {
    const run = await fenjie('track', 'status', '-w', ws, '--as-of', '2026-01-15');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('截至 2026-01-15');
    expect(out).toContain(`报送轮次：${ROUND}`);
    expect(out).toMatch(/逾期（红色预警）1 项\n {2}A7\.T5 +时限 2025-12-31 +推进中 .*牵头：区安委办/);
    expect(out).toMatch(new RegExp(`滞后（黄色预警）\\d+ 项\\n(?:.*\\n)*? {2}${reported.get('区民政局')!.replace('.', '\\.')} `));
    const silent = /未报送单位 (\d+) 个：(.*)/.exec(out)!;
    for (const [unit] of RETURNS) expect(silent[2]!.split('、')).not.toContain(unit);
    expect(silent[2]!.split('、')).toContain('区自然资源局');

    const json = await fenjie('track', 'status', '-w', ws, '--as-of', '2026-01-15', '--json');
    const status = JSON.parse(json.stdout);
    const plan = status.plans[0];
    expect(plan.round).toBe(ROUND);
    expect(Number(silent[1])).toBe(plan.silent.length);
    expect(plan.handedOut.length - plan.silent.length).toBe(RETURNS.length);
    // Exactly: A1.T9 已完成 (区财政局 alone), A1.T1 滞后 (区民政局), A1.T2 推进中 (区教育局 已完成 and 区农业农村局 推进中,
    // its lead silent: the worst of any), A7.T5 推进中 (its lead 区安委办); the other 131 tasks 未启动.
    expect(plan.totals).toEqual({ 未启动: 131, 推进中: 2, 已完成: 1, 滞后: 1 });
    expect(plan.annexes[0].totals).toEqual({ 未启动: 8, 推进中: 1, 已完成: 1, 滞后: 1 });
    expect(plan.annexes[6].totals).toEqual({ 未启动: 33, 推进中: 1, 已完成: 0, 滞后: 0 });
    expect(plan.silent).toHaveLength(83);
    expect(plan.handedOut).toHaveLength(88);
    const tasks = new Map(plan.tasks.map((t: { taskId: string }) => [t.taskId, t]));
    expect(['A1.T9', 'A1.T1', 'A1.T2', 'A7.T5'].map((id) => (tasks.get(id) as { status: string }).status)).toEqual(['已完成', '滞后', '推进中', '推进中']);
    expect(tasks.get('A7.T5')).toMatchObject({ status: '推进中', warning: 'red', due: '2025-12-31' });
    // Each task a unit reported on has that unit's report among its own; the lead's decides where the unit leads.
    for (const [unit, , st] of RETURNS) {
      const task = tasks.get(reported.get(unit)!) as { lead: string[]; status: string; reports: { unit: string; status: string }[] };
      expect(task.reports.find((r) => r.unit === unit)?.status).toBe(st);
      if (task.lead.length === 1 && task.lead[0] === unit) expect(task.status).toBe(st);
    }

    const mine = await fenjie('track', 'status', '-w', ws, '--as-of', '2026-01-15', '--unit', '区安委办', '--json');
    const only = JSON.parse(mine.stdout).plans[0].tasks as { units: string[] }[];
    expect(only.length).toBeGreaterThan(0);
    expect(only.length).toBeLessThan(plan.tasks.length);
  }, 60_000);

  it('report: the 督办通报 in Word and PDF, a 催办单 for the overdue lead, the merged 总台账; the same bytes twice', async () => {
    const out = join(root, '通报');
    const run = await fenjie('track', 'report', '-w', ws, '--as-of', '2026-01-15', '-o', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('催办单 1 份');
    const files = readdirSync(out, { recursive: true }).map(String).sort();
    expect(files).toEqual(expect.arrayContaining(['督办通报.docx', '督办通报.pdf', '总台账.xlsx', join('催办单', '区安委办.docx'), join('催办单', '区安委办.pdf')]));
    const bulletin = text(await xml(join(out, '督办通报.docx')));
    expect(bulletin).toContain('持续强化科技兴安');
    expect(bulletin).toContain('区安委办');
    expect(bulletin).toContain('区自然资源局');
    // The numbers as a reader sees them, in Word and in the PDF.
    for (const said of [bulletin, (await pdfPages(join(out, '督办通报.pdf'))).join('')]) {
      expect(said.replace(/\s+/g, '')).toContain('共有重点任务135项，其中办结1项，推进中2项，滞后1项，未启动131项，办结率0.7%');
      expect(said.replace(/\s+/g, '')).toContain('已报送5个，未报送83个');
    }
    const reminder = text(await xml(join(out, '催办单', '区安委办.docx')));
    expect(reminder).toContain('A7.T5');
    expect(reminder).toContain('科技兴安项目已立项，设备采购中');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, '总台账.xlsx')) as unknown as ArrayBuffer);
    const progress: string[] = [];
    wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void progress.push(cell.text))));
    for (const [, , , said] of RETURNS) expect(progress.join('\n')).toContain(said);

    const again = join(root, '通报2');
    expect((await fenjie('track', 'report', '-w', ws, '--as-of', '2026-01-15', '-o', again, '-q')).code).toBe(0);
    for (const f of files.filter((f) => /\.(docx|pdf|xlsx)$/.test(f))) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  }, 90_000);

  it('refuses an unknown round, an unknown unit, a folder that is not a workspace, each in one line with exit 2', async () => {
    const round = await fenjie('track', 'status', '-w', ws, '--round', '2099-01');
    expect(round.code).toBe(2);
    expect(round.stderr).toContain(`没有发放过第 2099-01 轮台账 (no ledgers handed out for round 2099-01; rounds: ${ROUND})`);
    const unit = await fenjie('track', 'status', '-w', ws, '--unit', '区不存在局');
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('方案中没有单位"区不存在局"');
    const none = await fenjie('track', 'report', '-w', join(root, 'nowhere'), '-o', join(root, 'x'));
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.stderr).toContain('fenjie track init');
  }, 60_000);
});
