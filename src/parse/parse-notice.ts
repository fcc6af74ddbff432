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

export function parseNotice(text: string): RootNode {
  const index = new LineIndex(text);
  const pos = (start: number, end: number): Position => ({ start: index.point(start), end: index.point(end) });

  const documents: DocumentNode[] = [];
  let doc = newDocument(0, null, 0);
  documents.push(doc);
  let stack: ItemNode[] = [];

  function newDocument(annex: number, marker: ParagraphNode | null, start: number): DocumentNode {
    return { type: 'document', annex, marker, children: [], position: pos(start, start) };
  }

  for (const line of lines(text)) {
    const end = line.start + line.text.length;
    const annex = ANNEX_MARKER.exec(line.text);
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
    // 1000. and up open an item only where they continue the open numbering of their style (999. before them).
    const continues = (m: { style: NumberStyle; ordinal: number }) => stack.some((open) => open.style === m.style && open.ordinal === m.ordinal - 1);
    const marker = line.text.includes('\t') ? null : readMarker(line.text, continues);
    if (!marker) {
      const paragraph: ParagraphNode = { type: 'paragraph', value: line.text, position: pos(line.start, end) };
      if (line.text.includes('\t')) paragraph.cells = cells(line, pos);
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

function cells(line: Line, pos: (s: number, e: number) => Position): CellNode[] {
  const out: CellNode[] = [];
  let offset = line.start;
  for (const part of line.text.split('\t')) {
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
export const noticeParser: Plugin<[], string, RootNode> = function () {
  this.parser = (doc: string, _file: VFile) => parseNotice(doc);
};

export type { NumberStyle };
