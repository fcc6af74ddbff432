// Reading returned ledgers: real ledgers made by ledgerXlsx on the sample, filled in as a unit would, read back.
import * as XLSX from '@e965/xlsx';
import CFB from 'cfb';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { handoutRows, openLedger, readDate, readReturn, TrackError, type LedgerRows } from '../../src/index.js';
import { blankLedger, fillLedger, ledgerTaskIds, sample, ROUND } from './ledgers.js';

const UNIT = '区财政局';
let blank: Uint8Array;
let ids: string[];
let handout: LedgerRows;

beforeAll(async () => {
  blank = await blankLedger(UNIT);
  ids = await ledgerTaskIds(blank);
  const { templates } = await sample();
  handout = handoutRows(openLedger(blank, 'blank.xlsx'), templates.ledger);
});

async function read(bytes: Uint8Array, name = '回执.xlsx') {
  const { plan, templates } = await sample();
  return readReturn(bytes, name, plan, templates, { handout });
}

async function refusal(bytes: Uint8Array, name = '回执.xlsx'): Promise<string> {
  try {
    await read(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(TrackError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('readReturn', () => {
  it('reads the filled rows of a unit ledger, and only those', async () => {
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const bytes = await fillLedger(blank, {
      [ids[0]!]: { status: '推进中', progress: '已完成方案起草', evidence: '会议纪要', reporter: '张三', updated: '2024-05-28' },
      [ids[2]!]: { status: '已完成', progress: '资金已拨付', reporter: '李四', updated: new Date('2024-05-30') },
    });
    const result = await read(bytes);
    expect(result.stamp).toMatchObject({ unit: UNIT, round: ROUND, sha256: (await sample()).plan.source.sha256 });
    expect(result.format).toBe('xlsx');
    expect(result.warnings).toEqual([]);
    expect(result.reports.map((r) => [r.taskId, r.status, r.progress, r.evidence, r.reporter, r.reportedOn])).toEqual([
      [ids[0], '推进中', '已完成方案起草', '会议纪要', '张三', '2024-05-28'],
      [ids[2], '已完成', '资金已拨付', '', '李四', '2024-05-30'],
    ]);
    expect(result.reports[0]!.sheet).toMatch(/^附件\d$/);
    expect(result.reports[0]!.row).toBe(2);
  });

  it('treats a row with only its status changed as a report, and a cleared status as null', async () => {
    const bytes = await fillLedger(blank, { [ids[0]!]: { status: '滞后' }, [ids[1]!]: { status: null, progress: '待定' } });
    const result = await read(bytes);
    expect(result.reports.map((r) => [r.taskId, r.status, r.progress, r.reportedOn])).toEqual([
      [ids[0], '滞后', '', null],
      [ids[1], null, '待定', null],
    ]);
  });

  it('finds the columns by their labels after a unit inserted a column and a title row', async () => {
    const bytes = await fillLedger(blank, { [ids[1]!]: { status: '推进中', progress: '推进中的说明', updated: '2024年5月31日' } }, (wb) => {
      wb.eachSheet((ws) => {
        if (ws.state !== 'visible' || ws.getRow(1).getCell(1).text !== '编号') return;
        ws.unprotect();
        ws.spliceColumns(3, 0, ['备注（本单位加）']);
        ws.insertRow(1, ['区财政局重点任务台账（5月）']);
      });
    });
    const result = await read(bytes);
    expect(result.warnings).toEqual([]);
    expect(result.reports).toHaveLength(1);
    expect(result.reports[0]).toMatchObject({ taskId: ids[1], status: '推进中', progress: '推进中的说明', reportedOn: '2024-05-31', row: 4 });
  });

  it('refuses a status outside the list, naming the file, sheet and cell', async () => {
    const message = await refusal(await fillLedger(blank, { [ids[0]!]: { status: '已经完成' } }));
    expect(message).toMatch(/^回执\.xlsx 附件\d+!L2: 完成状态"已经完成"不是可选值 \/ status "已经完成" is not one of 未启动、推进中、已完成、滞后$/);
  });

  it('reads dates as offices type them and refuses impossible ones, naming the cell', async () => {
    expect(['2024-05-31', '2024/5/31', '2024.6.18', '2024年6月18日', '2024 年 6 月 8 日', '2024-06-18 09:30'].map((d) => readDate(d))).toEqual(['2024-05-31', '2024-05-31', '2024-06-18', '2024-06-18', '2024-06-08', '2024-06-18']);
    expect(readDate(45443)).toBe('2024-05-31');
    expect(readDate(45443, true)).toBe('2028-06-01');
    expect(['2024-02-30', '2024-13-01', '20240531', '下周', '5月31日'].map((d) => readDate(d))).toEqual([null, null, null, null, null]);
    const message = await refusal(await fillLedger(blank, { [ids[0]!]: { status: '推进中', updated: '2024-02-30' } }));
    expect(message).toMatch(/^回执\.xlsx 附件\d+!O2: 填报日期"2024-02-30"不是有效日期/);
  });

  it('warns about an edited fixed column, naming the cell, and keeps the report', async () => {
    const bytes = await fillLedger(blank, { [ids[0]!]: { status: '推进中', other: { 重点任务: '改过的任务名', 牵头单位: '区财政局' } } });
    const result = await read(bytes);
    expect(result.reports.map((r) => r.taskId)).toEqual([ids[0]]);
    expect(result.warnings.length).toBeGreaterThanOrEqual(1);
    expect(result.warnings[0]).toMatch(/^回执\.xlsx 附件\d+!D2: 固定列「重点任务」被修改，以方案为准 \/ the fixed column 重点任务 was edited; the plan's value is kept$/);
  });

  it('skips a row whose 编号 is not in the plan, with a warning naming the cell', async () => {
    const bytes = await fillLedger(blank, { [ids[0]!]: { status: '推进中', other: { 编号: 'A9.T99' } }, [ids[1]!]: { status: '已完成' } });
    const result = await read(bytes);
    expect(result.reports.map((r) => r.taskId)).toEqual([ids[1]]);
    expect(result.warnings).toEqual([expect.stringMatching(/^回执\.xlsx 附件\d+!A2: 编号"A9.T99"不在方案中，该行跳过 \/ task id "A9.T99" is not in the plan; row skipped$/)]);
  });

  it('skips a task that is not on the unit\'s ledger, and refuses a task id given twice', async () => {
    const { plan } = await sample();
    const other = plan.annexes.flatMap((a) => a.tasks).find((t) => !ids.includes(t.id))!.id;
    const notMine = await read(await fillLedger(blank, { [ids[0]!]: { status: '推进中', other: { 编号: other } }, [ids[1]!]: { status: '已完成' } }));
    expect(notMine.reports.map((r) => r.taskId)).toEqual([ids[1]]);
    expect(notMine.warnings).toEqual([expect.stringContaining(`任务 ${other} 不在发给区财政局的台账中`)]);
    const twice = await refusal(await fillLedger(blank, { [ids[0]!]: { status: '推进中' }, [ids[1]!]: { status: '已完成', other: { 编号: ids[0]! } } }));
    expect(twice).toMatch(new RegExp(`^回执\\.xlsx 附件\\d+!A\\d+: 编号 ${ids[0]!.replace('.', '\\.')} 重复`));
  });

  it('refuses a workbook without the stamp in one clear line', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('附件1');
    ws.addRow(['编号', '重点任务', '进展情况', '完成状态']);
    ws.addRow([ids[0], '任务', '进展', '推进中']);
    const message = await refusal(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(message).toBe('回执.xlsx: 不是 fenjie 生成的台账（没有 fenjie 标记）/ not a ledger fenjie handed out (no stamp)');
  });

  it('reads the stamp from the custom properties alone when the hidden sheet is gone', async () => {
    const filled = await fillLedger(blank, { [ids[0]!]: { status: '推进中' } });
    // exceljs (the fill above) drops custom properties: the hidden sheet alone carried the stamp.
    expect((await read(filled)).stamp.unit).toBe(UNIT);
    // The other way round: the product's custom properties kept, the hidden sheet deleted (SheetJS rewrites the file).
    const book = XLSX.read(filled, { type: 'array' });
    const stampSheet = XLSX.utils.sheet_to_json<[string, string]>(book.Sheets.fenjie!, { header: 1 });
    book.Custprops = Object.fromEntries(stampSheet);
    delete book.Sheets.fenjie;
    book.SheetNames = book.SheetNames.filter((n) => n !== 'fenjie');
    book.Workbook!.Sheets = book.Workbook!.Sheets!.filter((s) => s.name !== 'fenjie');
    const rewritten = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const opened = openLedger(rewritten, '回执.xlsx');
    expect(opened.sheets.map((s) => s.name)).not.toContain('fenjie');
    expect(opened.stamp).toMatchObject({ unit: UNIT, round: ROUND, docNumber: (await sample()).plan.notice.docNumber });
    expect((await read(rewritten)).reports.map((r) => r.taskId)).toEqual([ids[0]]);
  });

  it('refuses an empty return, another plan\'s ledger, and files that are no workbook', async () => {
    expect(await refusal(blank)).toBe('回执.xlsx: 没有填报任何任务（各行均未填写）/ an empty return: no row was filled in');
    const { plan, templates } = await sample();
    const otherPlan = { ...plan, source: { ...plan.source, sha256: '0'.repeat(64) } };
    const filled = await fillLedger(blank, { [ids[0]!]: { status: '推进中' } });
    expect(() => readReturn(filled, '回执.xlsx', otherPlan, templates)).toThrow(/^回执\.xlsx: 台账属于另一方案/);
    expect(await refusal(new TextEncoder().encode('这不是表格'))).toBe('回执.xlsx: 不是 Excel 工作簿 / not an Excel workbook (.xlsx or .xls)');
    expect(await refusal(filled.subarray(0, filled.length - 100))).toMatch(/^回执\.xlsx: 工作簿已损坏，无法读取 \/ corrupt workbook/);
    // What Excel writes for a workbook saved with a password: a compound file holding EncryptionInfo and EncryptedPackage.
    const container = CFB.utils.cfb_new();
    CFB.utils.cfb_add(container, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    CFB.utils.cfb_add(container, '/EncryptedPackage', Buffer.alloc(4096));
    const locked = new Uint8Array(CFB.write(container, { type: 'buffer' }) as Buffer);
    expect(await refusal(locked)).toBe('回执.xlsx: 工作簿受密码保护 / a password-protected workbook: save it again without a password');
  });

  it('reads an .xls (Excel 97) saved from a filled ledger', async () => {
    const filled = await fillLedger(blank, { [ids[0]!]: { status: '已完成', progress: '完成', updated: new Date('2024-05-29') } });
    const book = XLSX.read(filled, { type: 'array' });
    const xls = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xls' }) as ArrayBuffer);
    const result = await read(xls, '回执.xls');
    expect(result.format).toBe('xls');
    expect(result.stamp.unit).toBe(UNIT);
    expect(result.reports.map((r) => [r.taskId, r.status, r.progress, r.reportedOn])).toEqual([[ids[0], '已完成', '完成', '2024-05-29']]);
  });
});
