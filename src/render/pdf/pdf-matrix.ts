// 责任矩阵 as PDF: units × annexes with counts, then per annex units × tasks with ● ○ △ and a legend.
import type { Plan } from '../../model/schema.js';
import { annexMatrices, summaryMatrix, taskColumnLabel, type StringTable } from '../matrix-view.js';
import { textWidth } from './pdf-wrap.js';
import { printedPlanName } from '../plan-view.js';
import { fill } from '../layout.js';
import type { Templates } from '../templates.js';
import { PdfWriter } from './pdf-doc.js';
import { drawTable } from './pdf-table.js';

const MM = 72 / 25.4;

function table(w: PdfWriter, t: StringTable, unitWidth: number, fontSize: number, lineSpacing: number): void {
  const rest = (w.width - unitWidth) / (t.header.length - 1);
  drawTable(w, {
    widths: [unitWidth, ...new Array<number>(t.header.length - 1).fill(rest)],
    header: t.header,
    // One group per row: matrix rows have no category to keep together.
    groups: t.rows.map((r) => ({ rows: [{ cells: r.map((text, i) => ({ text, align: i === 0 ? 'left' as const : 'center' as const })) }] })),
    fontSize,
    lineSpacing,
    continued: '',
  });
}

export async function matrixPdf(plan: Plan, templates: Templates, date: string): Promise<Uint8Array> {
  const tpl = templates.matrix;
  const title = fill(tpl.title, { planName: printedPlanName(plan), planTitle: plan.notice.planTitle ?? '' });
  const w = new PdfWriter(templates.document, tpl.orientation, { title, date });
  const unitWidth = tpl.unitColumnWidth * MM;
  const spacing = templates.document.tableLineSpacing;
  w.block(title, 'title', { align: 'center', balance: true, spaceAfter: 6, lineSpacing: 1.5 });
  w.block(tpl.summaryHeading, 'heading1', { spaceAfter: 4, keepWith: 60 });
  table(w, summaryMatrix(plan, tpl), unitWidth, tpl.tableFontSize, spacing);
  w.newPage();
  w.block(tpl.detailHeading, 'heading1', { spaceAfter: 4, keepWith: 60 });
  // As many task columns a table as fit across the page with the widest label (T10) on one line.
  const bold = w.face('tableHeader');
  const widest = Math.max(...plan.annexes.flatMap((a) => a.tasks.map((t) => textWidth(taskColumnLabel(t.id), bold, tpl.tableFontSize))));
  const maxColumns = Math.max(1, Math.floor((w.width - unitWidth) / (widest + 2 * 3 + 1)));
  for (const annex of annexMatrices(plan, tpl, maxColumns)) {
    w.block(annex.heading, 'heading2', { spaceBefore: 6, keepWith: 80 });
    w.block(tpl.legend, 'table', { spaceAfter: 2, keepWith: 60 });
    for (const chunk of annex.chunks) {
      table(w, chunk, unitWidth, tpl.tableFontSize, spacing);
      w.y += 6;
    }
  }
  return w.finish();
}
