// Tables in a PDF are only drawn: ruling lines (strokes or thin filled rectangles) and text placed between them.
// Rebuild the grid from the lines, merged cells from the rulings that are missing inside it, and give each cell the
// runs whose middle lies in it. A table's rows are written like a .docx table's: one line per row, TAB between cells,
// a merged cell's text in its first cell and empty cells for the rest.
import { groupLines, joinWrapped, resolveGaps, type Run } from './layout.js';

/** A ruling line in user space: horizontal (y0 === y1) or vertical (x0 === x1), x0 ≤ x1, y0 ≤ y1. */
export interface Segment {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface Table {
  /** bounding box */
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  /** the rulings between rows, top first (rows.length + 1 of them) */
  readonly rowEdges: readonly number[];
  /** rows of cell texts (merged cells: text in the first, '' in the covered ones) */
  readonly rows: string[][];
}

const TOL = 2;
/** A page drawn with more rulings than this is a drawing, not a table (and would cost quadratic time). */
const MAX_SEGMENTS = 4000;
/** A grid of more cells than this is no table a notice holds. */
const MAX_CELLS = 20_000;

const horizontal = (s: Segment) => Math.abs(s.y1 - s.y0) <= 0.01 && s.x1 - s.x0 > TOL;
const vertical = (s: Segment) => Math.abs(s.x1 - s.x0) <= 0.01 && s.y1 - s.y0 > TOL;

/** Cluster sorted values that lie within TOL of each other; each cluster's mean. */
function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last[last.length - 1] <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((s, v) => s + v, 0) / c.length);
}

/** Groups of segments that touch each other (each group a candidate table). */
function components(segments: readonly Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const touch = (a: Segment, b: Segment) => a.x0 <= b.x1 + TOL && b.x0 <= a.x1 + TOL && a.y0 <= b.y1 + TOL && b.y0 <= a.y1 + TOL;
  // Sorting by x0 bounds the pairs compared to those that can overlap horizontally.
  const order = segments.map((_, i) => i).sort((a, b) => segments[a].x0 - segments[b].x0);
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length && segments[order[j]].x0 <= segments[order[i]].x1 + TOL; j++) {
      if (touch(segments[order[i]], segments[order[j]])) parent[find(order[i])] = find(order[j]);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(s);
  });
  return [...groups.values()];
}

const covers = (lines: readonly Segment[], at: number, from: number, to: number, axis: 'x' | 'y'): boolean => {
  const mid = (from + to) / 2;
  return lines.some((s) => (axis === 'y' ? Math.abs(s.y0 - at) <= TOL && s.x0 - TOL <= mid && mid <= s.x1 + TOL : Math.abs(s.x0 - at) <= TOL && s.y0 - TOL <= mid && mid <= s.y1 + TOL));
};

/**
 * The tables drawn on a page, top to bottom, with the runs that fell in them removed from `runs` (returned as
 * `rest`). A group of rulings is a table when it has at least two rows and two columns.
 */
export function findTables(segments: readonly Segment[], runs: readonly Run[]): { tables: Table[]; rest: Run[] } {
  const tables: Table[] = [];
  const claimed = new Set<Run>();
  const rulings = segments.filter((s) => horizontal(s) || vertical(s));
  if (rulings.length > MAX_SEGMENTS) return { tables, rest: [...runs] };
  for (const group of components(rulings)) {
    const hs = group.filter(horizontal);
    const vs = group.filter(vertical);
    const ys = cluster(hs.map((s) => s.y0)).reverse(); // top first
    const xs = cluster(vs.map((s) => s.x0));
    if (ys.length < 3 || xs.length < 3) continue;
    const rowsN = ys.length - 1;
    const colsN = xs.length - 1;
    if (rowsN * colsN > MAX_CELLS) continue;
    // Union cells that no ruling separates.
    const id = (r: number, c: number) => r * colsN + c;
    const parent = Array.from({ length: rowsN * colsN }, (_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let r = 0; r < rowsN; r++) {
      for (let c = 0; c < colsN; c++) {
        if (c + 1 < colsN && !covers(vs, xs[c + 1], ys[r + 1], ys[r], 'x')) parent[find(id(r, c + 1))] = find(id(r, c));
        if (r + 1 < rowsN && !covers(hs, ys[r + 1], xs[c], xs[c + 1], 'y')) parent[find(id(r + 1, c))] = find(id(r, c));
      }
    }
    // Each region's box (from its first cell, which is its top-left, to its last).
    const box = new Map<number, { r0: number; c0: number; r1: number; c1: number }>();
    for (let r = 0; r < rowsN; r++) {
      for (let c = 0; c < colsN; c++) {
        const root = find(id(r, c));
        const b = box.get(root);
        if (!b) box.set(root, { r0: r, c0: c, r1: r, c1: c });
        else {
          b.r1 = Math.max(b.r1, r);
          b.c1 = Math.max(b.c1, c);
        }
      }
    }
    const cellRuns = new Map<number, Run[]>();
    for (const run of runs) {
      const cx = run.x + run.width / 2;
      const cy = run.y + run.size * 0.3;
      if (cx < xs[0] || cx > xs[colsN] || cy > ys[0] || cy < ys[rowsN]) continue;
      const c = xs.findIndex((x, i) => i < colsN && cx >= x && cx <= xs[i + 1]);
      const r = ys.findIndex((y, i) => i < rowsN && cy <= y && cy >= ys[i + 1]);
      if (c < 0 || r < 0) continue;
      const root = find(id(r, c));
      if (!cellRuns.has(root)) cellRuns.set(root, []);
      cellRuns.get(root)!.push(run);
      claimed.add(run);
    }
    const rows: string[][] = Array.from({ length: rowsN }, () => Array.from({ length: colsN }, () => ''));
    for (const [root, b] of box) rows[b.r0][b.c0] = cellText(cellRuns.get(root) ?? []);
    tables.push({ left: xs[0], right: xs[colsN], top: ys[0], bottom: ys[rowsN], rowEdges: ys, rows });
  }
  tables.sort((a, b) => b.top - a.top);
  return { tables, rest: runs.filter((r) => !claimed.has(r)) };
}

/**
 * A cell's lines on one line. Cells are narrow and often centred, so their lines cannot be told from paragraphs by
 * where they end: a line ending a sentence (。；) ends a paragraph, joined to the next by a space as a .docx cell's
 * paragraphs are; any other line was wrapped and is joined as the paragraph it is. TAB → space.
 */
function cellText(runs: readonly Run[]): string {
  const lines = groupLines(runs).map((l) => resolveGaps(l.text));
  if (lines.length === 0) return '';
  let text = lines[0];
  for (let i = 1; i < lines.length; i++) text = /[。；;！？]$/.test(text) ? `${text} ${lines[i]}` : joinWrapped(text, lines[i]);
  return text.replace(/\t/g, ' ').trim();
}
