// The 督办通报 and the 催办单 in Word: the neutral blocks of view.ts as OOXML (ooxml, docx-table) on a skeleton of the
// document template's named styles, GB/T 9704 page setup and "— n —" footer, as the other documents are written.
import type { DocumentTemplate, Orientation } from '../templates.js';
import { documentStyles, pageNumberFooter, sectionProperties, STYLE, textWidthTwips } from '../docx/docx-styles.js';
import { packDocxOn } from '../docx/docx-pack.js';
import { columnWidths, docxTable, type DocxRow } from '../docx/docx-table.js';
import { paragraph } from '../docx/ooxml.js';
import type { BulletinBlock, BulletinDoc } from './view.js';

/** Two full-width spaces: 公文 body paragraphs indent two characters. */
const INDENT = '\u3000\u3000';

function blockXml(block: BulletinBlock, width: number): string {
  switch (block.kind) {
    case 'title':
      return paragraph(STYLE.title, block.text);
    case 'subtitle':
      return paragraph(STYLE.heading2, block.text, { align: 'center' });
    case 'note':
      return paragraph(STYLE.table, block.text, { align: 'center' });
    case 'heading1':
      return paragraph(STYLE.heading1, block.text, { keepNext: true });
    case 'paragraph':
      return paragraph(STYLE.body, INDENT + block.text);
    case 'addressee':
      return paragraph(STYLE.body, block.text);
    case 'signature':
      return paragraph(STYLE.body, block.text, { align: 'right' });
    case 'table': {
      const widths = columnWidths(width, block.columns.map((c) => c.width));
      const rows: DocxRow[] = block.rows.map((cells) => ({
        cells: cells.map((text, i) => ({ text, align: block.columns[i]?.align })),
        cantSplit: true,
      }));
      return docxTable({ widths, header: block.columns.map((c) => c.label), rows });
    }
  }
}

export async function bulletinDocx(doc: BulletinDoc, tpl: DocumentTemplate, orientation: Orientation, tableSize: number, date: string): Promise<Uint8Array> {
  const width = textWidthTwips(tpl, orientation);
  const body = doc.blocks.map((b) => blockXml(b, width)).join('');
  const key = `bulletin:${JSON.stringify([tpl, orientation, tableSize])}`;
  return packDocxOn(key, () => ({ styles: documentStyles(tpl, tableSize), section: sectionProperties(tpl, orientation), footer: pageNumberFooter(tpl) }), {
    body,
    title: doc.title,
    creator: tpl.creator,
    date,
  });
}
