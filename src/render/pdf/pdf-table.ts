// Tables for pdfkit, measured before drawing: the header repeats on every page; a group (rows under one merged
// category cell) flows across pages with its category merged within each page and repeated (续) on the next, so no
// page starts without its category; a row split across pages leaves at least three lines on each page and repeats
// its 序号 and task name (续). Text never truncates. Every cell drawn can be recorded (PdfWriter.record) for tests.
import { headerWords } from '../table-layout.js';
import { CELL_PADDING } from '../task-table-view.js';
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
  /**
   * The column whose cell is merged over the group's rows, and its text; `rows[].cells` omit that column. `short`
   * (optional) is shown where a piece of the group at a page foot is too short for the whole text.
   */
  readonly merge?: { readonly column: number; readonly text: string; readonly short?: string };
}

export interface PdfTableSpec {
  /** Column widths in points; they should add up to the writer's text width. */
  readonly widths: readonly number[];
  readonly header: readonly string[];
  readonly groups: readonly PdfGroup[];
  readonly fontSize: number;
  readonly lineSpacing: number;
  /** Appended to a merged category when its group continues on a new page, and to a repeated cell of a split row. */
  readonly continued: string;
  /** A heading drawn just above the table and kept on its page (never left alone at a page foot). */
  readonly heading?: { readonly text: string; readonly role: FontRoleName; readonly spaceAfter?: number };
  /**
   * Columns a row split across pages repeats on the next page (序号, task name): their whole text again, the last
   * of them marked with `continued`. Default: none.
   */
  readonly repeat?: readonly number[];
  /** The fewest lines a part of a split row may have, on either page (default: 3). */
  readonly minLines?: number;
  /**
   * Keep a group (the rows under one merged category) on one page when it fits on a fresh one and less than this
   * share of a page is left (default 0: groups flow, their category repeated with （续）, so pages stay full).
   */
  readonly keepGroups?: number;
}

