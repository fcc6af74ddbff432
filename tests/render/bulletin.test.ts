// The 督办通报, the 催办单 and the 总台账 from the sample with hand-made reports: read back the .docx (document.xml),
// the PDF (pdfjs text) and the .xlsx (exceljs); same inputs twice give the same bytes.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulletinFiles, type BulletinFile } from '../../src/render/bulletin/index.js';
import { loadTemplates } from '../../src/render/templates.js';
import { trackStatus } from '../../src/track/status.js';
import { AS_OF, workspaceData } from '../track/status-fixture.js';
import { docxTables, pdfPages, workbook } from './helpers.js';

const DATE = '2026-01-16';
let files: BulletinFile[];
let dir: string;

async function make(): Promise<BulletinFile[]> {
  const data = await workspaceData();
  return bulletinFiles(trackStatus(data, { asOf: AS_OF }), data, await loadTemplates(), { date: DATE });
}

const file = (p: string) => {
  const f = files.find((x) => x.path === p);
  if (!f) throw new Error(`no ${p} among ${files.map((x) => x.path).join(', ')}`);
  return f;
};
const documentXml = async (p: string) => (await JSZip.loadAsync(file(p).bytes)).file('word/document.xml')!.async('string');
const plainText = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

beforeAll(async () => {
  files = await make();
  dir = await mkdtemp(path.join(tmpdir(), 'fenjie-bulletin-'));
  for (const f of files) {
    await mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
    await writeFile(path.join(dir, f.path), f.bytes);
  }
}, 60_000);

describe('bulletinFiles', () => {
  it('writes the bulletin, one 催办单 per unit with overdue tasks, and the master ledger', () => {
    expect(files.map((f) => f.path)).toEqual(['督办通报.docx', '督办通报.pdf', '催办单/区安委办.docx', '催办单/区安委办.pdf', '总台账.xlsx']);
  });

  it('the Word bulletin states the totals, the annex table, the overdue task with its lead, the silent unit', async () => {
    const xml = await documentXml('督办通报.docx');
    const text = plainText(xml);
    expect(text).toContain('实施“八大行动”重点任务督办通报');
    expect(text).toContain('本轮（2026-01）应报送单位6个，已报送5个，未报送1个。');
    expect(text).toContain('共有重点任务135项，其中办结7项，推进中6项，滞后2项，未启动120项，办结率5.2%。');
    expect(text).toContain('逾期（红色预警）1项，滞后（黄色预警）2项，15日内到期（蓝色预警）0项。');
    expect(text).toContain('区自然资源局（共1个）。');
    const [annexes, overdue, lagging] = docxTables(xml);
    expect(annexes![0]).toEqual(['行动', '任务数', '办结', '推进中', '滞后', '未启动', '办结率']);
    expect(annexes![1]).toEqual(['附件1 产业培塑行动', '11', '2', '2', '1', '6', '18.2%']);
    expect(annexes![annexes!.length - 1]).toEqual(['合计', '135', '7', '6', '2', '120', '5.2%']);
    expect(overdue![1]).toEqual(['1', 'A7.T5', '持续强化科技兴安', '区安委办', '2025年底前2025-12-31', '推进中', '区安委办：推进中，智慧安监平台建设过半（2026-01-05）']);
    expect(lagging!.slice(1).map((r) => [r[1], r[3]])).toEqual([['A1.T3', '区文化旅游广电体育局'], ['A7.T6', '区安委办']]);
    // Header row repeated on each page, rows kept whole.
    expect(xml).toContain('<w:tblHeader/>');
    expect((await JSZip.loadAsync(file('督办通报.docx').bytes)).file('docProps/core.xml')).not.toBeNull();
  });

  it('the PDF bulletin says the same', async () => {
    const pages = await pdfPages(path.join(dir, '督办通报.pdf'));
    const all = pages.join('');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(all).toContain('共有重点任务135项，其中办结7项，推进中6项，滞后2项，未启动120项，办结率5.2%');
    expect(all).toContain('附件7 安全守底行动');
    expect(all).toContain('A7.T5');
    expect(all).toContain('区安委办');
    expect(all).toContain('区自然资源局（共1个）');
    expect(all).toContain('— 1 —');
  });

  it("the 催办单 lists the unit's overdue task, its deadline, days overdue and what it last reported", async () => {
    const xml = await documentXml('催办单/区安委办.docx');
    expect(plainText(xml)).toContain('区安委办：');
    expect(plainText(xml)).toContain('以下1项任务已超过完成时限尚未办结');
    expect(docxTables(xml)[0]![1]).toEqual(['1', 'A7.T5', '持续强化科技兴安', '牵头', '2025年底前2025-12-31', '15', '推进中，智慧安监平台建设过半（2026-01-05）']);
    const pdf = (await pdfPages(path.join(dir, '催办单/区安委办.pdf'))).join('');
    expect(pdf).toContain('智慧安监平台建设过半');
    expect(pdf).toContain('15');
  });

  it("the 总台账 carries every unit's latest report, the task's status and the latest date", async () => {
    const wb = await workbook(path.join(dir, '总台账.xlsx'));
    const sheet = wb.worksheets.find((s) => s.name === '附件1')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (label: string) => header.indexOf(label);
    const row = (id: string) => sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === id)!;
    expect(row('A1.T1').getCell(col('完成状态')).value).toBe('推进中');
    expect(row('A1.T1').getCell(col('进展情况')).value).toBe('区文化旅游广电体育局：康养项目签约2个\n区民政局：养老床位建设滞后');
    expect(row('A1.T1').getCell(col('填报人')).value).toBe('区文化旅游广电体育局：文化联络员\n区民政局：民政联络员');
    expect((row('A1.T1').getCell(col('填报日期')).value as Date).toISOString()).toBe('2026-01-05T00:00:00.000Z');
    expect(row('A1.T5').getCell(col('进展情况')).value).toBe('已完成选址论证'); // one unit: no name prefix
    expect(row('A1.T6').getCell(col('完成状态')).value).toBe('未启动'); // nobody reported: the default
    expect(row('A1.T6').getCell(col('进展情况')).value).toBeNull();
  });

  it('is deterministic: the same inputs and date give identical bytes', async () => {
    const again = await make();
    expect(again.map((f) => f.path)).toEqual(files.map((f) => f.path));
    again.forEach((f, i) => expect(Buffer.compare(Buffer.from(f.bytes), Buffer.from(files[i]!.bytes)), f.path).toBe(0));
  }, 60_000);

  it('with nothing overdue writes no 催办单 and says 无', async () => {
    const data = await workspaceData();
    const out = await bulletinFiles(trackStatus(data, { asOf: '2025-11-01' }), data, await loadTemplates(), { date: DATE });
    expect(out.map((f) => f.path)).toEqual(['督办通报.docx', '督办通报.pdf', '总台账.xlsx']);
    const xml = await (await JSZip.loadAsync(out[0]!.bytes)).file('word/document.xml')!.async('string');
    expect(plainText(xml)).toContain('三、逾期任务（红色预警）\u3000\u3000无。');
  }, 60_000);
});

