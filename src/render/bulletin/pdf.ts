// The 督办通报 and the 催办单 as PDF: the same blocks as the Word file, set with the render toolkit (PdfWriter's
// GB/T 9704 page and embedded Noto faces, drawTable's header repeated on every page).
import type { DocumentTemplate, Orientation } from '../templates.js';
import { PdfWriter } from '../pdf/pdf-doc.js';
import { drawTable } from '../pdf/pdf-table.js';
import type { BulletinDoc } from './view.js';

export async function bulletinPdf(doc: BulletinDoc, tpl: DocumentTemplate, orientation: Orientation, tableSize: number, date: string): Promise<Uint8Array> {
  const w = new PdfWriter(tpl, orientation, { title: doc.title, date });
  let pendingHeading: string | undefined;
  doc.blocks.forEach((block, i) => {
    switch (block.kind) {
      case 'title':
        w.block(block.text, 'title', { align: 'center', balance: true, lineSpacing: 1.5 });
        break;
      case 'subtitle':
        w.block(block.text, 'heading2', { align: 'center', spaceAfter: 4 });
        break;
      case 'note':
        w.block(block.text, 'table', { align: 'center', spaceAfter: 8 });
        break;
      case 'heading1':
        // A heading right above a table goes with the table, never left alone at a page foot.
        if (doc.blocks[i + 1]?.kind === 'table') pendingHeading = block.text;
        else w.block(block.text, 'heading1', { spaceBefore: 4, keepWith: 40 });
        break;
      case 'paragraph':
        w.block(block.text, 'body', { indent: 2 });
        break;
      case 'addressee':
        w.block(block.text, 'body');
        break;
      case 'signature':
        w.y += 12;
        w.ensure(w.size('body') * w.tpl.lineSpacing);
        w.drawLine(block.text, w.left, w.y, w.face('body'), w.size('body'), w.size('body') * w.tpl.lineSpacing, { align: 'right' });
        w.y += w.size('body') * w.tpl.lineSpacing;
        break;
      case 'table': {
        const total = block.columns.reduce((a, c) => a + c.width, 0);
        drawTable(w, {
          widths: block.columns.map((c) => (w.width * c.width) / total),
          header: block.columns.map((c) => c.label),
          groups: block.rows.map((cells) => ({ rows: [{ cells: cells.map((text, col) => ({ text, align: block.columns[col]?.align ?? 'left' })) }] })),
          fontSize: tableSize,
          lineSpacing: tpl.tableLineSpacing,
          continued: '（续）',
          repeat: [0, 1],
          heading: pendingHeading !== undefined ? { text: pendingHeading, role: 'heading1', spaceAfter: 2 } : undefined,
        });
        pendingHeading = undefined;
        w.y += 6;
        break;
      }
    }
  });
  return w.finish();
}
