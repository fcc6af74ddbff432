// Test helpers: the sample's plan and templates, ledgers made by the product (ledgerXlsx), and filled in as a unit
// would in Excel (through exceljs, which keeps the hidden stamp sheet and drops nothing a unit would see).
import ExcelJS from 'exceljs';
import { extractNotice, type Plan } from '../../src/index.js';
import { loadTemplates, type Templates } from '../../src/render/templates.js';
import { ledgerXlsx } from '../../src/render/xlsx/xlsx-ledger.js';
import { SAMPLE } from '../helpers.js';

let cached: Promise<{ plan: Plan; templates: Templates }> | undefined;
export function sample(): Promise<{ plan: Plan; templates: Templates }> {
  cached ??= (async () => ({ plan: (await extractNotice(SAMPLE)).plan, templates: await loadTemplates() }))();
  return cached;
}

export const DATE = '2024-05-31';
export const ROUND = '2024-05';

export async function blankLedger(unit?: string, round = ROUND): Promise<Uint8Array> {
  const { plan, templates } = await sample();
  return ledgerXlsx(plan, templates, DATE, { unit, round });
}

export interface RowFill {
  readonly status?: string | null;
  readonly progress?: string;
  readonly evidence?: string;
  readonly reporter?: string;
  /** a string is typed as text; a Date is a date cell; a number a serial */
  readonly updated?: string | Date | number;
  /** other columns by label, e.g. { 重点任务: '改了' } */
  readonly other?: Readonly<Record<string, string>>;
}

const KEYS: Record<string, string> = { status: '完成状态', progress: '进展情况', evidence: '佐证材料', reporter: '填报人', updated: '填报日期' };

/** The task ids of a ledger's annex sheets, in order. */
export async function ledgerTaskIds(bytes: Uint8Array): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ids: string[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== 'visible' || ws.getRow(1).getCell(1).text !== '编号') return;
    ws.eachRow((row, n) => n > 1 && ids.push(row.getCell(1).text));
  });
  return ids;
}

/**
 * Fill rows by task id; `edit` may change the workbook first (insert a column or a title row).
 * Returns the new bytes.
 */
export async function fillLedger(bytes: Uint8Array, fills: Readonly<Record<string, RowFill>>, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  edit?.(wb);
  wb.eachSheet((ws) => {
    if (ws.state !== 'visible') return;
    let header = 0;
    const cols = new Map<string, number>();
    ws.eachRow((row, n) => {
      if (header) return;
      row.eachCell((cell, c) => cols.set(cell.text, c));
      if (cols.has('编号') && cols.has('完成状态')) header = n;
      else cols.clear();
    });
    if (!header) return;
    ws.eachRow((row, n) => {
      if (n <= header) return;
      const fill = fills[row.getCell(cols.get('编号')!).text];
      if (!fill) return;
      for (const [key, label] of Object.entries(KEYS)) {
        const v = fill[key as keyof RowFill];
        if (v !== undefined) row.getCell(cols.get(label)!).value = v as ExcelJS.CellValue;
      }
      for (const [label, v] of Object.entries(fill.other ?? {})) row.getCell(cols.get(label)!).value = v;
    });
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
