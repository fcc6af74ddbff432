// A returned 台账 (issue 17): the workbook a unit filled in and sent back, read into reports. Pure over bytes: the
// caller reads the file (bounded) and decides what to store. The workbook is read with SheetJS (@e965/xlsx), which
// reads .xlsx and Excel 97 .xls alike. Columns are found by their labels (templates/ledger.json), not by place, so a
// unit that inserted a column or a title row still reads; the stamp (custom properties or the hidden `fenjie`
// sheet, either suffices) says which plan, unit and round the ledger was handed out for.
import * as XLSX from '@e965/xlsx';
import { TrackError } from '../errors.js';
import { sniffCompound } from '../ingest/cfb.js';
import { inflateEntry, looksLikeZip, readZipDirectory, ZipFormatError } from '../ingest/zip.js';
import type { Plan } from '../model/schema.js';
import { STATUSES, type Status } from './model.js';

/** A returned file larger than this is refused before reading: a unit's ledger is tens of kilobytes. */
export const MAX_RETURN_BYTES = 32 * 1024 * 1024;
/** An .xlsx inflating past this (declared in its zip directory, checked before anything is inflated) is refused. */
const MAX_UNCOMPRESSED = 50 * 1024 * 1024;
/** The hidden sheet the ledger writer stamps (src/render/xlsx/xlsx-stamp.ts STAMP_SHEET). */
const STAMP_SHEET = 'fenjie';
/** Where the header row is looked for: a unit may add a title or a few note rows above it. */
const HEADER_SCAN_ROWS = 30;

/** What this reader needs of templates/ledger.json (structurally the render templates' `ledger`). */
export interface LedgerLayout {
  readonly columns: readonly { readonly key: string; readonly label: string; readonly editable?: boolean }[];
  readonly defaultStatus: string | null;
}

/** The stamp of a handed-out ledger, as read back. */
export interface ReadStamp {
  readonly sha256: string;
  readonly docNumber: string;
  readonly planTitle: string;
  /** The unit it was made for, or 全部 for the master ledger. */
  readonly unit: string;
  readonly round: string;
  readonly date: string;
  readonly schemaVersion: string;
}

/** One filled-in row: a unit's report on one task. */
export interface ReturnedRow {
  readonly taskId: string;
  readonly status: Status | null;
  readonly progress: string;
  readonly evidence: string;
  readonly reporter: string;
  /** ISO YYYY-MM-DD, or null where 填报日期 was left empty. */
  readonly reportedOn: string | null;
  readonly sheet: string;
  /** The row as Excel numbers it (from 1). */
  readonly row: number;
}

export interface ReturnRead {
  readonly stamp: ReadStamp;
  readonly format: 'xlsx' | 'xls';
  readonly reports: readonly ReturnedRow[];
  /** One bilingual line each, naming the file and cell: edited fixed columns, unknown ids, skipped rows. */
  readonly warnings: readonly string[];
}

type Cell = string | number | boolean | Date | null;

/** A sheet's cells by row and column (0-based), only the cells there are. */
interface SheetCells {
  readonly name: string;
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, Cell>>;
}

/** A workbook opened and its stamp read: what readReturn works on (open once, read the rows as often as needed). */
export interface OpenedLedger {
  readonly name: string;
  readonly format: 'xlsx' | 'xls';
  readonly stamp: ReadStamp;
  readonly sheets: readonly SheetCells[];
  readonly date1904: boolean;
}

/** Refuse the file: `name: message`, or `name sheet!cell: message` with a place (the cell's address). */
const fail = (name: string, message: string, place?: string): never => {
  throw new TrackError(`${name}${place ? ` ${place}` : ''}: ${message}`, name);
};

/** The .xlsx's docProps/custom.xml as name → value, read from the zip (SheetJS decodes these names as Latin-1). */
function customProperties(bytes: Uint8Array, name: string): Record<string, string> {
  let directory;
  try {
    directory = readZipDirectory(bytes);
  } catch (error) {
    return fail(name, `工作簿已损坏，无法读取 / corrupt workbook (${(error as Error).message})`);
  }
  if (directory.totalUncompressed > MAX_UNCOMPRESSED) fail(name, `工作簿解压后超过 50 MB / the workbook inflates to more than 50 MB`);
  if (directory.entries.some((e) => e.encrypted)) fail(name, `工作簿已加密 / an encrypted workbook: save it again without a password`);
  const out: Record<string, string> = {};
  for (const entry of directory.entries) {
    // Every entry inflated within its declared size first: a zip bomb fails here, not inside SheetJS.
    let data: Uint8Array;
    try {
      data = inflateEntry(bytes, entry);
    } catch (error) {
      if (error instanceof ZipFormatError) return fail(name, `工作簿已损坏，无法读取 / corrupt workbook (${error.message})`);
      throw error;
    }
    if (entry.name !== 'docProps/custom.xml') continue;
    const xml = new TextDecoder().decode(data);
    for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:lpwstr>([^<]*)<\/vt:lpwstr>/g)) out[unescapeXml(m[1]!)] = unescapeXml(m[2]!);
  }
  return out;
}

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });

