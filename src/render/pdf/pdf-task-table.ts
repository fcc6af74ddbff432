// 任务分解表 as PDF: landscape, the annexes one after another (each under its heading, the header repeated on every
// page), category merged over its tasks within a page, columns measured from the plan (task-table-view.ts).
import type { Plan } from '../../model/schema.js';
import { annexHeading, printedPlanName, taskTables } from '../plan-view.js';
import { fill } from '../layout.js';
import { taskTableColumns } from '../task-table-view.js';
import type { Templates, TaskTableForm } from '../templates.js';
import { PdfWriter, type CellRecord } from './pdf-doc.js';
import { drawTable, type PdfGroup } from './pdf-table.js';

export interface TaskTablePdfOptions {
  /** full (default: the template's) or compact (no 具体内容, each annex on a page of its own). */
  readonly form?: TaskTableForm;
  /** Receives every table cell drawn: the layout model tests and the bench read. */
  readonly record?: (cell: CellRecord) => void;
}

export async function taskTablePdf(plan: Plan, templates: Templates, date: string, options: TaskTablePdfOptions = {}): Promise<Uint8Array> {
  return drawTaskTable(plan, templates, date, options).finish();
}

/** The task table laid out on a writer, not yet finished (see taskTablePdf). */
export function drawTaskTable(plan: Plan, templates: Templates, date: string, options: TaskTablePdfOptions = {}): PdfWriter {
  const tpl = templates.taskTable;
  const layout = taskTableColumns(plan, tpl, templates.document, options.form);
  const compact = layout.form === 'compact';
  const title = fill(compact ? tpl.compactTitle : tpl.title, { planName: printedPlanName(plan), planTitle: plan.notice.planTitle ?? '' });
  const w = new PdfWriter(templates.document, tpl.orientation, { title, date });
  w.recordCell = options.record;
  const keys: string[] = layout.columns.map((c) => c.key);
  const categoryColumn = keys.indexOf('category');
  const repeat = ['no', 'task'].map((k) => keys.indexOf(k)).filter((i) => i >= 0);
  w.block(title, 'title', { align: 'center', balance: true, spaceAfter: 6, lineSpacing: 1.5 });
  taskTables(plan).forEach((table, index) => {
    // The full table runs on from annex to annex, so no page is left half empty; the compact one gives each annex a page.
    if (index > 0 && compact) w.newPage();
    else if (index > 0) w.y += 8;
    const groups: PdfGroup[] = table.groups.map((group) => ({
      merge: categoryColumn >= 0 ? { column: categoryColumn, text: group.category || tpl.uncategorised, short: group.rows[0]?.task.section ?? undefined } : undefined,
      rows: group.rows.map((row) => ({ cells: layout.columns.filter((c) => c.key !== 'category').map((c) => layout.cell(row, c.key)) })),
    }));
    drawTable(w, {
      widths: layout.widths,
      header: layout.headers,
      groups,
      fontSize: tpl.tableFontSize,
      lineSpacing: templates.document.tableLineSpacing,
      continued: tpl.continued,
      repeat,
      heading: { text: annexHeading(tpl.annexHeading, table.annex), role: 'heading1', spaceAfter: 4 },
    });
  });
  return w;
}
