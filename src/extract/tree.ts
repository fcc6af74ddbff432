// Small walkers over the notice tree, so extractors read lines and items without knowing the tree's layout.
import type { DocumentNode, ItemNode, ParagraphNode } from '../parse/types.js';

export interface TextLine {
  readonly start: number;
  readonly end: number;
}

/** The item's own lines: its marker line (from the value) and its paragraph children, not its sub-items. */
export function ownLines(item: ItemNode): TextLine[] {
  const lines: TextLine[] = [{ start: item.valueStart, end: item.valueStart + item.value.length }];
  for (const c of item.children) if (c.type === 'paragraph' && !c.chrome) lines.push(span(c));
  return lines;
}

/** Every line of an item and its descendants, in order (a loop, not recursion: a document may nest deeply). */
export function allLines(node: ItemNode | DocumentNode): TextLine[] {
  const lines: TextLine[] = [];
  const stack: Array<ItemNode | DocumentNode | TextLine> = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (!('type' in n)) {
      lines.push(n);
      continue;
    }
    if (n.type === 'item') lines.push({ start: n.valueStart, end: n.valueStart + n.value.length });
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (c.type === 'item') stack.push(c);
      else if (!c.chrome) stack.push(span(c));
    }
  }
  return lines;
}

export function span(p: ParagraphNode): TextLine {
  return { start: p.position.start.offset!, end: p.position.end.offset! };
}

/** Items below `node`, depth first, with their ancestor chain (nearest last). */
export function* items(node: ItemNode | DocumentNode, ancestors: ItemNode[] = []): Generator<{ item: ItemNode; ancestors: ItemNode[] }> {
  for (const c of node.children) {
    if (c.type !== 'item') continue;
    yield { item: c, ancestors };
    yield* items(c, [...ancestors, c]);
  }
}

/** The heading sentence of an item: its text up to the first 。 (or the whole short line). */
export function headingOf(value: string): string {
  const stop = value.search(/[。;；!！?？]/);
  const head = stop >= 0 ? value.slice(0, stop) : value;
  return head.replace(/\([^()]*\)$/, '').trim();
}

export function topItems(doc: DocumentNode): ItemNode[] {
  return doc.children.filter((c): c is ItemNode => c.type === 'item');
}

export function paragraphsBefore(doc: DocumentNode): ParagraphNode[] {
  const out: ParagraphNode[] = [];
  for (const c of doc.children) {
    if (c.type === 'item') break;
    if (!c.chrome) out.push(c);
  }
  return out;
}

/** Paragraphs standing at document level after the first item: signature, date, 此件公开发布. */
export function paragraphsAfter(doc: DocumentNode): ParagraphNode[] {
  const first = doc.children.findIndex((c) => c.type === 'item');
  if (first < 0) return [];
  return doc.children.slice(first).filter((c): c is ParagraphNode => c.type === 'paragraph' && !c.chrome);
}
