// Workbooks (.xlsx through exceljs, Excel 97 .xls through @e965/xlsx) → text: each visible sheet's rows. A task
// table (序号 · 重点任务 · 牵头单位 …) becomes the TAB-separated rows a .docx table gives, so extraction reads it the same
// way: the rows from the first to the last with two or more filled cells, padded to the table's width, a merged cell's
// text in its first cell. Rows outside it (a title merged across the sheet, notes under the table) are paragraphs.
// A cell's lines are joined by a space, as a .docx cell's paragraphs are. Each sheet keeps its name (Ingested.places).
import { IngestError, type Ingested, type Place } from './types.js';

/** One sheet as rows of cell texts (covered cells of a merge already ''). */
export interface SheetRows {
  readonly name: string;
  readonly rows: ReadonlyArray<readonly string[]>;
}

/** Columns read per sheet: a task table has tens; a cell far to the right must not make every row that wide. */
export const MAX_COLUMNS = 256;

const clean = (s: string) => s.replace(/\r\n?|\n/g, ' ').replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim();

/** A date as offices write it in these tables: 2025年12月31日. */
export const formatDate = (d: Date): string => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;

/** Sheets → one text with a place per sheet. */
export function sheetsToText(sheets: readonly SheetRows[]): { text: string; places: Place[] } {
  const out: string[] = [];
  const places: Place[] = [];
  let offset = 0;
  for (const sheet of sheets) {
    const lines = sheetLines(sheet.rows.map((r) => r.map(clean)));
    if (lines.length === 0) continue;
    if (out.length > 0) {
      out.push('');
      offset += 1;
    }
    const start = offset;
    for (const line of lines) {
      out.push(line);
      offset += line.length + 1;
    }
    places.push({ start, end: offset - 1, sheet: sheet.name });
  }
  return { text: out.length ? `${out.join('\n')}\n` : '', places };
}

function sheetLines(rows: ReadonlyArray<readonly string[]>): string[] {
  const out: string[] = [];
  // Empty rows separate blocks; in each block, the table runs from the first to the last row with two filled cells.
  let block: string[][] = [];
  const flush = () => {
    const filled = (r: readonly string[]) => r.filter((c) => c !== '').length;
    const first = block.findIndex((r) => filled(r) >= 2);
    let last = block.length - 1;
    while (last >= 0 && filled(block[last]) < 2) last--;
    const paragraph = (r: readonly string[]) => r.filter((c) => c !== '').join(' ');
    if (first < 0) out.push(...block.map(paragraph));
    else {
      out.push(...block.slice(0, first).map(paragraph));
      const table = block.slice(first, last + 1);
      const width = Math.max(...table.map((r) => r.length));
      if (out.length > 0 && out.at(-1) !== '') out.push('');
      for (const r of table) out.push(Array.from({ length: width }, (_, i) => r[i] ?? '').join('\t'));
      const after = block.slice(last + 1).map(paragraph);
      if (after.length > 0) out.push('', ...after);
    }
    block = [];
  };
  for (const row of rows) {
    let end = row.length;
    while (end > 0 && row[end - 1] === '') end--;
    if (end === 0) {
      flush();
      continue;
    }
    block.push(row.slice(0, end));
  }
  flush();
  // One blank line between blocks, none at the ends.
  const lines: string[] = [];
  for (const line of out) if (line !== '' || (lines.length > 0 && lines.at(-1) !== '')) lines.push(line);
  while (lines.at(-1) === '') lines.pop();
  return lines;
}

type ExcelCell = import('exceljs').Cell;

function excelCellText(cell: ExcelCell): string {
  if (cell.isMerged && cell.master !== cell) return '';
  const value = cell.value as unknown;
  const text = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return formatDate(v);
    if (typeof v === 'object') {
      const o = v as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
      if (o.richText) return o.richText.map((r) => r.text).join('');
      if ('result' in o) return text(o.result);
      if (o.text !== undefined) return text(o.text);
      if (o.error) return '';
      return '';
    }
    return String(v);
  };
  return text(value);
}

/** .xlsx: the zip has been checked (size, damage) by the caller. */
export async function ingestXlsx(bytes: Uint8Array, path: string): Promise<Ingested> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    throw new IngestError(`${path}: .xlsx 文件已损坏，无法读取 (corrupt workbook: ${reason})`, path, 'corrupt-xlsx');
  }
  const sheets: SheetRows[] = [];
  workbook.eachSheet((sheet) => {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') return;
    const byRow = new Map<number, string[]>();
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      const cells: string[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(excelCellText(row.getCell(c)));
      byRow.set(r, cells);
    });
    const rows = rowsInOrder(byRow);
    sheets.push({ name: sheet.name, rows });
  });
  return sheetIngested(sheets, 'xlsx', path);
}

/** Excel 97 .xls (a compound file with a Workbook stream), through the maintained SheetJS build on npm. */
export async function ingestXls(bytes: Uint8Array, path: string): Promise<Ingested> {
  const XLSX = await import('@e965/xlsx');
  let book: import('@e965/xlsx').WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', cellDates: true, cellFormula: false, cellHTML: false, cellStyles: false, bookVBA: false, dense: false });
  } catch (error) {
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    if (/password|encrypt/i.test(reason)) throw new IngestError(`${path}: .xls 受密码保护 (password-protected workbook; save it again without a password)`, path, 'encrypted-office');
    throw new IngestError(`${path}: .xls 文件已损坏，无法读取 (corrupt workbook: ${reason})`, path, 'corrupt-xls');
  }
  const sheets: SheetRows[] = [];
  for (const [i, name] of book.SheetNames.entries()) {
    if ((book.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0) continue;
    const sheet = book.Sheets[name];
    if (!sheet?.['!ref']) continue;
    // The cells there are, not the range the sheet declares (A1:XFD1048576 is seventeen billion cells).
    const byRow = new Map<number, string[]>();
    for (const address of Object.keys(sheet)) {
      if (address.startsWith('!')) continue;
      const { r, c } = XLSX.utils.decode_cell(address);
      const cell = sheet[address] as import('@e965/xlsx').CellObject;
      if (c >= MAX_COLUMNS || cell.v === undefined || cell.v === null) continue;
      const text = cell.v instanceof Date ? formatDate(cell.v) : cell.t === 'n' && typeof cell.w === 'string' && !/[#0]/.test(cell.w) ? cell.w : String(cell.v);
      if (!byRow.has(r)) byRow.set(r, []);
      byRow.get(r)![c] = text;
    }
    const rows = rowsInOrder(byRow);
    sheets.push({ name, rows });
  }
  return sheetIngested(sheets, 'xls', path);
}

/** Rows by number → rows in order, holes filled with '' and one empty row where rows are missing (a block ends). */
function rowsInOrder(byRow: ReadonlyMap<number, string[]>): string[][] {
  const rows: string[][] = [];
  let previous: number | null = null;
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    if (previous !== null && r > previous + 1) rows.push([]);
    rows.push(Array.from(byRow.get(r)!, (c) => c ?? ''));
    previous = r;
  }
  return rows;
}

function sheetIngested(sheets: readonly SheetRows[], format: 'xlsx' | 'xls', path: string): Ingested {
  const { text, places } = sheetsToText(sheets);
  if (text.trim() === '') throw new IngestError(`${path}: 工作簿没有内容 (no text in any visible sheet)`, path, 'empty');
  return { text, format, encoding: 'utf-8', meta: {}, places };
}
