// 任务分解表 as PDF: landscape, one part per annex, category merged over its group, header on every page.
import type { Plan } from '../../model/schema.js';
import { annexHeading, planNameOf, taskTableCell, taskTables } from '../plan-view.js';
import { fill } from '../layout.js';
import type { Templates } from '../templates.js';
import { PdfWriter } from './pdf-doc.js';
import { drawTable, type PdfCell, type PdfGroup } from './pdf-table.js';

export async function taskTablePdf(plan: Plan, templates: Templates, date: string): Promise<Uint8Array> {
  const tpl = templates.taskTable;
  const title = fill(tpl.title, { planName: planNameOf(plan), planTitle: plan.notice.planTitle ?? '' });
  const w = new PdfWriter(templates.document, tpl.orientation, { title, date });
  const weights = tpl.columns.map((c) => c.width);
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((x) => (w.width * x) / sum);
  const categoryColumn = tpl.columns.findIndex((c) => c.key === 'category');
  w.block(title, 'title', { align: 'center', balance: true, spaceAfter: 6, lineSpacing: 1.5 });
  taskTables(plan).forEach((table, index) => {
    if (index > 0) w.newPage(); // one part per annex, as the Word file has one section per annex
    const groups: PdfGroup[] = table.groups.map((group) => ({
      merge: categoryColumn >= 0 ? { column: categoryColumn, text: group.category || tpl.uncategorised } : undefined,
      rows: group.rows.map((row) => ({
        cells: tpl.columns.filter((c) => c.key !== 'category').map((c) => taskTableCell(row, c.key)),
      })),
    }));
    drawTable(w, {
      widths,
      header: tpl.columns.map((c) => c.label),
      groups,
      fontSize: tpl.tableFontSize,
      lineSpacing: templates.document.tableLineSpacing,
      continued: tpl.continued,
      heading: { text: annexHeading(tpl.annexHeading, table.annex), role: 'heading1', spaceAfter: 4 },
    });
  });
  return w.finish();
}
