// One table builder for every Word table: header row repeated on each page (tblHeader), merged cells (vMerge for a
// category over its rows, gridSpan for banner rows), groups kept on one page (keepNext), fixed column widths.
import { paragraph, paragraphOfRuns, type Run } from './ooxml.js';
import { STYLE } from './docx-styles.js';

export interface DocxCell {
  /** `\n` starts a new paragraph; an empty cell still gets one (empty) paragraph, as Word requires. */
  readonly text: string;
  readonly rowSpan?: number;
  readonly columnSpan?: number;
  readonly align?: 'left' | 'center';
  readonly header?: boolean;
  /** Shaded, for banner rows. */
  readonly shade?: boolean;
  /** The cell's one paragraph as runs in character styles, instead of `text` (the change report's redlines). */
  readonly runs?: readonly Run[];
}

export interface DocxRow {
  /** The cells this row starts: cells covered by a `rowSpan` from above are left out (continuations are added here). */
  readonly cells: readonly DocxCell[];
  /** Keep this row on the page of the next one (every row of a group but its last). */
  readonly keepNext?: boolean;
  /** Forbid breaking the row across pages; leave false for rows that may be taller than a page. */
  readonly cantSplit?: boolean;
}

export interface DocxTableOptions {
  /** Column widths in twips; their sum is the table width. */
  readonly widths: readonly number[];
  readonly header: readonly string[];
  readonly rows: readonly DocxRow[];
  /** Left and right cell margins in twips (default 85, 1.5 mm). */
  readonly cellMargin?: number;
  /** Paragraph styles of the body and header cells (default the document template's table styles). */
  readonly styles?: { readonly cell: string; readonly header: string };
  /** Header row fill, hex RGB (default none). */
  readonly headerFill?: string;
}

const BORDER = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
  .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
  .join('');

interface CellXml {
  readonly width: number;
  readonly span: number;
  readonly merge?: 'restart' | 'continue';
  readonly middle: boolean;
  readonly shade?: boolean | string;
  readonly paragraphs: string;
}

function tc(c: CellXml): string {
  const pr =
    `<w:tcW w:w="${c.width}" w:type="dxa"/>` +
    (c.span > 1 ? `<w:gridSpan w:val="${c.span}"/>` : '') +
    (c.merge === 'restart' ? '<w:vMerge w:val="restart"/>' : c.merge === 'continue' ? '<w:vMerge/>' : '') +
    (c.shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.shade === true ? 'F2F2F2' : c.shade}"/>` : '') +
    `<w:vAlign w:val="${c.middle ? 'center' : 'top'}"/>`;
  return `<w:tc><w:tcPr>${pr}</w:tcPr>${c.paragraphs}</w:tc>`;
}

type CellStyles = NonNullable<DocxTableOptions['styles']>;
const TABLE_STYLES: CellStyles = { cell: STYLE.table, header: STYLE.tableHeader };

function cellParagraphs(cell: DocxCell, keepNext: boolean, styles: CellStyles = TABLE_STYLES): string {
  const style = cell.header ? styles.header : styles.cell;
  const align = cell.header || cell.align === 'center' ? 'center' : 'left';
  if (cell.runs) return paragraphOfRuns(style, cell.runs, { align, keepNext });
  return cell.text.split('\n').map((line) => paragraph(style, line, { align, keepNext })).join('');
}

function tr(cells: string, opts: { header?: boolean; cantSplit?: boolean }): string {
  const pr = (opts.cantSplit ? '<w:cantSplit/>' : '') + (opts.header ? '<w:tblHeader/>' : '');
  return `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ''}${cells}</w:tr>`;
}

/** The table as WordprocessingML. */
export function docxTable(options: DocxTableOptions): string {
  const { widths } = options;
  const total = widths.reduce((a, b) => a + b, 0);
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const header = tr(
    options.header.map((label, i) => tc({ width: widths[i]!, span: 1, middle: true, shade: options.headerFill, paragraphs: cellParagraphs({ text: label, header: true }, false, options.styles) })).join(''),
    { header: true, cantSplit: true },
  );
  // Columns covered by a rowSpan from a row above: rows left, and the width and span of the merged cell.
  const covered: ({ left: number; width: number; span: number } | undefined)[] = new Array(widths.length).fill(undefined);
  const rows = options.rows.map((row) => {
    const keepNext = row.keepNext ?? false;
    const out: string[] = [];
    const queue = [...row.cells];
    for (let col = 0; col < widths.length; ) {
      const cover = covered[col];
      if (cover && cover.left > 0) {
        out.push(tc({ width: cover.width, span: cover.span, merge: 'continue', middle: true, paragraphs: paragraph((options.styles ?? TABLE_STYLES).cell, '', { keepNext }) }));
        cover.left--;
        col += cover.span;
        continue;
      }
      const cell = queue.shift() ?? { text: '' };
      const span = Math.min(cell.columnSpan ?? 1, widths.length - col);
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const rowSpan = cell.rowSpan ?? 1;
      if (rowSpan > 1) covered[col] = { left: rowSpan - 1, width, span };
      out.push(tc({
        width, span, merge: rowSpan > 1 ? 'restart' : undefined, middle: rowSpan > 1 || cell.align === 'center',
        shade: cell.shade, paragraphs: cellParagraphs(cell, keepNext, options.styles),
      }));
      col += span;
    }
    return tr(out.join(''), { cantSplit: row.cantSplit });
  });
  const tblPr =
    `<w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${BORDER}</w:tblBorders><w:tblLayout w:type="fixed"/>` +
    `<w:tblCellMar><w:left w:w="${options.cellMargin ?? 85}" w:type="dxa"/><w:right w:w="${options.cellMargin ?? 85}" w:type="dxa"/></w:tblCellMar>`;
  return `<w:tbl><w:tblPr>${tblPr}</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${header}${rows.join('')}</w:tbl>`;
}

/** Split a total width into columns by relative weights, rounding so the parts add up exactly. */
export function columnWidths(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((total * w) / sum));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
