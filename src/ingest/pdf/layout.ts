// PDF page geometry → text: runs of glyphs grouped into lines, lines into paragraphs. Pure; no pdf.js here.
// A PDF has no paragraphs or spaces of its own: a line ends where the layout wrapped it, and a gap between two runs
// may be a space or only spacing (LibreOffice and WPS leave a gap between Chinese and Latin text). So a gap becomes
// a space only between two narrow characters (Latin words); between Chinese characters, or Chinese and digits, only
// a space the content stream itself holds is kept.

/** One run of glyphs as the page draws it (operators.ts), in PDF user space (y up); spaces only as the content stream has them. */
export interface Run {
  readonly str: string;
  readonly x: number;
  /** baseline */
  readonly y: number;
  readonly width: number;
  /** font size (the run's height) */
  readonly size: number;
}

/** A gap between two runs (no space glyph in the content stream): resolved by `resolveGaps` once both neighbours are known. */
export const GAP = '\u0001';

export interface Line {
  /** text with GAP marks still in it */
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
}

/** East Asian wide characters (CJK, kana, full-width forms and punctuation). */
const WIDE = /[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7]|[\ud840-\ud87f][\udc00-\udfff]/;
export const isWide = (ch: string | undefined): boolean => ch !== undefined && WIDE.test(ch);

/** Replace each GAP by a space when the characters on both sides are narrow, else by nothing; runs of spaces become one. */
export function resolveGaps(text: string): string {
  if (!text.includes(GAP)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== GAP) {
      out += ch;
      continue;
    }
    const before = out.at(-1);
    let j = i + 1;
    while (j < text.length && text[j] === GAP) j++;
    const after = text[j];
    if (before !== undefined && after !== undefined && !/\s/.test(before) && !/\s/.test(after) && !isWide(before) && !isWide(after)) out += ' ';
    i = j - 1;
  }
  return out;
}

/**
 * Group runs into lines (same baseline within 40 % of the font size), each sorted left to right. A gap wider than a
 * fifth of the font size between two runs is a GAP; text drawn twice at the same place (fake bold) is kept once.
 */
export function groupLines(runs: readonly Run[]): Line[] {
  const sorted = runs.filter((r) => r.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const last = groups.at(-1);
    if (last && Math.abs(last[0].y - run.y) <= 0.4 * Math.max(last[0].size, run.size)) last.push(run);
    else groups.push([run]);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let x0 = Infinity;
    let x1 = -Infinity;
    const kept: Run[] = [];
    // Runs kept so far by their text, to drop one drawn again at the same place (linear in the runs of a line).
    const seen = new Map<string, number[]>();
    for (const run of group) {
      const at = seen.get(run.str);
      if (at?.some((x) => Math.abs(x - run.x) < 0.3 * run.size)) continue;
      if (at) at.push(run.x);
      else seen.set(run.str, [run.x]);
      const space = run.str.replaceAll(GAP, '');
      if (space.trim() === '') {
        // A space run: real when it holds a space the content stream has, else only spacing.
        if (space !== '' && text !== '' && !/\s$/.test(text)) text += space[0];
        continue;
      }
      if (text !== '') {
        const gap = run.x - end;
        if (gap > 1.5 * run.size && !/\s$/.test(text)) text += ' ';
        else if (gap > 0.2 * run.size) text += GAP;
      }
      text += run.str;
      kept.push(run);
      end = Math.max(end, run.x + run.width);
      x0 = Math.min(x0, run.x);
      x1 = Math.max(x1, run.x + run.width);
    }
    const trimmed = text.replace(new RegExp(`^[\\s${GAP}]+|[\\s${GAP}]+$`, "g"), "");
    if (trimmed === '') continue;
    lines.push({ text: trimmed, x0, x1, y: group[0].y, size: Math.max(...kept.map((r) => r.size)) });
  }
  return lines;
}

/** The text column: where most lines start and end (5th and 95th percentile), so a few odd lines do not move it. */
export interface TextColumn {
  readonly left: number;
  readonly right: number;
}

export function textColumn(lines: readonly Line[], boxes: ReadonlyArray<{ left: number; right: number }> = []): TextColumn {
  if (lines.length === 0) return { left: 0, right: 0 };
  const x0 = lines.map((l) => l.x0).sort((a, b) => a - b);
  const x1 = lines.map((l) => l.x1).sort((a, b) => a - b);
  // With few lines, a percentile is one of them: take the extremes, and the width of any table.
  const few = lines.length < 20;
  const left = few ? x0[0] : x0[Math.floor(x0.length * 0.05)];
  const right = few ? x1[x1.length - 1] : x1[Math.min(x1.length - 1, Math.floor(x1.length * 0.95))];
  return { left: Math.min(left, ...boxes.map((b) => b.left)), right: Math.max(right, ...boxes.map((b) => b.right)) };
}

/** A line that opens a numbered item: 一、 （一） 1. 1、 （1） ① 第一条. */
const NUMBERED = /^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,3}[.、．](?!\d)|[\u2460-\u2473]|第[一二三四五六七八九十百]+条|附\s*件)/;
const ENDS_SENTENCE = /[。；;：:！!？?]$/;
/** What ends an item before the next numbered one: a sentence, or the bracket closing its responsibility clause. */
const ENDS_ITEM = /[。；;：:！!？?)）]$/;

/**
 * Does line `b` continue the paragraph of line `a` (the layout wrapped it)? Yes when `a` runs to the right edge of
 * the column and `b` starts at its left edge (no first-line indent), in the same size, close below; or when both are
 * centred lines of one heading. A numbered line after a finished sentence always starts a paragraph.
 */
export function continues(a: Line, b: Line, column: TextColumn, samePage: boolean): boolean {
  const size = Math.max(a.size, b.size);
  if (Math.abs(a.size - b.size) > 0.15 * size) return false;
  if (samePage && (a.y - b.y > 2.4 * size || a.y <= b.y)) return false;
  if (NUMBERED.test(b.text) && ENDS_ITEM.test(resolveGaps(a.text))) return false;
  const full = a.x1 >= column.right - 1.6 * size;
  const atMargin = b.x0 <= column.left + 0.5 * size;
  if (full && atMargin) return true;
  // A heading centred over two lines: both centred, the first nearly as wide as the column.
  const middle = (column.left + column.right) / 2;
  const centred = (l: Line) => l.x0 > column.left + size && Math.abs((l.x0 + l.x1) / 2 - middle) < 1.5 * size;
  return samePage && centred(a) && centred(b) && a.x1 - a.x0 > 0.6 * (column.right - column.left) && !ENDS_SENTENCE.test(a.text);
}

/** Join two pieces of one paragraph: nothing between wide characters, a space between narrow ones. */
export function joinWrapped(a: string, b: string): string {
  return resolveGaps(`${a}${GAP}${b}`);
}