/** SheetJS reads an .xls's custom property strings byte by byte; undo that where the bytes are UTF-8. */
function latin1AsUtf8(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  const decoded = Buffer.from(value, 'latin1').toString('utf8');
  return decoded.includes('\ufffd') ? value : decoded;
}

function sheetCells(sheet: XLSX.WorkSheet, name: string): SheetCells {
  const rows = new Map<number, Map<number, Cell>>();
  const dense = (sheet as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'];
  if (dense) {
    dense.forEach((cells, r) => {
      if (!cells) return;
      const row = new Map<number, Cell>();
      cells.forEach((cell, c) => {
        if (cell && cell.t !== 'e' && cell.t !== 'z' && cell.v !== undefined && cell.v !== null) row.set(c, cell.v as Cell);
      });
      if (row.size) rows.set(r, row);
    });
  }
  return { name, rows };
}

/** The stamp pairs of the hidden sheet (A: name, B: value). */
function sheetStamp(cells: SheetCells | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of cells?.rows.values() ?? []) {
    const key = row.get(0);
    if (typeof key === 'string' && key.startsWith('fenjie.')) out[key] = String(row.get(1) ?? '');
  }
  return out;
}

function toStamp(props: Record<string, string>): ReadStamp | null {
  const sha = props['fenjie.source.sha256'] ?? '';
  if (props['fenjie.kind'] !== 'ledger' || !/^[0-9a-f]{64}$/.test(sha)) return null;
  return {
    sha256: sha,
    docNumber: props['fenjie.docNumber'] ?? '',
    planTitle: props['fenjie.planTitle'] ?? '',
    unit: props['fenjie.unit'] ?? '',
    round: props['fenjie.round'] ?? '',
    date: props['fenjie.date'] ?? '',
    schemaVersion: props['fenjie.schemaVersion'] ?? '',
  };
}

/**
 * Open a returned workbook and read its stamp. Throws TrackError naming the file: not a workbook, damaged,
 * password-protected, or no fenjie stamp.
 */
export function openLedger(bytes: Uint8Array, name: string): OpenedLedger {
  let format: 'xlsx' | 'xls';
  let custom: Record<string, string> = {};
  if (looksLikeZip(bytes)) {
    format = 'xlsx';
    custom = customProperties(bytes, name);
  } else if (bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    let kind;
    try {
      kind = sniffCompound(bytes);
    } catch (error) {
      return fail(name, `工作簿已损坏，无法读取 / corrupt workbook (${(error as Error).message})`);
    }
    if (kind.kind === 'refused' && kind.code === 'encrypted-office') fail(name, '工作簿受密码保护 / a password-protected workbook: save it again without a password');
    if (kind.kind !== 'xls') fail(name, '不是 Excel 工作簿 / not an Excel workbook (.xlsx or .xls)');
    format = 'xls';
  } else {
    return fail(name, '不是 Excel 工作簿 / not an Excel workbook (.xlsx or .xls)');
  }
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', dense: true, cellFormula: false, cellHTML: false, cellStyles: false, cellText: false, cellNF: false, cellDates: false, bookVBA: false });
  } catch (error) {
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    if (/password|encrypt/i.test(reason)) fail(name, '工作簿受密码保护 / a password-protected workbook: save it again without a password');
    return fail(name, `工作簿已损坏，无法读取 / corrupt workbook (${reason})`);
  }
  const sheets = book.SheetNames.map((n) => sheetCells(book.Sheets[n]!, n));
  if (format === 'xls') for (const [k, v] of Object.entries((book as { Custprops?: Record<string, unknown> }).Custprops ?? {})) custom[latin1AsUtf8(k)] = latin1AsUtf8(String(v));
  // The hidden sheet first: it survives programs that drop custom properties, and is protected against edits.
  const stamp = toStamp(sheetStamp(sheets.find((s) => s.name === STAMP_SHEET))) ?? toStamp(custom);
  if (!stamp) return fail(name, '不是 fenjie 生成的台账（没有 fenjie 标记）/ not a ledger fenjie handed out (no stamp)');
  return { name, format, stamp, sheets: sheets.filter((s) => s.name !== STAMP_SHEET), date1904: Boolean(book.Workbook?.WBProps?.date1904) };
}

