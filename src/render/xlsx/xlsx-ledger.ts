// 台账.xlsx, the ledger units fill in: one sheet per annex, a row per task; the fixed columns locked (sheet
// protection without a password), only the fill-in columns (进展情况, 完成状态, 佐证材料, 填报人, 填报日期) editable;
// status starting at 未启动 with one drop-down per column; a 汇总 sheet counting statuses with COUNTIF and a 合计
// row, so it is right the moment a unit changes a status; printed landscape on A4, fitted to the width, header
// row repeated, row heights set (LibreOffice does not fit them). Stamped with the plan, unit and round it was made
// for (xlsx-stamp.ts). `ledgerXlsx(plan, templates, date, { unit, round })` makes a unit's own ledger too.
import type ExcelJS from 'exceljs';
import type { Plan } from '../../model/schema.js';
import { annexLabel, printedPlanName, taskTables, type TaskRow } from '../plan-view.js';
import { fill } from '../layout.js';
import { emWidth } from '../table-layout.js';
import type { LedgerTemplate, Templates } from '../templates.js';
import { namesCovered } from '../unit-view.js';
import { BORDER, columnLetter, newWorkbook, packXlsx, sheetName, styleBody, styleHeader } from './xlsx-common.js';
import { addStampSheet, ledgerStamp, STAMP_SHEET, withCustomProperties } from './xlsx-stamp.js';

function value(row: TaskRow, key: string, tpl: LedgerTemplate, report?: LedgerReport): string | null {
  if (report) {
    switch (key) {
      case 'progress': return report.progress || null;
      case 'status': return report.status ?? tpl.defaultStatus;
      case 'evidence': return report.evidence || null;
      case 'reporter': return report.reporter || null;
      case 'updated': return report.reportedOn ?? null;
    }
  }
  switch (key) {
    case 'id': return row.id;
    case 'no': return row.no;
    case 'category': return row.category;
    case 'task': return row.title;
    case 'content': return row.content;
    case 'lead': return row.lead.join('、') || '未明确';
    case 'responsible': return row.responsible.join('、');
    case 'cooperate': return row.cooperate.join('、');
    case 'leaders': return row.leaders;
    case 'targets': return row.targets;
    case 'deadlines': return row.deadlines;
    case 'status': return tpl.defaultStatus;
    default: return null; // progress, evidence, reporter, updated: left empty for the units to fill in
  }
}

/** Points per line of 11 pt text, and Excel width units per em of it (a CJK character is ~1.9 of '0', measured
 * against LibreOffice's rendering). */
const LINE_PT = 14;
const UNITS_PER_EM = 1.95;

/** A row's height in points from its wrapped cells: Excel fits heights only when editing, LibreOffice not at all. */
function rowHeight(texts: readonly (string | null)[], widths: readonly number[]): number {
  let lines = 1;
  texts.forEach((text, i) => {
    if (!text) return;
    const per = Math.max(1, widths[i]! - 1);
    let n = 0;
    for (const para of text.split('\n')) n += Math.max(1, Math.ceil((emWidth(para) * UNITS_PER_EM) / per));
    lines = Math.max(lines, n);
  });
  return Math.min(409, lines * LINE_PT + 4);
}

/** Print on A4 landscape, fitted to one page wide, with the header row(s) on every page. */
function printSetup(ws: ExcelJS.Worksheet, headerRows: string): void {
  ws.pageSetup = {
    paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0,
    horizontalCentered: true, printTitlesRow: headerRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: '第 &P 页，共 &N 页' };
}

/** Lock the sheet without a password: cells stay selectable, rows can be made taller, filtering works. */
function protect(ws: ExcelJS.Worksheet): Promise<void> {
  return ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true, autoFilter: true, sort: false });
}

/** What the 总台账 shows as reported on one task (`LedgerOptions.reports`); empty strings leave a cell empty. */
export interface LedgerReport {
  readonly progress: string;
  /** 完成状态; null: the template's default status. */
  readonly status: string | null;
  readonly evidence?: string;
  readonly reporter: string;
  /** 填报日期, YYYY-MM-DD (written as a date), or null. */
  readonly reportedOn: string | null;
}

export interface LedgerOptions {
  /** Only the tasks this unit (by name, with its desks) leads or joins; the stamp names it (default: every task). */
  readonly unit?: string;
  /** The reporting round the ledger is handed out for, stamped into it (default: none). */
  readonly round?: string;
  /**
   * Per task id, the report to fill into 进展情况, 完成状态, 佐证材料, 填报人 and 填报日期 (the 总台账 of a round);
   * tasks without one stay blank (default: none, a ledger to hand out).
   */
  readonly reports?: ReadonlyMap<string, LedgerReport>;
}

