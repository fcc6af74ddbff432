// Rules a document states about its own clauses. Recognise the idea ("the first-listed unit leads"), not one sentence:
// the wordings are the lexicon's (conventions.first, conventions.following).
import type { DocumentRule } from '../model/schema.js';
import type { Lexicon } from './lexicon.js';

export const FIRST_LISTED_LEAD = 'first-listed-lead';

export interface RuleMatch {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** Find first-listed-lead conventions in `text` (parse view) starting at `offset`; each covers its sentence. */
export function findRules(text: string, offset: number, lex: Lexicon): RuleMatch[] {
  const out: RuleMatch[] = [];
  for (const m of text.matchAll(/[^。;]+[。;]?/g)) {
    const hit = lex.firstListed.exec(m[0]);
    if (!hit) continue;
    // The rule runs from where it is stated to the end of its sentence (not from the sentence start:
    // "A、B负责,排名第一的为牵头单位" keeps its first half as a clause).
    const lead = Math.max(m[0].slice(0, hit.index).lastIndexOf(','), m[0].slice(0, hit.index).lastIndexOf('(')) + 1;
    const body = m[0].slice(lead).replace(/[)\]〕]+[。;]?$|[。;]$/, '').trimEnd();
    const start = offset + m.index! + lead + (body.length - body.trimStart().length);
    out.push({ id: FIRST_LISTED_LEAD, start, end: start + body.trim().length });
  }
  return out;
}

/** Where a stated rule applies: 下同/后同 carry it onward from its clause; otherwise the annex (or, in the notice, the document). */
export function ruleScope(text: string, lex: Lexicon, where: 'clause' | 'annex' | 'notice'): DocumentRule['scope'] {
  if (lex.following.test(text)) return 'following';
  return where === 'notice' ? 'document' : 'annex';
}
