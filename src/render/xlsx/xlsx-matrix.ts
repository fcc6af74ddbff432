// 责任矩阵.xlsx: the full units × all tasks matrix (frozen headers, autofilter) and a units × annexes count sheet.
import type { Plan } from '../../model/schema.js';
import { annexLabel } from '../plan-view.js';
import type { Templates } from '../templates.js';
import { annexCounts, annexMatrix, orderUnits } from '../unit-view.js';
import { BODY_FONT, newWorkbook, packXlsx, sheetName, styleBody, styleHeader } from './xlsx-common.js';

/** A task's title short enough for a header cell: its first clause, at most 12 characters. */
function shortTitle(title: string): string {
  const first = title.split(/[，,；;。]/)[0] ?? title;
  return [...first].length > 12 ? `${[...first].slice(0, 11).join('')}…` : first;
}

export async function matrixXlsx(plan: Plan, templates: Templates, date: string): Promise<Uint8Array> {
  const tpl = templates.matrix;
  const wb = newWorkbook(templates.document.creator, date);
  const taken = new Set<string>();

  const ws = wb.addWorksheet(sheetName(tpl.sheetName, taken));
  const matrices = plan.annexes.map((a) => annexMatrix(plan, a));
  const all = new Set<string>();
  for (const m of matrices) for (const u of m.units) all.add(u);
  const units = orderUnits(plan, all);
  const tasks = matrices.flatMap((m) => m.annex.tasks.map((t) => ({ m, t })));
  // Styles by column, set before any cell exists so cells inherit them: styling ~12 000 cells one by one made
  // exceljs the slowest step of the whole build.
  ws.getColumn(1).width = 30;
  ws.getColumn(1).font = BODY_FONT;
  for (let c = 2; c <= tasks.length + 4; c++) {
    const column = ws.getColumn(c);
    column.width = 9;
    column.alignment = { horizontal: 'center', vertical: 'middle' };
  }
  // Row 1: annex over its tasks; row 2: each task's id and short title, the row the filter sits on. A header that
  // means one thing is one cell: 单位 and the three totals span both rows.
  const top = ws.getRow(1);
  const head = ws.getRow(2);
  top.getCell(1).value = tpl.unitColumnLabel;
  ws.mergeCells(1, 1, 2, 1);
  let col = 2;
  for (const m of matrices) {
    if (m.annex.tasks.length === 0) continue;
    top.getCell(col).value = annexLabel(m.annex);
    if (m.annex.tasks.length > 1) ws.mergeCells(1, col, 1, col + m.annex.tasks.length - 1);
    col += m.annex.tasks.length;
  }
  tasks.forEach(({ t }, i) => (head.getCell(i + 2).value = `${t.id}\n${shortTitle(t.title)}`));
  head.height = 78;
  const roleCols = ['lead', 'responsible', 'cooperate'] as const;
  const roleLabel = { lead: '牵头合计', responsible: '负责合计', cooperate: '配合合计' } as const;
  roleCols.forEach((role, i) => {
    const c = tasks.length + 2 + i;
    top.getCell(c).value = `${roleLabel[role]}（${tpl.marks[role]}）`;
    ws.mergeCells(1, c, 2, c);
  });
  styleHeader(top);
  styleHeader(head);
  units.forEach((unit, r) => {
    const row = ws.getRow(r + 3);
    row.getCell(1).value = unit;
    const counts = { lead: 0, responsible: 0, cooperate: 0 };
    tasks.forEach(({ m, t }, i) => {
      const role = m.roles.get(t.id)?.get(unit);
      if (!role) return;
      row.getCell(i + 2).value = tpl.marks[role];
      counts[role]++;
    });
    roleCols.forEach((role, i) => (row.getCell(tasks.length + 2 + i).value = counts[role]));
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: tasks.length + 1 + roleCols.length } };
  const legend = ws.getRow(units.length + 4);
  legend.getCell(1).value = tpl.legend;

  const summary = wb.addWorksheet(sheetName(tpl.summarySheetName, taken));
  const counted = annexCounts(plan);
  const header = [tpl.unitColumnLabel, ...plan.annexes.flatMap((a) => [`${annexLabel(a)} 牵头`, `${annexLabel(a)} 参与`])];
  styleHeader(summary.addRow(header));
  for (const { unit, counts } of counted) {
    styleBody(summary.addRow([unit, ...counts.flatMap((c) => [c.lead, c.join])]));
  }
  summary.getColumn(1).width = 30;
  for (let c = 2; c <= header.length; c++) summary.getColumn(c).width = 12;
  summary.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return packXlsx(wb, date);
}
