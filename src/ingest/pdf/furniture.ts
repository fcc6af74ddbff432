// Page furniture: running headers and footers, page numbers (—1—, - 1 -, 第1页 共3页, 1/3). They are the layout's,
// not the document's: a line in the top or bottom tenth of a page goes when it is a page number, or when the same
// line (digits aside) stands in the same band on at least two pages and on more than a third of them.
import type { Line } from './layout.js';

const PAGE_NUMBER = /^(?:[-—–－‐一~·\s]*\d{1,4}[-—–－‐一~·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

export interface PageLines {
  readonly lines: readonly Line[];
  /** page height (PDF units), for the top and bottom bands */
  readonly height: number;
}

const key = (line: Line) => line.text.replace(/\d+/g, '#').replace(/[\s\u0001]+/g, '');

/** Which lines of each page are furniture (a set of line indexes per page). */
export function findFurniture(pages: readonly PageLines[]): Set<number>[] {
  const band = (page: PageLines, line: Line): 'top' | 'bottom' | null => (line.y > page.height * 0.9 ? 'top' : line.y < page.height * 0.1 ? 'bottom' : null);
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set<string>();
    for (const line of page.lines) {
      const where = band(page, line);
      if (where) seen.add(`${where}:${key(line)}`);
    }
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = (k: string) => pages.length >= 2 && (counts.get(k) ?? 0) >= 2 && (counts.get(k) ?? 0) > pages.length / 3;
  return pages.map((page) => {
    const out = new Set<number>();
    page.lines.forEach((line, i) => {
      const where = band(page, line);
      if (!where) return;
      if (PAGE_NUMBER.test(line.text.replace(/\u0001/g, ' ').trim()) || repeated(`${where}:${key(line)}`)) out.add(i);
    });
    return out;
  });
}
