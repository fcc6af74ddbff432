// Pages (of a PDF or an OFD) → one text. Lines and tables are taken top to bottom; a line the layout wrapped joins
// its paragraph, also across a page break; a table continued on the next page goes on without a blank line, its
// repeated header row kept once. Each page's stretch of the text is its place; each line's and table row's stretch
// keeps its box on the page (measured from the top-left corner, as a reader points at it).
import type { BoxPlace, Place } from '../types.js';
import { findFurniture } from './furniture.js';
import { continues, joinWrapped, resolveGaps, textColumn, type Line } from './layout.js';
import type { Table } from './tables.js';

export interface LaidOutPage {
  readonly number: number;
  readonly height: number;
  readonly lines: readonly Line[];
  readonly tables: readonly Table[];
  /** lines read by OCR: one paragraph each, not used for the text column (optional) */
  readonly ocr?: boolean;
}

type Box = BoxPlace['box'];
const round = (v: number): number => Math.round(v * 10) / 10;
/** A line's box: from the top of its glyphs (its size above the baseline) to a fifth of its size below. */
const lineBox = (line: Line, height: number): Box => [round(line.x0), round(height - line.y - line.size), round(line.x1), round(height - line.y + 0.2 * line.size)];

/** Pages → one text: furniture dropped, paragraphs joined across lines and pages, tables as rows; a place per page, a box per line. */
export function layoutPages(pages: readonly LaidOutPage[]): { text: string; places: Place[]; boxes: BoxPlace[] } {
  const furniture = findFurniture(pages);
  const body = pages.map((p, i) => p.lines.filter((_, k) => !furniture[i].has(k)));
  const column = textColumn(body.filter((_, i) => !pages[i].ocr).flat(), pages.flatMap((p) => p.tables));
  type Block = { kind: 'line'; line: Line } | { kind: 'table'; table: Table };
  let text = '';
  let paragraph = '';
  const places: Place[] = [];
  const boxes: BoxPlace[] = [];
  /** Record a box for text[start, end) unless it is empty or (OCR) has no geometry. */
  const boxed = (start: number, end: number, page: LaidOutPage, box: Box) => {
    if (end > start && !page.ocr) boxes.push({ start, end, page: page.number, box });
  };
  let last: { block: Block; page: number } | null = null;
  const flush = () => {
    text += paragraph;
    paragraph = '';
  };
  for (let i = 0; i < pages.length; i++) {
    const blocks: Block[] = [...body[i].map((line) => ({ kind: 'line' as const, line })), ...pages[i].tables.map((table) => ({ kind: 'table' as const, table }))];
    const top = (b: Block) => (b.kind === 'line' ? b.line.y + b.line.size : b.table.top);
    blocks.sort((a, b) => top(b) - top(a));
    const pageStart = text.length + paragraph.length;
    for (const block of blocks) {
      if (block.kind === 'line') {
        const line = resolveGaps(block.line.text);
        let from: number;
        if (!pages[i].ocr && !pages[last?.page ?? i].ocr && last?.block.kind === 'line' && continues(last.block.line, block.line, column, last.page === i)) {
          from = text.length + paragraph.length;
          paragraph = joinWrapped(paragraph, line);
        } else {
          flush();
          if (text !== '') text += '\n';
          from = text.length;
          paragraph = line;
        }
        boxed(from, text.length + paragraph.length, pages[i], lineBox(block.line, pages[i].height));
      } else {
        flush();
        const previous = last?.block.kind === 'table' ? last.block.table : null;
        const continued = previous !== null && last!.page === i - 1 && previous.rows[0]?.length === block.table.rows[0]?.length;
        let rows = block.table.rows;
        // A header row repeated at the top of the next page is the layout's: keep it once.
        if (continued && rows[0]?.join('\t') === previous.rows[0]?.join('\t')) rows = rows.slice(1);
        const skipped = block.table.rows.length - rows.length;
        const kept = rows.flatMap((r, k) => (r.some((c) => c !== '') ? [{ line: r.join('\t'), k: k + skipped }] : []));
        const before = text === '' ? '' : text.endsWith('\n') ? (continued ? '' : '\n') : continued ? '\n' : '\n\n';
        if (kept.length > 0) text += before;
        const { left, right, rowEdges } = block.table;
        const h = pages[i].height;
        for (const { line, k } of kept) {
          const from = text.length;
          text += line + '\n';
          // A row's band between its rulings (a merged cell may reach further down: the row is where it starts).
          boxed(from, from + line.length, pages[i], [round(left), round(h - rowEdges[k]), round(right), round(h - rowEdges[k + 1])]);
        }
      }
      last = { block, page: i };
    }
    flush();
    const start = Math.max(pageStart, places.at(-1)?.end ?? 0);
    if (text.length > start) places.push({ start, end: text.length, page: pages[i].number });
  }
  if (text !== '' && !text.endsWith('\n')) text += '\n';
  return { text, places, boxes };
}

