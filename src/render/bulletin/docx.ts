// The 督办通报 and the 催办单 in Word: the neutral blocks of view.ts as OOXML (ooxml, docx-table) on a skeleton of the
// document template's named styles, GB/T 9704 page setup and "— n —" footer, as the other documents are written.
import type { DocumentTemplate, Orientation } from '../templates.js';
import { documentStyles, pageNumberFooter, sectionProperties, textWidthTwips } from '../docx/docx-styles.js';
import { textBlockXml } from '../docx/docx-blocks.js';
import { packDocxOn } from '../docx/docx-pack.js';
import { columnWidths, docxTable, type DocxRow } from '../docx/docx-table.js';
import type { BulletinBlock, BulletinDoc } from './view.js';

/** Two full-width spaces: 公文 body paragraphs indent two characters. */
const INDENT = '\u3000\u3000';

function blockXml(block: BulletinBlock, width: number): string {
  switch (block.kind) {
    case 'paragraph':
      return textBlockXml('paragraph', INDENT + block.text);
    case 'addressee':
      return textBlockXml('paragraph', block.text);
    case 'table': {
      const widths = columnWidths(width, block.columns.map((c) => c.width));
      const rows: DocxRow[] = block.rows.map((cells) => ({
        cells: cells.map((text, i) => ({ text, align: block.columns[i]?.align })),
        cantSplit: true,
      }));
      return docxTable({ widths, header: block.columns.map((c) => c.label), rows });
    }
    default:
      return textBlockXml(block.kind, block.text);
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
