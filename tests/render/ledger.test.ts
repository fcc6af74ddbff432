// 台账.xlsx read back: it prints, it counts, it is safe to hand out, and it says what it was made from.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/render/templates.js';
import { ledgerXlsx } from '../../src/render/xlsx/xlsx-ledger.js';
import { smallPlan } from './fixtures/small-plan.js';
import { build, DATE, workbook } from './helpers.js';

let zip: JSZip;
let file: string;
const part = (name: string) => zip.file(name)!.async('string');

beforeAll(async () => {
  const { dir } = await build(smallPlan, { formats: ['xlsx'] });
  file = path.join(dir, '台账.xlsx');
  zip = await JSZip.loadAsync(await readFile(file));
});

describe('台账.xlsx', () => {
  it('prints landscape on A4, one page wide, the header row on every page', async () => {
    const sheet = await part('xl/worksheets/sheet2.xml');
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    expect(sheet).toMatch(/<sheetPr[^>]*>[\s\S]*?<pageSetUpPr fitToPage="1"/);
    expect(await part('xl/workbook.xml')).toMatch(/_xlnm.Print_Titles" localSheetId="1">&apos;附件1&apos;!\$1:\$1</);
    expect(sheet).toMatch(/<row r="2"[^>]*ht="[\d.]+"[^>]*customHeight="1"/);
  });

  it('counts with COUNTIF per status and a 合计 row, statuses starting at 未启动', async () => {
    const wb = await workbook(file);
    const summary = wb.worksheets[0]!;
    const formulas: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => typeof c.value === 'object' && c.value && 'formula' in c.value && formulas.push(String(c.value.formula))));
    expect(formulas.filter((f) => f.startsWith('COUNTIF(')).length).toBe(smallPlan.annexes.length * 4);
    const total = summary.getRow(summary.rowCount);
    expect(total.getCell(1).value).toBe('合计');
    expect((total.getCell(2).value as { formula: string }).formula).toMatch(/^SUM\(B3:B\d+\)$/);
    expect(wb.worksheets[1]!.getRow(2).getCell(12).value).toBe('未启动');
  });

  it('defines the status drop-down once per column', async () => {
    const sheet = await part('xl/worksheets/sheet2.xml');
    const rules = sheet.match(/<dataValidation /g) ?? [];
    expect(rules).toHaveLength(1);
    expect(sheet).toMatch(/sqref="L2:L5"/);
  });

  it('locks the fixed columns with sheet protection without a password, leaving only the fill-in columns editable', async () => {
    const wb = await workbook(file);
    const ws = wb.worksheets[1]!;
    const sheet = await part('xl/worksheets/sheet2.xml');
    expect(sheet).toMatch(/<sheetProtection sheet="1"/);
    expect(sheet).not.toMatch(/hashValue|password=/);
    const header = (ws.getRow(1).values as unknown[]).slice(1) as string[];
    const editable = ['进展情况', '完成状态', '佐证材料', '填报人', '填报日期'];
    header.forEach((label, i) => {
      const locked = ws.getRow(2).getCell(i + 1).protection?.locked ?? true;
      expect(locked, label).toBe(!editable.includes(label));
    });
  });

  it('is stamped with the plan, the unit (or 全部) and the round, in custom properties and a hidden sheet', async () => {
    const custom = await part('docProps/custom.xml');
    expect(custom).toContain(`name="fenjie.source.sha256"><vt:lpwstr>${smallPlan.source.sha256}<`);
    expect(custom).toContain('name="fenjie.unit"><vt:lpwstr>全部<');
    expect(await part('[Content_Types].xml')).toContain('/docProps/custom.xml');
    expect(await part('_rels/.rels')).toContain('Target="docProps/custom.xml"');
    const wb = await workbook(file);
    const stamp = wb.getWorksheet('fenjie')!;
    expect(stamp.state).toBe('hidden');
    expect(stamp.getRow(4).values).toEqual([undefined, 'fenjie.docNumber', smallPlan.notice.docNumber]);
  });

  it('builds a unit’s own ledger for a round, holding only its tasks', async () => {
    const templates = await loadTemplates();
    const bytes = await ledgerXlsx(smallPlan, templates, DATE, { unit: '区教育局', round: '2024年5月' });
    const z = await JSZip.loadAsync(bytes);
    const custom = await z.file('docProps/custom.xml')!.async('string');
    expect(custom).toContain('<vt:lpwstr>区教育局</vt:lpwstr>');
    expect(custom).toContain('<vt:lpwstr>2024年5月</vt:lpwstr>');
    const sheets = await Promise.all(Object.keys(z.files).filter((n) => /sheet\d+\.xml$/.test(n)).map((n) => z.file(n)!.async('string')));
    const strings = await z.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('A1.T2');
    expect(strings).not.toContain('A1.T4'); // not 区教育局's
    expect(sheets.length).toBe(4); // 汇总, 附件1, 附件2, fenjie
  });
});
