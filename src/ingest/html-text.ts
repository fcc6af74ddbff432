// A parsed HTML tree → text with one paragraph per line. Shared by the HTML and .docx readers.
// Tables become one line per row with TAB-separated cells, a blank line before and after.

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
}

/** Render `root` and its descendants as text lines. White-space-only lines are blank; runs of blank lines become one; leading and trailing blanks go. */
export function domToLines(root: DomNode, options: TextOptions = {}): string[] {
  const writer = new LineWriter();
  walk(root, writer, options, false);
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

function walk(node: DomNode, w: LineWriter, options: TextOptions, pre: boolean): void {
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

function walkChildren(node: DomNode, w: LineWriter, options: TextOptions, pre: boolean): void {
  for (const child of node.children ?? []) walk(child, w, options, pre);
}

/** The rows of this table, not of tables nested in its cells. */
function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const child of childElements(table)) {
    const name = tagName(child);
    if (name === 'tr') rows.push(child);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') rows.push(...childElements(child).filter((r) => tagName(r) === 'tr'));
  }
  return rows;
}

const rowCells = (row: DomNode): DomNode[] => childElements(row).filter((c) => tagName(c) === 'td' || tagName(c) === 'th');

function contains(node: DomNode, predicate: (n: DomNode) => boolean): boolean {
  return (node.children ?? []).some((child) => predicate(child) || contains(child, predicate));
}

/** Portal pages lay out whole pages with tables: one column, a nested table or a huge cell means layout, not data. */
function isLayoutTable(table: DomNode, rows: readonly DomNode[]): boolean {
  if ((table.attribs?.role ?? '').toLowerCase() === 'presentation') return true;
  const cells = rows.flatMap(rowCells);
  if (rows.every((row) => rowCells(row).length <= 1)) return true;
  return cells.some((cell) => contains(cell, (n) => tagName(n) === 'table') || textLength(cell) > 1500);
}

function textLength(node: DomNode): number {
  if (node.type === 'text') return (node.data ?? '').length;
  return (node.children ?? []).reduce((sum, child) => sum + textLength(child), 0);
}

function span(cell: DomNode, attribute: string, max: number): number {
  const value = Number.parseInt(cell.attribs?.[attribute] ?? '', 10);
  if (attribute === 'rowspan' && value === 0) return max; // rowspan="0": to the end of the table
  return Number.isFinite(value) && value >= 1 ? Math.min(value, max) : 1;
}

function renderTable(table: DomNode, w: LineWriter, options: TextOptions): void {
  const rows = tableRows(table);
  if (isLayoutTable(table, rows)) {
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
      const colspan = span(cell, 'colspan', 100);
      const rowspan = span(cell, 'rowspan', rows.length - r);
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
  const width = Math.max(0, ...grid.map((row) => row.length));
  w.blank();
  const caption = childElements(table).find((child) => tagName(child) === 'caption');
  if (caption) w.line(cellText(caption, options));
  for (const row of grid) {
    const cells = Array.from({ length: width }, (_, i) => row[i] ?? '');
    if (cells.some((cell) => cell !== '')) w.line(cells.join('\t'));
  }
  w.blank();
}

/** A cell's text on one line: its paragraphs joined by a space, TABs turned into spaces. */
function cellText(cell: DomNode, options: TextOptions): string {
  const writer = new LineWriter();
  walkChildren(cell, writer, options, false);
  writer.boundary();
  return writer.lines
    .filter((line) => line !== '')
    .join(' ')
    .replace(/\t/g, ' ');
}
