// 台账.xlsx: one sheet per annex, a row per task with blank 进展情况 / 完成状态 (drop-down) / 更新日期 to fill in,
// and a summary sheet that counts statuses per annex with formulas, so it stays right as offices update it.
import type { Plan } from '../../model/schema.js';
import { annexLabel, planNameOf, taskTables, type TaskRow } from '../plan-view.js';
import { fill } from '../layout.js';
import type { Templates } from '../templates.js';
import { columnLetter, newWorkbook, packXlsx, sheetName, styleBody, styleHeader } from './xlsx-common.js';

function value(row: TaskRow, key: string): string | null {
  switch (key) {
    case 'id': return row.id;
    case 'no': return row.no;
    case 'category': return row.category;
    case 'task': return row.title;
    case 'content': return row.content;
    case 'lead': return row.lead.join('、');
    case 'responsible': return row.responsible.join('、');
    case 'cooperate': return row.cooperate.join('、');
    case 'targets': return row.targets;
    case 'deadlines': return row.deadlines;
    default: return null; // progress, status, updated: left empty for the offices to fill in
  }
}

export async function ledgerXlsx(plan: Plan, templates: Templates, date: string): Promise<Uint8Array> {
  const tpl = templates.ledger;
  const wb = newWorkbook(templates.document.creator, date);
  const taken = new Set<string>();
  const summary = wb.addWorksheet(sheetName(tpl.summarySheetName, taken));
  const statusCol = tpl.columns.findIndex((c) => c.key === 'status') + 1;
  const updatedCol = tpl.columns.findIndex((c) => c.key === 'updated') + 1;
  const list = `"${tpl.statuses.join(',')}"`;

  const perAnnex: { label: string; sheet: string; tasks: number }[] = [];
  for (const table of taskTables(plan)) {
    const name = sheetName(fill(tpl.sheetName, { number: table.annex.number, action: table.annex.action ?? '' }), taken);
    const ws = wb.addWorksheet(name);
    styleHeader(ws.addRow(tpl.columns.map((c) => c.label)));
    tpl.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
    const rows = table.groups.flatMap((g) => g.rows);
    for (const task of rows) {
      const row = ws.addRow(tpl.columns.map((c) => value(task, c.key)));
      styleBody(row, new Set([1, 2, statusCol, updatedCol]));
      if (statusCol > 0) {
        row.getCell(statusCol).dataValidation = {
          type: 'list', allowBlank: true, formulae: [list], showErrorMessage: true,
          errorTitle: '完成状态', error: `请选择：${tpl.statuses.join('、')}`,
        };
      }
      if (updatedCol > 0) row.getCell(updatedCol).numFmt = 'yyyy-mm-dd';
    }
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: tpl.columns.length } };
    perAnnex.push({ label: annexLabel(table.annex), sheet: name, tasks: rows.length });
  }

  summary.addRow([fill(tpl.title, { planName: planNameOf(plan) })]).font = { name: '黑体', bold: true, size: 14 };
  styleHeader(summary.addRow(['行动', '任务数', ...tpl.statuses]));
  for (const a of perAnnex) {
    const range = `'${a.sheet.replace(/'/g, "''")}'!${columnLetter(statusCol)}2:${columnLetter(statusCol)}${a.tasks + 1}`;
    const row = summary.addRow([a.label, a.tasks, ...tpl.statuses.map((s) => ({ formula: `COUNTIF(${range},"${s}")` }))]);
    styleBody(row, new Set(Array.from({ length: tpl.statuses.length + 1 }, (_, i) => i + 2)));
  }
  summary.getColumn(1).width = 30;
  for (let c = 2; c <= tpl.statuses.length + 2; c++) summary.getColumn(c).width = 10;
  return packXlsx(wb, date);
}
