// Column widths from what the columns hold, shared by the Word and the PDF task table so both have the same widths.
// A column never gets narrower than its widest unbreakable piece (a task id, a number with its unit, one word of
// its header label); the width left over goes, a slice at a time, to the column where it shortens the table most.
// Text is measured with a metric close to the embedded Noto faces (CJK one em; Latin and digits by a small table,
// rounded up), so the Word file, which has no font to measure with, gets the widths the PDF gets.

/** Approximate advance widths in em for characters below U+2E80; everything above is one em (CJK, full width). */
const NARROW: Readonly<Record<string, number>> = {
  ' ': 0.26, '.': 0.28, ',': 0.28, ':': 0.28, ';': 0.28, '/': 0.4, '-': 0.36, '%': 0.86, '(': 0.36, ')': 0.36,
  '[': 0.36, ']': 0.36, '"': 0.42, "'": 0.25, '+': 0.6, '~': 0.6, '—': 1, '…': 1,
};
const UPPER = 0.72;
const LOWER = 0.56;
const DIGIT = 0.58;

/** Width in em of `text` set in a Noto face (a close upper bound for Latin, exact for CJK). */
export function emWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x2e80) {
      w += 1;
      if (code >= 0xd800 && code < 0xdc00) i++; // a surrogate pair is one character
    } else if (code >= 48 && code <= 57) w += DIGIT;
    else if (code >= 65 && code <= 90) w += UPPER;
    else if (code >= 97 && code <= 122) w += LOWER;
    else w += NARROW[text[i]!] ?? 0.6;
  }
  return w;
}

/** The pieces longer than one character that a line breaker keeps together (see unbreakable). */
const LONG_PIECES = /[A-Za-z0-9][A-Za-z0-9.%\-/_]*|〈[^〈〉\n]{1,6}〉/gu;

/** Pieces a line breaker keeps together: Latin/digit runs (A7.T26, 700, 15%), a bracketed desk 〈工信〉, else one character. */
export function unbreakable(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.%\-/_]*|〈[^〈〉\n]{1,6}〉|[\s\S]/gu) ?? [];
}

/**
 * A header label split into its words: a CJK label of four or more characters breaks in the middle (牵头|单位,
 * 量化|指标) and never inside a word; shorter labels stay whole.
 */
export function headerWords(label: string): string[] {
  if (label.includes('\n')) return label.split('\n');
  const chars = [...label];
  if (chars.length >= 4 && chars.every((c) => c.codePointAt(0)! >= 0x2e80)) {
    const half = Math.ceil(chars.length / 2);
    return [chars.slice(0, half).join(''), chars.slice(half).join('')];
  }
  return [label];
}

export interface LayoutColumn {
  readonly key: string;
  /** Header label. */
  readonly label: string;
  /** Cells whose every line must stay on one line (ids, 序号): the column is as wide as the widest line. */
  readonly noWrap?: boolean;
  /** A floor on the column's width in em (optional): a merged category cell, whose text no row measures. */
  readonly minEm?: number;
  /** A cap on the column's width in em (optional): short fields such as deadlines need no more. */
  readonly maxEm?: number;
}

export interface ColumnLayoutOptions {
  /** Width of the table in points. */
  readonly width: number;
  /** Font size of the body text and of the header, in points. */
  readonly size: number;
  /** Padding inside a cell on each side, in points. */
  readonly padding: number;
  /** Width is handed out in slices of this many points (default: one em). */
  readonly step?: number;
}

export interface ColumnLayout {
  /** Widths in points, one per column, adding up to the table width. */
  readonly widths: readonly number[];
  /** The header label of each column as it is set: whole, or broken between its words. */
  readonly headers: readonly string[];
}

/**
 * Widths for `columns` over `rows` (each row the cells' texts, by column): minimum widths from the unbreakable
 * pieces and header words, then the rest in slices to whichever column shortens the sum of row heights most (the
 * widest text column when no slice shortens anything). Row height is estimated as lines × one line, a cell's lines
 * as the sum over its paragraphs of ⌈paragraph width / column width⌉.
 */