/** A header label as compared: no spaces or line breaks (a unit may wrap 完成|状态). */
const labelKey = (s: string): string => s.replace(/[\s\u3000]+/g, '');

const text = (cell: Cell | undefined): string => {
  if (cell === undefined || cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).replace(/\r\n?/g, '\n').trim();
};

const address = (sheet: string, r: number, c: number): string => `${sheet}!${XLSX.utils.encode_cell({ r, c })}`;

interface Table {
  readonly sheet: SheetCells;
  readonly header: number;
  /** template key → column */
  readonly columns: ReadonlyMap<string, number>;
}

/** Each sheet's ledger table: the first row within HEADER_SCAN_ROWS holding the 编号 and 完成状态 labels. */
function tables(ledger: OpenedLedger, layout: LedgerLayout): Table[] {
  const labels = new Map(layout.columns.map((c) => [labelKey(c.label), c.key]));
  const idLabel = labelKey(layout.columns.find((c) => c.key === 'id')?.label ?? '编号');
  const statusLabel = labelKey(layout.columns.find((c) => c.key === 'status')?.label ?? '完成状态');
  const out: Table[] = [];
  for (const sheet of ledger.sheets) {
    for (const r of [...sheet.rows.keys()].sort((a, b) => a - b)) {
      if (r >= HEADER_SCAN_ROWS) break;
      const row = sheet.rows.get(r)!;
      const found = new Map<string, number>();
      for (const [c, cell] of [...row.entries()].sort((a, b) => a[0] - b[0])) {
        const key = labels.get(labelKey(text(cell)));
        if (key && !found.has(key)) found.set(key, c);
      }
      if (found.has('id') && found.has('status') && labels.get(idLabel) === 'id' && labels.get(statusLabel) === 'status') {
        out.push({ sheet, header: r, columns: found });
        break;
      }
    }
  }
  return out;
}

const DAY_MS = 86_400_000;
/** Excel's day 0 (1900 system, past its 1900-02-29 that never was) and the 1904 system's. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

const iso = (y: number, m: number, d: number): string | null => {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 9999 || t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
};

/**
 * 填报日期 as ISO: an Excel date serial, a Date cell, or text 2024-05-31, 2024/5/31, 2024.6.18, 2024年5月31日
 * (a time after it is ignored). null for an impossible or unreadable date (2024-02-30, 20240531, 下周).
 */
export function readDate(cell: Cell, date1904 = false): string | null {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1) return null;
    const t = new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(cell) * DAY_MS);
    return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : iso(cell.getFullYear(), cell.getMonth() + 1, cell.getDate());
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(String(cell).trim());
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** The fixed cells of each task row of a ledger, by task id and template key: what a handed-out ledger holds. */
export type LedgerRows = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The rows of a ledger as handed out (a blank ledger), to compare a return's fixed columns with. */
export function handoutRows(ledger: OpenedLedger, layout: LedgerLayout): LedgerRows {
  const out = new Map<string, Map<string, string>>();
  for (const t of tables(ledger, layout)) {
    for (const [r, row] of t.sheet.rows) {
      if (r <= t.header) continue;
      const id = text(row.get(t.columns.get('id')!));
      if (!id) continue;
      out.set(id, new Map([...t.columns].map(([key, c]) => [key, text(row.get(c))])));
    }
  }
  return out;
}

export interface ReadReturnOptions {
  /**
   * The ledger as it was handed out (handoutRows): a return's fixed columns are compared with it, and a task that is
   * not on it is not the unit's to report. Without it only the plan's task ids are checked.
   */
  readonly handout?: LedgerRows;
}

const FILL_KEYS = ['progress', 'status', 'evidence', 'reporter', 'updated'] as const;

/**
 * A returned ledger's reports. Rows left as handed out (every fill-in cell empty, status the default) are not
 * reports. Throws TrackError, naming the file and cell, for what cannot be stored: no stamp, a stamp of another
 * plan, a status outside the list, an unreadable 填报日期, a task id twice, or nothing filled in at all.
 *
 * @param bytes the file's bytes (or the ledger openLedger made of them)
 * @param name the file's name, used in every message
 * @param plan the plan the ledger was made from (its stamp must name this plan's source)
 * @param templates the loaded templates (only `ledger`: its column labels and default status are read)
 */
