// Label lines written above a task instead of below it:
//
//     （二）管理养护行动
//
//     牵头单位：县交通运输局　配合单位：县公安局交警大队
//     6.全面落实农村公路“路长制”。……
//
// The parser hangs such lines on whatever item is open (the heading, or the task before); they belong to the task
// they stand on. A run of label lines goes to the following item when a blank line stands before the run and none
// between it and the item: labels written after a task follow its text without a blank line.
import type { DocumentNode, ItemNode, ParagraphNode } from '../parse/types.js';
import type { ExtractContext } from './context.js';
import { openingLabel } from './forms/label-line.js';

interface Entry {
  readonly node: ItemNode | ParagraphNode;
  readonly parent: DocumentNode | ItemNode;
}

/** The document's nodes in reading order: an item where its marker line stands, then what it holds. */
function reading(doc: DocumentNode): Entry[] {
  const out: Entry[] = [];
  const stack: Array<{ parent: DocumentNode | ItemNode; at: number }> = [{ parent: doc, at: 0 }];
  while (stack.length) {
    const top = stack[stack.length - 1];
    if (top.at >= top.parent.children.length) {
      stack.pop();
      continue;
    }
    const node = top.parent.children[top.at++];
    out.push({ node, parent: top.parent });
    if (node.type === 'item') stack.push({ parent: node, at: 0 });
  }
  return out;
}

const firstLine = (n: ItemNode | ParagraphNode): number => n.position.start.line;
const lastLine = (n: ItemNode | ParagraphNode): number => (n.type === 'item' ? n.position.start.line : n.position.end.line);

/** An item that gave lines away ends where what it still holds ends. */
function closeAt(ctx: ExtractContext, item: ItemNode): void {
  const last = item.children.at(-1);
  const end = last ? last.position.end.offset! : item.valueStart + item.value.length;
  item.position = { start: item.position.start, end: ctx.index.point(end) };
}

/** Move label lines that stand above a task into it (as its first children). Mutates the tree; say so at the call. */
export function attachLeadingLabels(ctx: ExtractContext, doc: DocumentNode): void {
  const entries = reading(doc);
  const isLabel = (n: ItemNode | ParagraphNode): n is ParagraphNode => {
    if (n.type !== 'paragraph' || n.cells || n.chrome || n.heading) return false;
    const label = openingLabel(ctx.parse(n.position.start.offset!, n.position.end.offset!), ctx.lex);
    return label !== null && ctx.lex.labelKind(label).kind !== 'field';
  };
  // From the last item up, so that a task's own run is taken before the item above it is judged.
  for (let k = entries.length - 1; k > 0; k--) {
    const item = entries[k].node;
    if (item.type !== 'item') continue;
    let j = k;
    while (j > 0 && isLabel(entries[j - 1].node) && lastLine(entries[j - 1].node) === firstLine(entries[j].node) - 1) j--;
    if (j === k) continue;
    const before = entries[j - 1]?.node;
    if (before && lastLine(before) >= firstLine(entries[j].node) - 1) continue;
    // An item that already has its own label lines keeps them; the run above is the previous task's.
    if (item.children.some((c) => c.type === 'paragraph' && isLabel(c))) continue;
    const moved = entries.slice(j, k).map((e) => e.node as ParagraphNode);
    for (const e of entries.slice(j, k)) {
      e.parent.children.splice(e.parent.children.indexOf(e.node), 1);
      if (e.parent.type === 'item') closeAt(ctx, e.parent);
    }
    item.children.unshift(...moved);
    item.position = { start: moved[0].position.start, end: item.position.end };
  }
}
