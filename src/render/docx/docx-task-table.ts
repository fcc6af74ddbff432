// 任务分解表 in Word: one section per annex, landscape, header row repeated, category cells merged over their rows.
import type { Plan } from '../../model/schema.js';
import { annexHeading, planNameOf, taskTableCell, taskTables, type TaskRow } from '../plan-view.js';
import { fill, marginsFor, pageMm } from '../layout.js';
import type { Templates } from '../templates.js';
import { STYLE, textWidthTwips } from './docx-styles.js';
import { columnWidths, docxTable, type DocxCell, type DocxRow } from './docx-table.js';
import { packDocx } from './docx-pack.js';
import { paragraph, SECTION_BREAK } from './ooxml.js';

/** Rough height in points of text set in a column `widthPt` wide: CJK one em per character, Latin half. */
function textHeight(text: string, widthPt: number, size: number, spacing: number): number {
  let lines = 0;
  for (const para of text.split('\n')) {
    let ems = 0;
    for (const ch of para) ems += ch.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
    lines += Math.max(1, Math.ceil((ems * size) / Math.max(widthPt - 8, size)));
  }
  return lines * size * spacing + 6;
}

export async function taskTableDocx(plan: Plan, templates: Templates, date: string): Promise<Uint8Array> {
  const tpl = templates.taskTable;
  const docTpl = templates.document;
  const title = fill(tpl.title, { planName: planNameOf(plan), planTitle: plan.notice.planTitle ?? '' });
  const widths = columnWidths(textWidthTwips(docTpl, tpl.orientation), tpl.columns.map((c) => c.width));
  const size = tpl.tableFontSize;
  const spacing = docTpl.tableLineSpacing;
  const m = marginsFor(docTpl, tpl.orientation);
  // Room for rows on a page below the repeated header, in points.
  const pageRoom = ((pageMm(tpl.orientation).height - m.top - m.bottom) * 72) / 25.4 - 3 * size * spacing;
  const rowHeight = (row: TaskRow) =>
    Math.max(...tpl.columns.map((c, i) => (c.key === 'category' ? 0 : textHeight(taskTableCell(row, c.key).text, widths[i]! / 20, size, spacing))));
  const sections = taskTables(plan).map((table) => {
    const rows: DocxRow[] = [];
    for (const group of table.groups) {
      const heights = group.rows.map(rowHeight);
      // A group that fits on a page gets one merged category cell and is kept on one page (keepNext on all its rows
      // but the last). Word does not repeat a merged cell's text after a page break, so a longer group instead
      // shows its category in every row: no page then starts without it.
      const keep = heights.reduce((a, b) => a + b, 0) <= pageRoom;
      const category = group.category || tpl.uncategorised;
      group.rows.forEach((row, i) => {
        const cells = tpl.columns.flatMap((col): DocxCell[] => {
          if (col.key !== 'category') return [taskTableCell(row, col.key)];
          if (!keep) return [{ text: category, align: 'center' }];
          if (i > 0) return []; // covered by the merged category cell above
          return [{ text: category, rowSpan: group.rows.length, align: 'center' }];
        });
        rows.push({ cells, keepNext: keep && i < group.rows.length - 1, cantSplit: heights[i]! <= pageRoom / 2 });
      });
    }
    return (
      paragraph(STYLE.heading1, annexHeading(tpl.annexHeading, table.annex), { keepNext: true }) +
      docxTable({ widths, header: tpl.columns.map((c) => c.label), rows })
    );
  });
  // One section per annex, each starting on a new page with the same page setup and footer.
  const body = paragraph(STYLE.title, title) + sections.join(SECTION_BREAK);
  return packDocx({ tpl: docTpl, orientation: tpl.orientation, tableSize: tpl.tableFontSize, title, date, body });
}