/** Padding inside a cell, the one the task table's widths are measured with. */
const PAD = CELL_PADDING;
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
  const minLines = spec.minLines ?? 3;
  const repeat = spec.repeat ?? [];
  const total = spec.widths.reduce((a, b) => a + b, 0);
  const xs = spec.widths.map((_, i) => w.left + spec.widths.slice(0, i).reduce((a, b) => a + b, 0));
  const wrap = (text: string, col: number, face: SharedFont = body) => wrapText(text, face, size, spec.widths[col]! - 2 * PAD);
  const heightOf = (lines: readonly (readonly string[] | undefined)[]) => Math.max(1, ...lines.map((l) => l?.length ?? 0)) * lh + 2 * PAD;
  const countOf = (lines: readonly (readonly string[] | undefined)[]) => Math.max(1, ...lines.map((l) => l?.length ?? 0));

  // A header label that does not fit on one line breaks between its words (牵头|单位), never inside one.
  const headerLines = spec.header.map((h, i) => {
    const lines = wrap(h, i, bold);
    return lines.length > 1 && !h.includes('\n') ? wrap(headerWords(h).join('\n'), i, bold) : lines;
  });
  const headerHeight = heightOf(headerLines);
  const capacity = w.bottom - w.top - headerHeight;
  const rowHeight = (m: Measured) => (m.banner ? heightOf([m.banner]) : heightOf(m.lines));

  let bodyTop = w.y; // where rows start on the current page, below its header
  const drawHeader = () => {
    w.doc.rect(w.left, w.y, total, headerHeight).fill(HEADER_FILL).fillColor('black');
    headerLines.forEach((lines, i) => drawCell(w, xs[i]!, w.y, spec.widths[i]!, headerHeight, lines, bold, size, lh, 'center', true, { header: true, column: i }));
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
  const firstRow = first?.measured[0];
  // What must stand under the header on the first page: a leading banner and the row after it, or a few lines.
  const bannerLead = firstRow?.banner ? rowHeight(firstRow) + (first.measured[1] ? Math.min(rowHeight(first.measured[1]), (minLines + 1) * lh) : 0) : 0;
  const leadNeed = firstRow ? Math.max(bannerLead, Math.min(rowHeight(firstRow), minLines * lh + 2 * PAD)) : 2 * lh;
  const heading = spec.heading;
  const headingHeight = heading ? w.blockHeight(heading.text, heading.role) + (heading.spaceAfter ?? 0) : 0;
  // Never leave a heading or header alone at a page foot.
  if (w.y + headingHeight + headerHeight + leadNeed > w.bottom && w.y > w.top) w.newPage();
  if (heading) w.block(heading.text, heading.role, { spaceAfter: heading.spaceAfter });
  drawHeader();
  let tableTop = true; // nothing but the header on this page yet

  // Height of the row after a given one (in reading order), so a banner can stay with at least its first row.
  const flat = measuredGroups.flatMap((g) => g.measured.map((m) => Math.min(rowHeight(m), capacity)));
  let flatIndex = 0;

  for (const { group, measured, extra, height: groupHeight } of measuredGroups) {
    const merge = group.merge;
    const keep = spec.keepGroups ?? 0;
    const avail = w.bottom - w.y;
    if (keep > 0 && !tableTop && groupHeight > avail && groupHeight <= capacity && avail < keep * capacity) newPage();

    let segmentTop = w.y;
    let label = merge?.text ?? '';
    const closeSegment = () => {
      if (!merge || w.y <= segmentTop) return;
      const col = merge.column;
      const height = w.y - segmentTop;
      // A short piece of a group at a page foot sets its category smaller, and if even that does not fit, shows
      // the category's number only.
      for (const scale of [1, 0.85, 0.7]) {
        const lines = wrapText(label, body, size * scale, spec.widths[col]! - 2 * PAD);
        if (lines.length * lh * scale + 2 * PAD <= height + 0.01 || (scale === 0.7 && !merge.short)) {
          drawCell(w, xs[col]!, segmentTop, spec.widths[col]!, height, lines, body, size * scale, lh * scale, 'center', true, { column: col });
          return;
        }
      }
      const short = wrap(label === merge.text ? merge.short! : merge.short + spec.continued, col);
      drawCell(w, xs[col]!, segmentTop, spec.widths[col]!, height, short, body, size, lh, 'center', true, { column: col });
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
      const next = flat[++flatIndex] ?? 0;
      if (m.banner) {
        const h = rowHeight(m);
        if (w.y + h + Math.min(next, minLines * lh + 2 * PAD) > w.bottom && w.y > bodyTop) continuePage(); // a banner never ends a page
        w.doc.rect(w.left, w.y, total, h).fill(BANNER_FILL).fillColor('black');
        drawCell(w, w.left, w.y, total, h, m.banner, bold, size, lh, 'left', false, { column: -1 });
        w.y += h;
        return;
      }
      let lines = m.lines;
      let stretch = index === measured.length - 1 ? extra : 0;
      const cells = cellColumns(row, merge?.column, spec.widths.length);
      for (;;) {
        const need = heightOf(lines) + stretch;
        const avail = w.bottom - w.y;
        if (need <= avail) {
          drawRow(w, xs, spec.widths, w.y, need, lines, cells, body, size, lh);
          w.y += need;
          break;
        }
        const count = countOf(lines);
        const fit = Math.floor((avail - 2 * PAD) / lh);
        // Split so that both parts have at least `minLines` lines: no page starts (or ends) with a bare fragment.
        // A row that cannot be split so moves whole to the next page; a page holding only the header always takes
        // what fits (the row is taller than a page).
        const head = Math.min(fit, count - minLines);
        if (head < minLines && w.y > bodyTop) {
          continuePage();
          continue;
        }
        const cut = Math.max(1, head >= minLines ? head : fit);
        if (cut >= count) {
          // Every line fits: only the stretch for a tall category did not. Draw the row to the page foot.
          drawRow(w, xs, spec.widths, w.y, avail, lines, cells, body, size, lh);
          w.y += avail;
          break;
        }
        stretch = 0;
        drawRow(w, xs, spec.widths, w.y, avail, lines.map((l) => l?.slice(0, cut)), cells, body, size, lh);
        w.y += avail;
        // The rest, with the repeated columns (序号, task) shown again, the last of them marked （续）.
        // A repeated cell that itself runs on continues where it stopped; a long one repeats its first line only.
        lines = lines.map((l, col) => {
          if (!l || !repeat.includes(col) || l.length > cut) return l?.slice(cut);
          const mark = col === repeat[repeat.length - 1] ? spec.continued : '';
          const again = wrap(`${cells[col]?.text ?? ''}${mark}`, col);
          return again.length <= 2 * minLines ? again : wrap(`${l[0]}…${mark}`, col);
        });
        // The last row of a group, run on to a new page, is the whole piece there: stretched to hold its category
        // (…（续）) whole, so no page starts with a category cut to its number.
        if (merge && index === measured.length - 1) stretch = Math.max(0, wrap(merge.text + spec.continued, merge.column).length * lh + 2 * PAD - heightOf(lines));
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
  lines: readonly (readonly string[] | undefined)[], cells: readonly (PdfCell | undefined)[],
  face: SharedFont, size: number, lh: number,
): void {
  lines.forEach((l, col) => {
    if (!l) return;
    drawCell(w, xs[col]!, top, widths[col]!, height, l, face, size, lh, cells[col]?.align ?? 'left', cells[col]?.align === 'center', { column: col });
  });
}

function drawCell(
  w: PdfWriter, x: number, top: number, width: number, height: number, lines: readonly string[],
  face: SharedFont, size: number, lh: number, align: 'left' | 'center', middle: boolean,
  what: { readonly column: number; readonly header?: boolean },
): void {
  if (w.recordCell) w.record({ ...what, top, height, width, lines });
  w.doc.lineWidth(0.5).rect(x, top, width, height).stroke();
  const textHeight = lines.length * lh;
  let y = middle ? top + Math.max(PAD, (height - textHeight) / 2) : top + PAD;
  for (const line of lines) {
    w.drawLine(line, x + PAD, y, face, size, lh, { align, width: width - 2 * PAD });
    y += lh;
  }
}