export function readReturn(bytes: Uint8Array | OpenedLedger, name: string, plan: Plan, templates: { readonly ledger: LedgerLayout }, options: ReadReturnOptions = {}): ReturnRead {
  const ledger = bytes instanceof Uint8Array ? openLedger(bytes, name) : bytes;
  const layout = templates.ledger;
  if (ledger.stamp.sha256 !== plan.source.sha256) {
    fail(name, `台账属于另一方案（${ledger.stamp.docNumber || ledger.stamp.planTitle || ledger.stamp.sha256.slice(0, 12)}）/ a ledger of another plan (source ${ledger.stamp.sha256.slice(0, 12)}, not ${plan.source.sha256.slice(0, 12)})`);
  }
  const found = tables(ledger, layout);
  if (found.length === 0) fail(name, '找不到台账表头（编号、完成状态）/ no ledger header row (编号, 完成状态) found');
  const taskIds = new Set(plan.annexes.flatMap((a) => a.tasks.map((t) => t.id)));
  const labelOf = new Map(layout.columns.map((c) => [c.key, c.label]));
  const fixedKeys = layout.columns.filter((c) => !c.editable && c.key !== 'id').map((c) => c.key);
  const warnings: string[] = [];
  const reports: ReturnedRow[] = [];
  const seen = new Map<string, string>();
  const unit = ledger.stamp.unit;

  for (const t of found) {
    const sheet = t.sheet.name;
    for (const key of FILL_KEYS) {
      if (!t.columns.has(key) && labelOf.has(key)) warnings.push(`${name} ${sheet}: 缺少「${labelOf.get(key)}」列 / the column ${labelOf.get(key)} is missing`);
    }
    const idCol = t.columns.get('id')!;
    for (const r of [...t.sheet.rows.keys()].sort((a, b) => a - b)) {
      if (r <= t.header) continue;
      const row = t.sheet.rows.get(r)!;
      const cell = (key: string): Cell | undefined => (t.columns.has(key) ? row.get(t.columns.get(key)!) : undefined);
      const at = (key: string) => address(sheet, r, t.columns.get(key)!);
      const fill = Object.fromEntries(FILL_KEYS.map((k) => [k, text(cell(k))])) as Record<(typeof FILL_KEYS)[number], string>;
      const untouched = !fill.progress && !fill.evidence && !fill.reporter && !fill.updated && (!fill.status || fill.status === layout.defaultStatus);
      const id = text(row.get(idCol));
      if (!id) {
        if (!untouched) warnings.push(`${name} ${address(sheet, r, idCol)}: 没有编号，该行跳过 / no task id; row skipped`);
        continue;
      }
      if (!taskIds.has(id)) {
        warnings.push(`${name} ${address(sheet, r, idCol)}: 编号"${id}"不在方案中，该行跳过 / task id "${id}" is not in the plan; row skipped`);
        continue;
      }
      if (seen.has(id)) fail(name, `编号 ${id} 重复（另见 ${seen.get(id)}）/ task id ${id} appears twice (also at ${seen.get(id)})`, address(sheet, r, idCol));
      seen.set(id, address(sheet, r, idCol));
      const handed = options.handout?.get(id);
      if (options.handout && !handed) {
        if (!untouched) warnings.push(`${name} ${address(sheet, r, idCol)}: 任务 ${id} 不在发给${unit}的台账中，该行跳过 / task ${id} is not on ${unit}'s ledger; row skipped`);
        continue;
      }
      if (handed) {
        for (const key of fixedKeys) {
          if (!t.columns.has(key) || !handed.has(key)) continue;
          if (text(cell(key)) !== handed.get(key)) warnings.push(`${name} ${at(key)}: 固定列「${labelOf.get(key)}」被修改，以方案为准 / the fixed column ${labelOf.get(key)} was edited; the plan's value is kept`);
        }
      }
      if (untouched) continue;
      let status: Status | null = null;
      if (fill.status) {
        if (!(STATUSES as readonly string[]).includes(fill.status)) {
          fail(name, `完成状态"${fill.status}"不是可选值 / status "${fill.status}" is not one of ${STATUSES.join('、')}`, at('status'));
        }
        status = fill.status as Status;
      }
      let reportedOn: string | null = null;
      if (fill.updated) {
        reportedOn = readDate(cell('updated')!, ledger.date1904);
        if (!reportedOn) fail(name, `填报日期"${fill.updated}"不是有效日期 / 填报日期 "${fill.updated}" is not a date (write 2024-05-31)`, at('updated'));
      }
      reports.push({ taskId: id, status, progress: fill.progress, evidence: fill.evidence, reporter: fill.reporter, reportedOn, sheet, row: r + 1 });
    }
  }
  if (reports.length === 0) fail(name, '没有填报任何任务（各行均未填写）/ an empty return: no row was filled in');
  return { stamp: ledger.stamp, format: ledger.format, reports, warnings };
}
