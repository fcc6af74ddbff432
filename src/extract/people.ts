// People named in 责任领导 / 牵头领导 / 分管领导 fields and columns: 王海涛（副市长）, 孙海燕（区委常委、宣传部部长）.
import { splitTop, type Piece } from './lists.js';

export interface PersonMention extends Piece {
  /** where the name ends (the title, if any, follows in brackets) */
  readonly nameEnd: number;
  /** the bracketed title's inside, or null */
  readonly title: { start: number; end: number } | null;
}

/** The people of a list (parse view `s` at `offset`): split at 、 , ; and spaces, each name with its bracketed title. */
export function readPeople(s: string, offset: number): PersonMention[] {
  return splitTop(s, offset, '、,;', true).flatMap((p): PersonMention[] => {
    const text = p.text.replace(/[。.]$/, '');
    if (!text || text.length > 40) return [];
    const end = p.start + text.length;
    const m = /^(.+?)\s*\(([^()]+)\)$/.exec(text);
    if (!m) return [{ text, start: p.start, end, nameEnd: end, title: null }];
    const titleStart = p.start + text.lastIndexOf('(') + 1;
    return [{ text, start: p.start, end, nameEnd: p.start + m[1].trimEnd().length, title: { start: titleStart, end: end - 1 } }];
  });
}
