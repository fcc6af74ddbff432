// Source text → numbered lines with nested highlight elements, split at every span boundary.
// Spans that cross a line end or another span are cut into fragments; each fragment repeats the
// highlight's properties (so data-k joins them back), and only the first fragment gets the id.
import { lineStartOffsets } from '../text/position.js';
import { h, type HastChild, type HastElement, type Properties } from './hast.js';

export interface Highlight {
  /** offsets into the source text, 0-based, end exclusive */
  readonly start: number;
  readonly end: number;
  /** order of nesting for equal ranges: lower is outer (default: 0) */
  readonly rank?: number;
  /** element name (default: 'span') */
  readonly tagName?: string;
  /** properties for every fragment; `id` goes on the first fragment only */
  readonly properties: Properties;
}

export interface HighlightOptions {
  /** prefix for line ids: `${prefix}L12` (default: '') */
  readonly idPrefix?: string;
}

interface Open {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly rank: number;
  readonly line: boolean;
}

/** Outer before inner: lines first, then earlier start, longer span, lower rank, input order. */
function outerFirst(a: Open, b: Open): number {
  return Number(b.line) - Number(a.line) || a.start - b.start || b.end - a.end || a.rank - b.rank || a.index - b.index;
}

/** Offsets where each line starts, as spans count lines (LF, CRLF, a lone CR); a line owns its line end. */
export function lineStarts(source: string): number[] {
  const starts = lineStartOffsets(source);
  // No empty line after a final line end.
  if (starts.length > 1 && starts[starts.length - 1] === source.length) starts.pop();
  return starts;
}

/**
 * Render `source` as one block element per line (`<span class="ln" data-n="12">…\n</span>`) with every highlight
 * nested at its exact offsets. Concatenating the text of all fragments of a highlight gives source.slice(start, end).
 */
export function highlightSource(source: string, highlights: readonly Highlight[], options: HighlightOptions = {}): HastElement[] {
  const lines: HastElement[] = [];
  highlightLines(source, highlights, (line) => void lines.push(line), options);
  return lines;
}

/**
 * As highlightSource, handing each line's element to `emit` as soon as it is complete, in order: a page of a 3 MB
 * source can be written line by line instead of holding the whole highlighted tree.
 */
export function highlightLines(source: string, highlights: readonly Highlight[], emit: (line: HastElement) => void, options: HighlightOptions = {}): void {
  const prefix = options.idPrefix ?? '';
  const starts = lineStarts(source);
  const spans: Open[] = [];
  const builders: ((first: boolean) => HastElement)[] = [];
  starts.forEach((s, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : source.length;
    spans.push({ index: spans.length, start: s, end, rank: -1, line: true });
    const blank = source.slice(s, end).trim() === '';
    builders.push(() => h('span', { className: blank ? ['ln', 'blank'] : ['ln'], id: `${prefix}L${i + 1}`, dataN: i + 1 }));
  });
  const points: { at: number; build: () => HastElement }[] = [];
  for (const hl of highlights) {
    const start = Math.max(0, Math.min(hl.start, source.length));
    const end = Math.max(start, Math.min(hl.end, source.length));
    const make = (first: boolean): HastElement => {
      const { id, ...rest } = hl.properties;
      return h(hl.tagName ?? 'span', first ? { id, ...rest } : rest);
    };
    if (start === end) {
      points.push({ at: start, build: () => make(true) });
      continue;
    }
    spans.push({ index: spans.length, start, end, rank: hl.rank ?? 0, line: false });
    builders.push(make);
  }
  points.sort((a, b) => a.at - b.at);

  const bounds = new Set<number>([0, source.length]);
  for (const s of spans) bounds.add(s.start).add(s.end);
  for (const p of points) bounds.add(p.at);
  const cuts = [...bounds].sort((a, b) => a - b);
  const byStart = new Map<number, Open[]>();
  for (const s of spans) {
    const list = byStart.get(s.start);
    if (list) list.push(s);
    else byStart.set(s.start, [s]);
  }

  // The line being built; the one before it is complete (lines are outermost) and has been emitted.
  let line: HastElement | null = null;
  const root = {
    push(node: HastChild): void {
      if (node.type !== 'element') return;
      if (line) emit(line);
      line = node;
    },
  };
  const stack: { span: Open; el: HastElement }[] = [];
  const emitted = new Set<number>();
  let active: Open[] = [];
  let p = 0;
  const current = (): { push(node: HastChild): void } => (stack.length ? stack[stack.length - 1].el.children : root);

  for (let c = 0; c < cuts.length; c++) {
    const at = cuts[c];
    const next = cuts[c + 1];
    active = active.filter((s) => s.end > at).concat(byStart.get(at) ?? []);
    const chain = next === undefined ? [] : active.filter((s) => s.end >= next).sort(outerFirst);
    if (next === undefined) {
      stack.length = Math.min(stack.length, 1); // a point at the very end goes into the last line
      while (p < points.length) current().push(points[p++].build());
      break;
    }
    let keep = 0;
    while (keep < stack.length && keep < chain.length && stack[keep].span === chain[keep]) keep++;
    stack.length = keep;
    const open = (i: number): void => {
      const span = chain[i];
      const el = builders[span.index](!emitted.has(span.index));
      emitted.add(span.index);
      current().push(el);
      stack.push({ span, el });
    };
    if (keep === 0) open(keep++); // the line: points sit inside it, never between lines
    while (p < points.length && points[p].at === at) current().push(points[p++].build());
    for (let i = keep; i < chain.length; i++) open(i);
    const value = source.slice(at, next);
    const children = stack[stack.length - 1].el.children;
    const last = children[children.length - 1];
    if (last?.type === 'text') last.value += value;
    else children.push({ type: 'text', value });
  }
  if (line) emit(line);
}
