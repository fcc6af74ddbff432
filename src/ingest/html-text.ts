// A parsed HTML tree → text with one paragraph per line. Shared by the HTML and .docx readers.
// Tables become one line per row with TAB-separated cells, a blank line before and after.
// Every pass over the tree is linear: facts about a subtree (its text, how much of it is Chinese, whether it holds a
// table) are computed once, bottom-up (DomStats), never by re-reading the subtree from each of its ancestors.
import { MAX_SPAN_CELLS } from './limits.js';

/** The few fields of a domhandler node (what cheerio parses into) that the walker reads. */
export interface DomNode {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Readonly<Record<string, string>>;
  readonly children?: readonly DomNode[];
  readonly parent?: DomNode | null;
}

const BLOCK = new Set(
  'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(' '),
);
/** Never text: skipped with everything inside. */
const SKIP = new Set(
  'head title script style noscript template iframe frame frameset object embed applet svg math canvas map audio video source track link meta base select option optgroup datalist textarea button input'.split(' '),
);

export const isElement = (node: DomNode): boolean => node.type === 'tag' || node.type === 'script' || node.type === 'style';
export const tagName = (node: DomNode): string => (isElement(node) ? (node.name ?? '').toLowerCase() : '');
export const childElements = (node: DomNode): DomNode[] => (node.children ?? []).filter(isElement);

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
export const cjkCount = (text: string): number => text.match(CJK)?.length ?? 0;
/** Elements that start a paragraph of their own: what a node's "own text" stops at. */
const OWN_TEXT_STOP = /^(?:p|div|td|tr|table|li|ul|ol|section|article|h[1-6]|br)$/;

export interface NodeStats {
  /** the node's text content (as cheerio's .text(): text and CDATA, no comments), built as a rope: cheap to keep */
  readonly text: string;
  /** Chinese characters in `text` */
  readonly cjk: number;
  /** Chinese characters of the node's own text: its text children and inline elements, not the blocks it holds */
  readonly ownCjk: number;
  /** a table somewhere below the node (not the node itself) */
  readonly hasTable: boolean;
}

/** Facts about every node below a root, computed in one post-order walk (no recursion: any depth is safe). */
export class DomStats {
  private readonly stats = new Map<DomNode, NodeStats>();

  constructor(root: DomNode) {
    const stack: Array<{ node: DomNode; next: number }> = [{ node: root, next: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const children = top.node.children ?? [];
      if (top.next < children.length) {
        stack.push({ node: children[top.next++], next: 0 });
        continue;
      }
      stack.pop();
      this.stats.set(top.node, this.compute(top.node));
    }
  }

  private compute(node: DomNode): NodeStats {
    if (node.type === 'text') {
      const data = node.data ?? '';
      const cjk = cjkCount(data);
      return { text: data, cjk, ownCjk: cjk, hasTable: false };
    }
    if (node.type === 'comment' || node.type === 'directive') return { text: '', cjk: 0, ownCjk: 0, hasTable: false };
    let text = '';
    let cjk = 0;
    let ownCjk = 0;
    let hasTable = false;
    for (const child of node.children ?? []) {
      const s = this.stats.get(child)!;
      text += s.text;
      cjk += s.cjk;
      if (child.type === 'text') ownCjk += s.cjk;
      else if (isElement(child) && !OWN_TEXT_STOP.test(tagName(child))) ownCjk += s.ownCjk;
      hasTable ||= s.hasTable || tagName(child) === 'table';
    }
    return { text, cjk, ownCjk, hasTable };
  }

  get(node: DomNode): NodeStats {
    return this.stats.get(node) ?? { text: '', cjk: 0, ownCjk: 0, hasTable: false };
  }
}

/** East Asian wide characters (CJK, kana, full-width forms and punctuation). */
const WIDE = '[\\u2e80-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef]|[\\ud840-\\ud87f][\\udc00-\\udfff]';
const WIDE_BEFORE = new RegExp(`(?:${WIDE})$`);
const WIDE_AFTER = new RegExp(`^(?:${WIDE})`);

/**
 * Collapse HTML white space in one line: runs of ASCII white space become one space, except that a run holding
 * a line break between two wide characters disappears (CSS Text 3 segment-break rule), so source wrapping
 * inside Chinese text leaves no gap. NBSP and U+3000 are kept as written.
 */
export function collapseWhitespace(raw: string): string {
  const out = raw.replace(/[ \t\n\r\f]+/g, (run: string, offset: number, all: string) => {
    const before = all.slice(Math.max(0, offset - 2), offset);
    const after = all.slice(offset + run.length, offset + run.length + 2);
    if (/[\n\r]/.test(run) && WIDE_BEFORE.test(before) && WIDE_AFTER.test(after)) return '';
    return ' ';
  });
  return out.replace(/^ +| +$/g, '');
}

class LineWriter {
  readonly lines: string[] = [];
  private current = '';

