// A unit's 责任清单 as PDF, laid out from the neutral blocks of unit-sheet-view.
import type { Plan, Unit } from '../../model/schema.js';
import type { Templates } from '../templates.js';
import { charsPerLine } from '../plan-view.js';
import type { Duty } from '../duties.js';
import { unitSheet } from '../unit-sheet-view.js';
import { PdfWriter } from './pdf-doc.js';
import { drawTable } from './pdf-table.js';

export async function unitSheetPdf(plan: Plan, unit: Unit, templates: Templates, date: string, duties?: readonly Duty[]): Promise<Uint8Array> {
  const tpl = templates.unitSheet;
  const sheet = unitSheet(plan, unit, tpl, { date, duties, titleChars: charsPerLine(templates.document, tpl.orientation, templates.document.fonts.title.size) });
  const w = new PdfWriter(templates.document, tpl.orientation, { title: sheet.title, date });
  let pendingHeading: string | undefined;
  sheet.blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'title':
        w.block(block.text, 'title', { align: 'center', balance: true, lineSpacing: 1.5 });
        break;
      case 'subtitle':
        w.block(block.text, 'heading2', { align: 'center', spaceAfter: 8 });
        break;
      case 'note':
        // Where the sheet comes from and its own date: under the title, in the table size, centred.
        w.block(block.text, 'table', { align: 'center', spaceAfter: sheet.blocks[i + 1]?.kind === 'note' ? 0 : 8 });
        break;
      case 'heading1':
        // A heading right above a table goes with the table, so it never stays behind at a page foot.
        if (sheet.blocks[i + 1]?.kind === 'table') pendingHeading = block.text;
        else w.block(block.text, 'heading1', { spaceBefore: 4, keepWith: 60 });
        break;
      case 'heading2':
        w.block(block.text, 'heading2', { keepWith: 40 });
        break;
      case 'paragraph':
        w.block(block.text, 'body', { indent: 2 });
        break;
      case 'table': {
        const sum = block.columns.reduce((a, c) => a + c.width, 0);
        drawTable(w, {
          widths: block.columns.map((c) => (w.width * c.width) / sum),
          header: block.columns.map((c) => c.label),
          groups: block.rows.map((row) => ({
            rows: [row.banner !== undefined ? { banner: row.banner } : { cells: (row.cells ?? []).map((text) => ({ text })) }],
          })),
          fontSize: tpl.tableFontSize,
          lineSpacing: templates.document.tableLineSpacing,
          continued: '',
          heading: pendingHeading !== undefined ? { text: pendingHeading, role: 'heading1', spaceAfter: 2 } : undefined,
        });
        pendingHeading = undefined;
        w.y += 4;
        break;
      }
    }
  });
  return w.finish();
}
