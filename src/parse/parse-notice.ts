// parse: the parse view of a notice → a positioned tree of documents (notice, 附件N), numbered items and paragraphs.
// The grammar is line-based because that is how official documents are laid out: one paragraph per line,
// every numbered item opening its own line.
import type { Position } from 'unist';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { LineIndex } from '../text/position.js';
import { chineseNumber, readMarker } from './numbering.js';
import type { CellNode, DocumentNode, ItemNode, NumberStyle, ParagraphNode, RootNode } from './types.js';

const ANNEX_MARKER = /^附\s*件\s*(\d{1,6}|[一二三四五六七八九十百千零〇两]{1,8})?\s*:?\s*$/;
const TRIM = /^[ \r]+|[ \r]+$/g;
// The names of a plan's parts, standing unnumbered on their own line: 工作目标, 重点任务, 保障措施, 组织实施 …
const SECTION_HEADING = /^[\u4e00-\u9fa5]{0,6}(?:目标|任务|措施|保障|要求|实施|机制|原则|思路|步骤|安排|分工|背景|依据|范围|内容|重点)$/;
const SIGNATURE_DATE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/;
// Web-page debris that survives copy-paste from a portal: kept in the tree (so nothing is lost) but flagged.
const CHROME = /^(?:您当前的位置|当前位置|\[?打印本页\]?|\[?关闭窗口\]?|分享到|【打印本页】|【关闭窗口】)/;

interface Line {
  readonly text: string;
  readonly start: number;
}

function* lines(text: string): Generator<Line> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.replace(/^[ \r]+/, '').length;
    const trimmed = raw.replace(TRIM, '');
    if (trimmed) yield { text: trimmed, start: start + lead };
    start = end + 1;
  }
}

/** A document (附件) that starts at an offset without a 附件N line of its own: an annex read from a file of its own. */
export interface DocumentStart {
  readonly offset: number;
  readonly annex: number;
}

export interface ParseOptions {
  /** Forced document starts, sorted by offset (optional; from a notice read from several files). */
  readonly documentStarts?: readonly DocumentStart[];
}

export function parseNotice(text: string, options: ParseOptions = {}): RootNode {
  const index = new LineIndex(text);
  const pos = (start: number, end: number): Position => ({ start: index.point(start), end: index.point(end) });

  const documents: DocumentNode[] = [];
  let doc = newDocument(0, null, 0);
  documents.push(doc);
  let stack: ItemNode[] = [];
  // The last 1. 2. 3. item seen, whatever opened since: 12.5G网络… after 11. is item 12.
  let lastArabic = 0;

  function newDocument(annex: number, marker: ParagraphNode | null, start: number): DocumentNode {
    return { type: 'document', annex, marker, children: [], position: pos(start, start) };
  }

  const starts = [...(options.documentStarts ?? [])];
  for (const line of lines(text)) {
    const end = line.start + line.text.length;
    const annex = ANNEX_MARKER.exec(line.text);
    // A file of its own opens a document here, unless its first line is a 附件N line (which opens it below).
    let forced: DocumentStart | undefined;
    while (starts.length > 0 && starts[0].offset <= line.start) forced = starts.shift();
    if (forced && !annex) {
      doc = newDocument(forced.annex, null, line.start);
      documents.push(doc);
      stack = [];
    }
    if (annex) {
      const n = annex[1] ? (/^\d+$/.test(annex[1]) ? Number(annex[1]) : chineseNumber(annex[1])) : documents.length;
      const marker: ParagraphNode = { type: 'paragraph', value: line.text, position: pos(line.start, end) };
      doc = newDocument(n, marker, line.start);
      documents.push(doc);
      stack = [];
      continue;
    }
    if (CHROME.test(line.text)) {
      doc.children.push({ type: 'paragraph', value: line.text, chrome: true, position: pos(line.start, end) });
      continue;
    }
    if (SIGNATURE_DATE.test(line.text.replace(/\s+/g, ''))) {
      // The signing date closes the body: it, the issuer line above it and what follows belong to the document.
      const owner = stack.at(-1);
      const prev = owner?.children.at(-1);
      if (owner && prev?.type === 'paragraph' && prev.value.length <= 30 && !/[。,;:]/.test(prev.value)) {
        owner.children.pop();
        doc.children.push(prev);
      }
      doc.children.push({ type: 'paragraph', value: line.text, position: pos(line.start, end) });
      stack = [];
      continue;
    }
    if (SECTION_HEADING.test(line.text)) {
      // 重点任务 / 保障措施 on a line of its own, unnumbered: it closes the items above it, like a numbered heading.
      doc.children.push({ type: 'paragraph', value: line.text, heading: true, position: pos(line.start, end) });
      stack = [];
      continue;
    }
    const row = tableRow(line.text);
    // 1000. and up open an item only where they continue the open numbering of their style (999. before them).
    const continues = (m: { style: NumberStyle; ordinal: number }) => stack.some((open) => open.style === m.style && open.ordinal === m.ordinal - 1);
    const marker = row ? null : (readMarker(line.text, continues) ?? readRunOnMarker(line.text, lastArabic));
    if (!marker) {
      const paragraph: ParagraphNode = { type: 'paragraph', value: line.text, position: pos(line.start, end) };
      if (row === 'rule') {
        paragraph.chrome = true;
        paragraph.cells = [];
      }
      else if (row) paragraph.cells = cells(line, row, pos);
      (stack.at(-1) ?? doc).children.push(paragraph);
      continue;
    }
    const valueStart = line.start + marker.length;
    const item: ItemNode = {
      type: 'item',
      style: marker.style,
      number: marker.number,
      ordinal: marker.ordinal,
      value: text.slice(valueStart, end).replace(TRIM, ''),
      valueStart: valueStart + (text.slice(valueStart, end).length - text.slice(valueStart, end).replace(/^[ \r]+/, '').length),
      children: [],
      position: pos(line.start, end),
    };
    if (item.style === 'arabic') lastArabic = item.ordinal;
    // A style already open is a sibling (close everything below it); a new style nests under the open item.
    const level = stack.findIndex((open) => open.style === item.style);
    if (level >= 0) stack = stack.slice(0, level);
    (stack.at(-1) ?? doc).children.push(item);
    stack.push(item);
  }

  for (const d of documents) closePositions(d, pos);
  const root: RootNode = { type: 'root', children: documents.filter((d) => d.annex > 0 || d.children.length > 0), position: pos(0, text.length) };
  return root;
}

