// Tables for pdfkit, measured before drawing: the header repeats on every page, a group (rows under one merged
// category cell) moves whole to the next page when it fits there, and when it cannot it is split with the category
// repeated (续), so no page starts without its category. Rows taller than a page split line by line; text never truncates.
import type { FontRoleName } from '../templates.js';
import type { PdfWriter } from './pdf-doc.js';
import type { SharedFont } from './pdf-fonts.js';
import { wrapText } from './pdf-wrap.js';

export interface PdfCell {
  readonly text: string;
  readonly align?: 'left' | 'center';
}

export interface PdfRow {
  readonly cells?: readonly PdfCell[];
  /** A row across the whole table (e.g. the annex a run of tasks belongs to), drawn bold and shaded. */
  readonly banner?: string;
}

export interface PdfGroup {
  readonly rows: readonly PdfRow[];
  /** The column whose cell is merged over the group's rows, and its text; `rows[].cells` omit that column. */
  readonly merge?: { readonly column: number; readonly text: string };
}

export interface PdfTableSpec {
  /** Column widths in points; they should add up to the writer's text width. */
  readonly widths: readonly number[];
  readonly header: readonly string[];
  readonly groups: readonly PdfGroup[];
  readonly fontSize: number;
  readonly lineSpacing: number;
  /** Appended to a merged category when its group continues on a new page. */
  readonly continued: string;
  /** A heading drawn just above the table and kept on its page (never left alone at a page foot). */
  readonly heading?: { readonly text: string; readonly role: FontRoleName; readonly spaceAfter?: number };
}

const PAD = 3;
const HEADER_FILL = '#eeeeee';
const BANNER_FILL = '#f6f6f6';

interface Measured {
  /** Lines per column (undefined for the merged column). */
  lines: (readonly string[] | undefined)[];
  banner?: readonly string[];
}