describe('bulletinFiles, more cases', () => {
  it('two plans: one bulletin naming each plan, a 总台账 per plan', async () => {
    const data = await workspaceData();
    const second = { ...data.plans[0]!, planId: 'bbbbbbbbbbbb', docNumber: '张武政办发〔2024〕9号' };
    const two = {
      plans: [...data.plans, second],
      handouts: [...data.handouts, ...data.handouts.map((h) => ({ ...h, planId: second.planId }))],
      reports: data.reports,
      files: data.files,
    };
    const status = trackStatus(two, { asOf: AS_OF });
    expect(status.plans.map((p) => p.silent.length)).toEqual([1, 6]);
    const out = await bulletinFiles(status, two, await loadTemplates(), { date: DATE });
    expect(out.map((f) => f.path)).toEqual(['督办通报.docx', '督办通报.pdf', '催办单/区安委办.docx', '催办单/区安委办.pdf', '总台账（张武政办发〔2024〕2号）.xlsx', '总台账（张武政办发〔2024〕9号）.xlsx']);
    const xml = await (await JSZip.loadAsync(out[0]!.bytes)).file('word/document.xml')!.async('string');
    const text = plainText(xml);
    expect(text).toContain('本轮（2026-01）应报送单位12个，已报送5个，未报送7个。');
    expect(text).toContain('共有重点任务270项');
    expect(text).toContain('张武政办发〔2024〕9号 附件1 产业培塑行动');
    expect(text).toContain('区自然资源局（张武政办发〔2024〕2号）');
  }, 60_000);

  it('an overdue task without a lead reminds every unit that takes part, and the bulletin says 未明确', async () => {
    const data = await workspaceData();
    const plan = structuredClone(data.plans[0]!.plan);
    const task = plan.annexes.flatMap((a) => a.tasks).find((t) => t.id === 'A7.T5')!;
    task.assignments = task.assignments.map((a) => ({ ...a, role: 'responsible' as const }));
    const units = [...new Set(task.assignments.map((a) => a.unit))];
    const changed = { ...data, plans: [{ ...data.plans[0]!, plan }] };
    const out = await bulletinFiles(trackStatus(changed, { asOf: AS_OF }), changed, await loadTemplates(), { date: DATE });
    const reminders = out.filter((f) => f.path.startsWith('催办单/') && f.path.endsWith('.docx'));
    expect(reminders).toHaveLength(units.length);
    const xml = await (await JSZip.loadAsync(out[0]!.bytes)).file('word/document.xml')!.async('string');
    expect(docxTables(xml)[1]![1]![3]).toBe('未明确');
  }, 60_000);

  it('takes its texts from an override folder', async () => {
    const { readFile } = await import('node:fs/promises');
    const { DEFAULT_TEMPLATES_DIR } = await import('../../src/render/templates.js');
    const { bulletinFiles: apiBulletin } = await import('../../src/index.js');
    const tpl = JSON.parse(await readFile(path.join(DEFAULT_TEMPLATES_DIR, 'bulletin.json'), 'utf8'));
    tpl.title = '{planName}督查通报';
    tpl.fileNames.bulletin = '督查通报';
    const over = await mkdtemp(path.join(tmpdir(), 'fenjie-bulletin-tpl-'));
    await writeFile(path.join(over, 'bulletin.json'), JSON.stringify(tpl));
    const data = await workspaceData();
    const out = await apiBulletin(trackStatus(data, { asOf: AS_OF }), data, over, { date: DATE });
    expect(out[0]!.path).toBe('督查通报.docx');
    expect(plainText(await (await JSZip.loadAsync(out[0]!.bytes)).file('word/document.xml')!.async('string'))).toContain('实施“八大行动”督查通报');
  }, 60_000);

  it('the ledger without reports is the ledger handed out, byte for byte', async () => {
    const { ledgerXlsx } = await import('../../src/render/xlsx/xlsx-ledger.js');
    const data = await workspaceData();
    const templates = await loadTemplates();
    const plain = await ledgerXlsx(data.plans[0]!.plan, templates, DATE);
    const empty = await ledgerXlsx(data.plans[0]!.plan, templates, DATE, { reports: new Map() });
    expect(Buffer.compare(Buffer.from(plain), Buffer.from(empty))).toBe(0);
  }, 60_000);
});