export function layoutColumns(columns: readonly LayoutColumn[], rows: readonly (readonly string[])[], options: ColumnLayoutOptions): ColumnLayout {
  const { size, padding } = options;
  const em = (text: string) => emWidth(text) * size;
  // Paragraph widths per cell, measured once.
  const paragraphs = rows.map((row) => columns.map((_, c) => (row[c] ?? '').split('\n').map(em)));
  const min = columns.map((col, c) => {
    let w = Math.max(...headerWords(col.label).map(em));
    for (const row of rows) {
      const text = row[c] ?? '';
      if (col.noWrap) for (const p of text.split('\n')) w = Math.max(w, em(p));
      else {
        // Any other character is one piece of at most one em.
        if (/[^\s]/.test(text)) w = Math.max(w, size);
        for (const p of text.match(LONG_PIECES) ?? []) w = Math.max(w, em(p));
      }
    }
    return Math.max(w, (col.minEm ?? 0) * size) + 2 * padding;
  });
  const cap = columns.map((col, c) => (col.maxEm === undefined ? Infinity : Math.max(min[c]!, col.maxEm * size + 2 * padding)));
  const widths = [...min];
  const lines = (c: number, width: number, r: number) => {
    let n = 0;
    for (const p of paragraphs[r]![c]!) n += Math.max(1, Math.ceil((p - 0.01) / (width - 2 * padding)));
    return n;
  };
  // Lines per column and row at the current widths, updated as a column widens.
  const current = columns.map((_, c) => rows.map((_, r) => lines(c, widths[c]!, r)));
  // Per row, the tallest column and the runner-up, so a candidate width is tried against the rest in O(1) a row.
  const top = rows.map(() => ({ first: 0, at: -1, second: 0 }));
  const rank = () => {
    for (let r = 0; r < rows.length; r++) {
      const t = top[r]!;
      t.first = 0;
      t.at = -1;
      t.second = 0;
      for (let k = 0; k < columns.length; k++) {
        const n = current[k]![r]!;
        if (n > t.first) {
          t.second = t.first;
          t.first = n;
          t.at = k;
        } else if (n > t.second) t.second = n;
      }
    }
  };
  rank();
  const total = (c: number, width: number) => {
    let sum = 0;
    for (let r = 0; r < rows.length; r++) {
      const t = top[r]!;
      const rest = t.at === c ? t.second : t.first;
      sum += Math.max(1, rest, lines(c, width, r));
    }
    return sum;
  };
  const step = options.step ?? size;
  let left = options.width - widths.reduce((a, b) => a + b, 0);
  // The text column a slice goes to when none shortens the table: the one holding the most text.
  const textiest = columns.map((_, c) => paragraphs.reduce((n, row) => n + row[c]!.reduce((a, b) => a + b, 0), 0));
  let height = total(0, widths[0]!);
  while (left > 0.01) {
    const slice = Math.min(step, left);
    let best = -1;
    let bestTotal = height;
    for (let c = 0; c < columns.length; c++) {
      if (columns[c]!.noWrap || widths[c]! + slice > cap[c]!) continue;
      const t = total(c, widths[c]! + slice);
      if (t < bestTotal) {
        bestTotal = t;
        best = c;
      }
    }
    if (best < 0) {
      const open = columns.map((col, c) => (!col.noWrap && widths[c]! + slice <= cap[c]! ? textiest[c]! : -1));
      best = open.indexOf(Math.max(...open));
      if (open[best]! < 0) best = columns.length - 1;
    }
    widths[best] = widths[best]! + slice;
    current[best] = rows.map((_, r) => lines(best, widths[best]!, r));
    rank();
    height = Math.min(height, bestTotal);
    left -= slice;
  }
  const headers = columns.map((col, c) => (em(col.label) + 2 * padding <= widths[c]! + 0.01 && !col.label.includes('\n') ? col.label : headerWords(col.label).join('\n')));
  return { widths, headers };
}