export function drawTable(w: PdfWriter, spec: PdfTableSpec): void {
  const body = w.face('table');
  const bold = w.face('tableHeader');
  const size = spec.fontSize;
  const lh = size * spec.lineSpacing;
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const xs = spec.widths.map((_, i) => w.left + spec.widths.slice(0, i).reduce((a, b) => a + b, 0));
  const wrap = (text: string, col: number, face: SharedFont = body) => wrapText(text, face, size, spec.widths[col]! - 2 * PAD);
  const heightOf = (lines: readonly (readonly string[] | undefined)[]) => Math.max(1, ...lines.map((l) => l?.length ?? 0)) * lh + 2 * PAD;

  const headerLines = spec.header.map((h, i) => wrap(h, i, bold));
  const headerHeight = heightOf(headerLines);
  const capacity = w.bottom - w.top - headerHeight;
  const rowHeight = (m: Measured) => (m.banner ? heightOf([m.banner]) : heightOf(m.lines));

  let bodyTop = w.y; // where rows start on the current page, below its header
  const drawHeader = () => {
    w.doc.rect(w.left, w.y, total, headerHeight).fill(HEADER_FILL).fillColor('black');
    headerLines.forEach((lines, i) => drawCell(w, xs[i]!, w.y, spec.widths[i]!, headerHeight, lines, bold, size, lh, 'center', true));
    w.y += headerHeight;
    bodyTop = w.y;
  };
  const newPage = () => {
    w.newPage();
    drawHeader();
  };

  const measuredGroups = spec.groups.map((group) => {
    const merge = group.merge;
    const measured: Measured[] = group.rows.map((row) =>
      row.banner !== undefined
        ? { lines: [], banner: wrapText(row.banner, bold, size, total - 2 * PAD) }
        : { lines: cellColumns(row, merge?.column, spec.widths.length).map((cell, col) => (cell ? wrap(cell.text, col) : undefined)) },
    );
    const mergeHeight = merge ? wrap(merge.text, merge.column).length * lh + 2 * PAD : 0;
    const rowsHeight = measured.reduce((a, m) => a + rowHeight(m), 0);
    // A tall category stretches the group's last row.
    return { group, measured, extra: Math.max(0, mergeHeight - rowsHeight), height: Math.max(rowsHeight, mergeHeight) };
  });
  const first = measuredGroups[0];
  // A leading banner counts with the row after it, which it must not be parted from.
  const bannerLead = first?.measured[0]?.banner ? rowHeight(first.measured[0]) + (first.measured[1] ? rowHeight(first.measured[1]) : measuredGroups[1]?.height ?? 0) : 0;
  const rowHeightFirst = first ? Math.min(Math.max(first.height, bannerLead), capacity) : 2 * lh;
  const heading = spec.heading;
  const headingHeight = heading ? w.blockHeight(heading.text, heading.role) + (heading.spaceAfter ?? 0) : 0;
  const start = headingHeight + headerHeight;
  // Never leave a heading or header alone at a page foot: start on a new page when not even a few lines fit, or when
  // the first group would fit whole there and this page already holds real content (a page with only a title above
  // is better filled, the group split under its repeated category).
  const used = w.y - w.top > 0.3 * (w.bottom - w.top);
  const groupMoves = used && w.y + start + rowHeightFirst > w.bottom && rowHeightFirst < capacity;
  if ((w.y + start + Math.min(rowHeightFirst, 4 * lh) > w.bottom || groupMoves) && w.y > w.top) w.newPage();
  if (heading) w.block(heading.text, heading.role, { spaceAfter: heading.spaceAfter });
  drawHeader();
  let tableTop = true; // nothing but the header on this page yet

  // Height of the row after a given one (in reading order), so a banner can stay with at least its first row.
  const flat = measuredGroups.flatMap((g) => g.measured.map((m) => Math.min(rowHeight(m), capacity)));
  let flatIndex = 0;

  for (const { group, measured, extra, height: groupHeight } of measuredGroups) {
    const merge = group.merge;
    // A group that fits on a fresh page moves there whole when it is short or little room is left here; a long one
    // starts here and continues on the next page under its repeated category (续), rather than leaving half a page empty.
    const avail = w.bottom - w.y;
    if (!tableTop && groupHeight > avail && groupHeight <= capacity && (groupHeight <= capacity / 2 || avail < capacity / 3)) newPage();

    let segmentTop = w.y;
    let label = merge?.text ?? '';
    const closeSegment = () => {
      if (!merge || w.y <= segmentTop) return;
      const col = merge.column;
      drawCell(w, xs[col]!, segmentTop, spec.widths[col]!, w.y - segmentTop, wrap(label, col), body, size, lh, 'center', true);
    };
    const continuePage = () => {
      const started = w.y > segmentTop;
      closeSegment();
      newPage();
      segmentTop = w.y;
      // 续 only when part of the group stands on the previous page.
      if (merge && started) label = merge.text + spec.continued;
    };

    measured.forEach((m, index) => {
      const row = group.rows[index]!;
      const stretch = index === measured.length - 1 ? extra : 0;
      const next = flat[++flatIndex] ?? 0;
      if (m.banner) {
        const h = rowHeight(m);
        if (w.y + h + Math.min(next, 3 * lh + 2 * PAD) > w.bottom && w.y > bodyTop) continuePage(); // a banner never ends a page
        w.doc.rect(w.left, w.y, total, h).fill(BANNER_FILL).fillColor('black');
        drawCell(w, w.left, w.y, total, h, m.banner, bold, size, lh, 'left', false);
        w.y += h;
        return;
      }
      let lines = m.lines;
      for (;;) {
        const need = heightOf(lines) + stretch;
        const avail = w.bottom - w.y;
        if (need <= avail) {
          drawRow(w, xs, spec.widths, w.y, need, lines, row, merge?.column, body, size, lh);
          w.y += need;
          break;
        }
        const fitLines = Math.floor((avail - 2 * PAD) / lh);
        // Pass the row whole to the next page when it fits there and is short or little room is left here;
        // a long row is split instead, as moving it would leave much of the page empty. A page holding only the
        // header never passes a row on (that would leave the header alone), and a part is at least two lines.
        const moves = need <= capacity && w.y > bodyTop && (need <= 6 * lh || avail < capacity / 3);
        if (moves || fitLines < 2) {
          continuePage();
          continue;
        }
        const head = lines.map((l) => l?.slice(0, fitLines));
        drawRow(w, xs, spec.widths, w.y, avail, head, row, merge?.column, body, size, lh);
        w.y += avail;
        lines = lines.map((l) => l?.slice(fitLines));
        continuePage();
      }
    });
    closeSegment();
    tableTop = false;
  }
}

/** The row's cells placed in their columns, with a hole at the merged column. */
function cellColumns(row: PdfRow, mergeColumn: number | undefined, count: number): (PdfCell | undefined)[] {
  const cells = [...(row.cells ?? [])];
  const out: (PdfCell | undefined)[] = [];
  for (let col = 0; col < count; col++) out.push(col === mergeColumn ? undefined : cells.shift() ?? { text: '' });
  return out;
}

function drawRow(
  w: PdfWriter, xs: readonly number[], widths: readonly number[], top: number, height: number,
  lines: readonly (readonly string[] | undefined)[], row: PdfRow, mergeColumn: number | undefined,
  face: SharedFont, size: number, lh: number,
): void {
  const cells = cellColumns(row, mergeColumn, widths.length);
  lines.forEach((l, col) => {
    if (!l) return;
    drawCell(w, xs[col]!, top, widths[col]!, height, l, face, size, lh, cells[col]?.align ?? 'left', cells[col]?.align === 'center');
  });
}

function drawCell(
  w: PdfWriter, x: number, top: number, width: number, height: number, lines: readonly string[],
  face: SharedFont, size: number, lh: number, align: 'left' | 'center', middle: boolean,
): void {
  w.doc.lineWidth(0.5).rect(x, top, width, height).stroke();
  const textHeight = lines.length * lh;
  let y = middle ? top + Math.max(PAD, (height - textHeight) / 2) : top + PAD;
  for (const line of lines) {
    w.drawLine(line, x + PAD, y, face, size, lh, { align, width: width - 2 * PAD });
    y += lh;
  }
}
