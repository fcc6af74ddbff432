// A unit's 责任清单 in Word, laid out from the neutral blocks of unit-sheet-view.
import type { Plan, Unit } from '../../model/schema.js';
import type { Templates } from '../templates.js';
import { charsPerLine } from '../plan-view.js';
import type { Duty } from '../duties.js';
import { unitSheet, type SheetBlock } from '../unit-sheet-view.js';
import { textWidthTwips } from './docx-styles.js';
import { textBlockXml } from './docx-blocks.js';
import { columnWidths, docxTable, type DocxRow } from './docx-table.js';
import { packDocx } from './docx-pack.js';

function blockXml(block: SheetBlock, width: number): string {
  switch (block.kind) {
    case 'table': {
      const widths = columnWidths(width, block.columns.map((c) => c.width));
      const rows: DocxRow[] = block.rows.map((row) =>
        row.banner !== undefined
          ? { cells: [{ text: row.banner, columnSpan: widths.length, shade: true }], keepNext: true, cantSplit: true }
          : { cells: (row.cells ?? []).map((text) => ({ text })), cantSplit: false },
      );
      return docxTable({ widths, header: block.columns.map((c) => c.label), rows });
    }
    default:
      return textBlockXml(block.kind, block.text);
  }
}

export async function unitSheetDocx(plan: Plan, unit: Unit, templates: Templates, date: string, duties?: readonly Duty[]): Promise<Uint8Array> {
  const tpl = templates.unitSheet;
  const docTpl = templates.document;
  const sheet = unitSheet(plan, unit, tpl, { date, duties, titleChars: charsPerLine(templates.document, tpl.orientation, templates.document.fonts.title.size) });
  const width = textWidthTwips(docTpl, tpl.orientation);
  const body = sheet.blocks.map((b) => blockXml(b, width)).join('');
  return packDocx({ tpl: docTpl, orientation: tpl.orientation, tableSize: tpl.tableFontSize, title: sheet.title, date, body });
}
