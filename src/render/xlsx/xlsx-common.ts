// Shared Excel plumbing: pinned workbook dates, bold wrapped headers, safe sheet names, deterministic bytes.
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';
import { readZip, writeZip, type ZipPart } from '../zip.js';

// exceljs's entry point also loads its streaming reader and writer, which fenjie never uses: ~0.18 s of its ~0.35 s
// start-up, on the main thread of every run. The Workbook class is the same one the entry point exports (pinned
// exceljs version; the xlsx tests read every workbook back).
const Workbook = createRequire(import.meta.url)('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook;

export function newWorkbook(creator: string, date: string): ExcelJS.Workbook {
  const wb = new Workbook();
  const stamp = new Date(`${date}T00:00:00Z`);
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  wb.created = stamp;
  wb.modified = stamp;
  // Formulas (the ledger's status counts) are computed by Excel when it opens the file.
  wb.calcProperties.fullCalcOnLoad = true;
  return wb;
}

export const HEADER_FONT: Partial<ExcelJS.Font> = { name: '黑体', bold: true, size: 11 };
export const BODY_FONT: Partial<ExcelJS.Font> = { name: '仿宋_GB2312', size: 11 };
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

export function styleHeader(row: ExcelJS.Row): void {
  row.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    cell.border = BORDER;
  });
}

export function styleBody(row: ExcelJS.Row, center: ReadonlySet<number> = new Set()): void {
  row.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.font = BODY_FONT;
    cell.alignment = { vertical: 'top', horizontal: center.has(col) ? 'center' : 'left', wrapText: true };
    cell.border = BORDER;
  });
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, not blank, unique (case-insensitive). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Column letter(s) for a 1-based column index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export async function packXlsx(wb: ExcelJS.Workbook, date: string, parts: (parts: ZipPart[]) => ZipPart[] = (p) => p): Promise<Uint8Array> {
  // exceljs (JSZip) stamps entries with the time of the run; rewriting the archive pins them to the date. JSZip is
  // asked only to store the parts: deflating them in JavaScript (pako) to inflate them again here was wasted work.
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return writeZip(parts(readZip(new Uint8Array(buffer as ArrayBuffer))), date);
}