  append(text: string): void {
    this.current += text;
  }
  /** End the current line if it holds anything. */
  boundary(): void {
    const line = collapseWhitespace(this.current);
    this.current = '';
    if (line !== '') this.lines.push(line);
  }
  /** A hard line break (<br>): ends the line even if it is empty. */
  lineBreak(): void {
    const line = collapseWhitespace(this.current);
    this.current = '';
    this.lines.push(line);
  }
  line(text: string): void {
    this.boundary();
    this.lines.push(text);
  }
  blank(): void {
    this.boundary();
    this.lines.push('');
  }
}

export interface TextOptions {
  /** Elements to leave out (site chrome), checked for every element. (default: none) */
  readonly drop?: (node: DomNode) => boolean;
  /** Facts about the tree, when the caller has computed them already (default: computed here). */
  readonly stats?: DomStats;
  /** Told about things read other than as written: spans capped (default: ignored). */
  readonly warn?: (message: string) => void;
}

/** One walk's state: the options, the tree's facts and the span cells still allowed. */
interface Walk extends TextOptions {
  readonly stats: DomStats;
  spanBudget: number;
  capped: boolean;
}

/** Render `root` and its descendants as text lines. White-space-only lines are blank; runs of blank lines become one; leading and trailing blanks go. */
export function domToLines(root: DomNode, options: TextOptions = {}): string[] {
  const writer = new LineWriter();
  const state: Walk = { ...options, stats: options.stats ?? new DomStats(root), spanBudget: MAX_SPAN_CELLS, capped: false };
  walk(root, writer, state, false);
  writer.boundary();
  const out: string[] = [];
  for (const raw of writer.lines) {
    // Spacer paragraphs (<p>&nbsp;</p>) are blank lines; NBSP inside text stays as written.
    const line = raw.trim() === '' ? '' : raw;
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

function walk(node: DomNode, w: LineWriter, options: Walk, pre: boolean): void {
  if (node.type === 'text') {
    const data = node.data ?? '';
    if (!pre) return w.append(data);
    data.split(/\r\n|\r|\n/).forEach((part, i) => {
      if (i > 0) w.lineBreak();
      w.append(part);
    });
    return;
  }
  if (node.type === 'cdata' || node.type === 'root') return walkChildren(node, w, options, pre);
  if (!isElement(node)) return; // comments, directives
  const name = tagName(node);
  if (SKIP.has(name) || options.drop?.(node)) return;
  if (name === 'br') return w.lineBreak();
  if (name === 'table') return renderTable(node, w, options);
  const block = BLOCK.has(name);
  if (block) w.boundary();
  walkChildren(node, w, options, pre || name === 'pre');
  if (block) w.boundary();
}

function walkChildren(node: DomNode, w: LineWriter, options: Walk, pre: boolean): void {
  for (const child of node.children ?? []) walk(child, w, options, pre);
}

/** The rows of this table, not of tables nested in its cells. */
function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of childElements(table)) {
    const name = tagName(child);
    if (name === 'tr') rows.push(child);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') for (const r of childElements(child)) if (tagName(r) === 'tr') rows.push(r);
  }
  return rows;
}

const rowCells = (row: DomNode): DomNode[] => childElements(row).filter((c) => tagName(c) === 'td' || tagName(c) === 'th');

/** Portal pages lay out whole pages with tables: one column, a nested table or a huge cell means layout, not data. */
function isLayoutTable(table: DomNode, rows: readonly DomNode[], stats: DomStats): boolean {
  if ((table.attribs?.role ?? '').toLowerCase() === 'presentation') return true;
  if (rows.every((row) => rowCells(row).length <= 1)) return true;
  return rows.some((row) => rowCells(row).some((cell) => stats.get(cell).hasTable || stats.get(cell).text.length > 1500));
}

function span(cell: DomNode, attribute: string, max: number): number {
  const value = Number.parseInt(cell.attribs?.[attribute] ?? '', 10);
  if (attribute === 'rowspan' && value === 0) return max; // rowspan="0": to the end of the table
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

function renderTable(table: DomNode, w: LineWriter, options: Walk): void {
  const rows = tableRows(table);
  if (isLayoutTable(table, rows, options.stats)) {
    w.boundary();
    walkChildren(table, w, options, false);
    w.boundary();
    return;
  }
  const grid: string[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of rowCells(row)) {
      while (grid[r][c] !== undefined) c++;
      let colspan = span(cell, 'colspan', 100);
      let rowspan = span(cell, 'rowspan', rows.length - r);
      // Spans are capped per cell (100 columns, the table's rows) and in total: rows of rowspan="0" colspan="100"
      // would otherwise fill a grid quadratic in the rows. Past the budget, a cell covers itself only.
      if (rowspan * colspan > 1) {
        if (rowspan * colspan - 1 > options.spanBudget) {
          if (!options.capped) options.warn?.(`table cell spans cover more than ${MAX_SPAN_CELLS.toLocaleString('en-US')} cells; later spans are read as one cell (rowspan/colspan ignored)`);
          options.capped = true;
          options.spanBudget = 0;
          rowspan = colspan = 1;
        } else options.spanBudget -= rowspan * colspan - 1;
      }
      const text = cellText(cell, options);
      for (let dr = 0; dr < rowspan; dr++) {
        for (let dc = 0; dc < colspan; dc++) {
          if (dr === 0 && dc === 0) grid[r][c] = text;
          // A cell merged down a column holds for every row it spans (a 牵头单位 shared by three tasks): the rows
          // below repeat its text; merged across, the cells right of it stay empty.
          else if (grid[r + dr][c + dc] === undefined) grid[r + dr][c + dc] = dc === 0 ? text : '';
        }
      }
      c += colspan;
    }
  });
  // Rows are padded to the table's width, which is paid from the same budget: one row of 100,000 cells over
  // 100,000 short rows would otherwise write 10^10 TABs. Past it, each row keeps its own cells.
  let width = 0;
  let padding = 0;
  for (const row of grid) width = Math.max(width, row.length);
  for (const row of grid) padding += width - row.length;
  if (padding > options.spanBudget) {
    if (!options.capped) options.warn?.(`a table's rows are too uneven to pad to its ${width.toLocaleString('en-US')} columns; rows are written with their own cells`);
    options.capped = true;
    width = 0;
  } else options.spanBudget -= padding;
  w.blank();
  const caption = childElements(table).find((child) => tagName(child) === 'caption');
  if (caption) w.line(cellText(caption, options));
  for (const row of grid) {
    const cells = Array.from({ length: Math.max(width, row.length) }, (_, i) => row[i] ?? '');
    if (cells.some((cell) => cell !== '')) w.line(cells.join('\t'));
  }
  w.blank();
}

/** A cell's text on one line: its paragraphs joined by a space, TABs turned into spaces. */
function cellText(cell: DomNode, options: Walk): string {
  const writer = new LineWriter();
  walkChildren(cell, writer, options, false);
  writer.boundary();
  return writer.lines
    .filter((line) => line !== '')
    .join(' ')
    .replace(/\t/g, ' ');
}
