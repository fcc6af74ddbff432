// 责任矩阵 in Word: (a) units × annexes with counts, (b) per annex units × tasks with ● ○ △ and a legend.
import { convertMillimetersToTwip } from 'docx';
import type { Plan } from '../../model/schema.js';
import { annexMatrices, summaryMatrix, taskColumnLabel, type StringTable } from '../matrix-view.js';
import { emWidth } from '../table-layout.js';
import { printedPlanName } from '../plan-view.js';
import { fill } from '../layout.js';
import type { Templates } from '../templates.js';
import { STYLE, textWidthTwips } from './docx-styles.js';
import { columnWidths, docxTable } from './docx-table.js';
import { packDocx } from './docx-pack.js';
import { paragraph } from './ooxml.js';

function tableOf(table: StringTable, total: number, unitWidth: number): string {
  const widths = [unitWidth, ...columnWidths(total - unitWidth, new Array<number>(table.header.length - 1).fill(1))];
  return docxTable({
    widths,
    header: table.header,
    rows: table.rows.map((r) => ({ cantSplit: true, cells: r.map((text, i) => ({ text, align: i === 0 ? 'left' as const : 'center' as const })) })),
  });
}

export async function matrixDocx(plan: Plan, templates: Templates, date: string): Promise<Uint8Array> {
  const tpl = templates.matrix;
  const docTpl = templates.document;
  const title = fill(tpl.title, { planName: printedPlanName(plan), planTitle: plan.notice.planTitle ?? '' });
  const total = textWidthTwips(docTpl, tpl.orientation);
  const unitWidth = convertMillimetersToTwip(tpl.unitColumnWidth);
  const parts = [
    paragraph(STYLE.title, title),
    paragraph(STYLE.heading1, tpl.summaryHeading, { keepNext: true }),
    tableOf(summaryMatrix(plan, tpl), total, unitWidth),
    paragraph(STYLE.heading1, tpl.detailHeading, { keepNext: true, pageBreakBefore: true }),
  ];
  // The PDF's rule: as many task columns as fit with the widest label on one line (measured as the task table is).
  const widest = Math.max(...plan.annexes.flatMap((a) => a.tasks.map((t) => emWidth(taskColumnLabel(t.id)) * tpl.tableFontSize)));
  const maxColumns = Math.max(1, Math.floor((total - unitWidth) / 20 / (widest + 2 * 4.25 + 1)));
  for (const annex of annexMatrices(plan, tpl, maxColumns)) {
    parts.push(paragraph(STYLE.heading2, annex.heading, { keepNext: true }));
    parts.push(paragraph(STYLE.table, tpl.legend, { keepNext: true }));
    for (const chunk of annex.chunks) parts.push(tableOf(chunk, total, unitWidth));
  }
  return packDocx({ tpl: docTpl, orientation: tpl.orientation, tableSize: tpl.tableFontSize, title, date, body: parts.join('') });
}
