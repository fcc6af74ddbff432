// 任务分解表 in Word: landscape, the annexes one after another, header row repeated, the PDF's column widths
// (task-table-view.ts), rows that fit on a page kept whole (cantSplit), category cells merged over their rows.
import type { Plan } from '../../model/schema.js';
import { annexHeading, printedPlanName, taskTables, type TaskRow } from '../plan-view.js';
import { fill, marginsFor, pageMm } from '../layout.js';
import { emWidth } from '../table-layout.js';
import { CELL_PADDING, taskTableColumns } from '../task-table-view.js';
import type { Templates, TaskTableForm } from '../templates.js';
import { STYLE } from './docx-styles.js';
import { docxTable, type DocxCell, type DocxRow } from './docx-table.js';
import { packDocx } from './docx-pack.js';
import { paragraph } from './ooxml.js';

/** Height in points of text set in a column `widthPt` wide, measured as the widths were. */
function textHeight(text: string, widthPt: number, size: number, spacing: number): number {
  let lines = 0;
  for (const para of text.split('\n')) lines += Math.max(1, Math.ceil((emWidth(para) * size) / Math.max(widthPt - 2 * CELL_PADDING, size)));
  return lines * size * spacing + 2 * CELL_PADDING;
}

export async function taskTableDocx(plan: Plan, templates: Templates, date: string, form?: TaskTableForm): Promise<Uint8Array> {
  const tpl = templates.taskTable;
  const docTpl = templates.document;
  const layout = taskTableColumns(plan, tpl, docTpl, form);
  const compact = layout.form === 'compact';
  const title = fill(compact ? tpl.compactTitle : tpl.title, { planName: printedPlanName(plan), planTitle: plan.notice.planTitle ?? '' });
  // The PDF's widths in twips, the last column taking the rounding so the table is exactly the text width.
  const widths = layout.widths.map((w) => Math.round(w * 20));
  const size = tpl.tableFontSize;
  const spacing = docTpl.tableLineSpacing;
  const m = marginsFor(docTpl, tpl.orientation);
  // Room for rows on a page below the repeated header, in points.
  const pageRoom = ((pageMm(tpl.orientation).height - m.top - m.bottom) * 72) / 25.4 - 3 * size * spacing;
  const rowHeight = (row: TaskRow) =>
    Math.max(...layout.columns.map((c, i) => (c.key === 'category' ? 0 : textHeight(layout.cell(row, c.key).text, layout.widths[i]!, size, spacing))));
  const parts = taskTables(plan).map((table, index) => {
    const rows: DocxRow[] = [];
    for (const group of table.groups) {
      const heights = group.rows.map(rowHeight);
      // A group up to half a page gets one merged category cell and is kept on one page (keepNext on all its rows
      // but the last). Word does not repeat a merged cell's text after a page break, so a longer group instead
      // shows its category in every row: no page then starts without it.
      const keep = heights.reduce((a, b) => a + b, 0) <= pageRoom / 2;
      const category = group.category || tpl.uncategorised;
      group.rows.forEach((row, i) => {
        const cells = layout.columns.flatMap((col): DocxCell[] => {
          if (col.key !== 'category') return [layout.cell(row, col.key)];
          if (!keep) return [{ text: category, align: 'center' }];
          if (i > 0) return []; // covered by the merged category cell above
          return [{ text: category, rowSpan: group.rows.length, align: 'center' }];
        });
        rows.push({ cells, keepNext: keep && i < group.rows.length - 1, cantSplit: heights[i]! <= pageRoom });
      });
    }
    return (
      paragraph(STYLE.heading1, annexHeading(tpl.annexHeading, table.annex), { keepNext: true, pageBreakBefore: compact && index > 0 }) +
      docxTable({ widths, header: layout.headers, rows, cellMargin: CELL_PADDING * 20 })
    );
  });
  const body = paragraph(STYLE.title, title) + parts.join('');
  return packDocx({ tpl: docTpl, orientation: tpl.orientation, tableSize: tpl.tableFontSize, title, date, body });
}