/**
 * Is this line a table row? TAB-separated (how ingest writes HTML and Word tables), or `|`-separated as copied from
 * a web page (`| 1 | 任务 | 单位 |` or `1|任务|单位`); a `|---|---|` line is the table's rule, not content.
 */
function tableRow(text: string): '\t' | '|' | 'rule' | null {
  if (text.includes('\t')) return '\t';
  if (!text.includes('|')) return null;
  if (/^\|?(?:\s*:?-{2,}:?\s*\|)+\s*(?::?-{2,}:?\s*)?$/.test(text)) return 'rule';
  const inner = text.replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').length >= 3 ? '|' : null;
}

/**
 * 12.5G网络覆盖工程, 5.5G+工业互联网: a title that starts with a digit after `N.` still opens item N when the item
 * before it at that level is N-1 (readMarker alone must refuse 1.2亿元).
 */
function readRunOnMarker(text: string, lastArabic: number): ReturnType<typeof readMarker> {
  const m = /^(\d{1,4})\.(?=\d)/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  if (lastArabic !== n - 1) return null;
  return { style: 'arabic', number: String(n), ordinal: n, length: m[0].length };
}

function cells(line: Line, sep: '\t' | '|', pos: (s: number, e: number) => Position): CellNode[] {
  const out: CellNode[] = [];
  let offset = line.start;
  let text = line.text;
  if (sep === '|') {
    // Outer pipes open and close the row; they are not empty cells.
    if (text.startsWith('|')) {
      text = text.slice(1);
      offset++;
    }
    if (text.endsWith('|')) text = text.slice(0, -1);
  }
  for (const part of text.split(sep)) {
    const lead = part.length - part.replace(/^ +/, '').length;
    const value = part.trim();
    out.push({ type: 'cell', value, position: pos(offset + lead, offset + lead + value.length) });
    offset += part.length + 1;
  }
  return out;
}

/** Stretch each item's and document's end to its last descendant. */
function closePositions(node: DocumentNode | ItemNode, pos: (s: number, e: number) => Position): void {
  for (const child of node.children) if (child.type === 'item') closePositions(child, pos);
  const last = node.children.at(-1);
  const start = node.type === 'document' ? (node.marker?.position.start.offset ?? node.children[0]?.position.start.offset ?? 0) : node.position.start.offset!;
  const end = Math.max(last?.position.end.offset ?? 0, node.position.end.offset ?? 0, node.type === 'document' ? (node.marker?.position.end.offset ?? 0) : 0);
  node.position = pos(start, end);
}

/** unified parser plugin: `unified().use(noticeParser).parse(file)` gives the RootNode. */
export const noticeParser: Plugin<[ParseOptions?], string, RootNode> = function (options = {}) {
  this.parser = (doc: string, _file: VFile) => parseNotice(doc, options);
};

export type { NumberStyle };