export async function ledgerXlsx(plan: Plan, templates: Templates, date: string, options: LedgerOptions = {}): Promise<Uint8Array> {
  const tpl = templates.ledger;
  const wb = newWorkbook(templates.document.creator, date);
  const taken = new Set<string>([STAMP_SHEET]);
  const summary = wb.addWorksheet(sheetName(tpl.summarySheetName, taken));
  const unit = options.unit === undefined ? undefined : plan.units.find((u) => u.name === options.unit || u.aliases.includes(options.unit!));
  if (options.unit !== undefined && !unit) throw new Error(`no unit named "${options.unit}" in the plan`);
  const mine = unit ? namesCovered(plan, unit) : null;
  // A column nobody in the plan fills (配合单位, 责任领导 where none is named) is left out.
  const columns = tpl.columns.filter((c) => c.editable || c.key === 'lead' || taskTables(plan).some((t) => t.groups.some((g) => g.rows.some((r) => value(r, c.key, tpl)))));
  const col = (key: string) => columns.findIndex((c) => c.key === key) + 1;
  const statusCol = col('status');
  const updatedCol = col('updated');
  const widths = columns.map((c) => c.width);

  const perAnnex: { label: string; sheet: string; tasks: number }[] = [];
  for (const table of taskTables(plan)) {
    const rows = table.groups.flatMap((g) => g.rows).filter((r) => !mine || r.task.assignments.some((a) => mine.has(a.unit)));
    if (mine && rows.length === 0) continue;
    const name = sheetName(fill(tpl.sheetName, { number: table.annex.number, action: table.annex.action ?? '' }), taken);
    const ws = wb.addWorksheet(name);
    styleHeader(ws.addRow(columns.map((c) => c.label)));
    ws.getRow(1).height = 30;
    columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    for (const task of rows) {
      const report = options.reports?.get(task.id);
      const texts = columns.map((c) => value(task, c.key, tpl, report));
      // A reported date goes in as a date (the column is formatted yyyy-mm-dd), at UTC midnight so bytes are stable.
      const row = ws.addRow(report ? texts.map((t, i) => (columns[i]!.key === 'updated' && t && /^\d{4}-\d{2}-\d{2}$/.test(t) ? new Date(`${t}T00:00:00Z`) : t)) : texts);
      styleBody(row, new Set([1, 2, statusCol, updatedCol]));
      row.height = rowHeight(texts, widths);
      columns.forEach((c, i) => {
        if (c.editable) row.getCell(i + 1).protection = { locked: false };
      });
      if (updatedCol > 0) row.getCell(updatedCol).numFmt = 'yyyy-mm-dd';
    }
    if (statusCol > 0 && rows.length > 0) {
      // One rule over the column's range (exceljs's merging of per-cell rules writes overlapping ranges past row 9).
      const letter = columnLetter(statusCol);
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${rows.length + 1}`, {
        type: 'list', allowBlank: true, formulae: [`"${tpl.statuses.join(',')}"`], showErrorMessage: true,
        errorStyle: 'stop', errorTitle: '完成状态', error: `请选择：${tpl.statuses.join('、')}`,
      });
    }
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    printSetup(ws, '1:1');
    await protect(ws);
    perAnnex.push({ label: annexLabel(table.annex), sheet: name, tasks: rows.length });
  }

  const title = fill(tpl.title, { planName: printedPlanName(plan) }) + (unit ? `（${unit.name}）` : '');
  summary.addRow([title]).font = { name: '黑体', bold: true, size: 14 };
  styleHeader(summary.addRow(['行动', '任务数', ...tpl.statuses, '未填状态']));
  const first = summary.rowCount + 1;
  for (const a of perAnnex) {
    const range = `'${a.sheet.replace(/'/g, "''")}'!${columnLetter(statusCol)}2:${columnLetter(statusCol)}${a.tasks + 1}`;
    const row = summary.addRow([
      a.label,
      a.tasks,
      ...tpl.statuses.map((s) => ({ formula: `COUNTIF(${range},"${s}")` })),
      { formula: `COUNTBLANK(${range})` },
    ]);
    styleBody(row, new Set(Array.from({ length: tpl.statuses.length + 2 }, (_, i) => i + 2)));
  }
  const last = summary.rowCount;
  const sums = Array.from({ length: tpl.statuses.length + 2 }, (_, i) => {
    const letter = columnLetter(i + 2);
    return { formula: `SUM(${letter}${first}:${letter}${last})` };
  });
  const total = summary.addRow(['合计', ...sums]);
  styleBody(total, new Set(Array.from({ length: tpl.statuses.length + 2 }, (_, i) => i + 2)));
  total.eachCell((cell) => (cell.font = { name: '黑体', bold: true, size: 11 }));
  total.getCell(1).border = BORDER;
  summary.getColumn(1).width = 30;
  for (let c = 2; c <= tpl.statuses.length + 3; c++) summary.getColumn(c).width = 10;
  printSetup(summary, '2:2');
  await protect(summary);

  const stamp = ledgerStamp(plan, date, unit?.name, options.round);
  await addStampSheet(wb, stamp);
  return packXlsx(wb, date, (parts) => withCustomProperties(parts, stamp));
}
