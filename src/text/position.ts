// Offsets ↔ line:column for one source text (unist convention: line and column from 1, offset from 0).
import type { Span } from '../model/schema.js';

export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/**
 * Offsets where lines start. A line ends at LF, CRLF, a lone CR (old Mac files) or U+2028/U+2029, as the parse view
 * reads them (normalize turns the last three into LF there).
 */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 0x2028 || c === 0x2029 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStartOffsets(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  point(offset: number): Point {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1, offset };
  }

  span(start: number, end: number): Span {
    const a = this.point(start);
    const b = this.point(end);
    return { start, end, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
