// Brackets in a task's text: （A牵头，B、C按职责分工负责）, （牵头单位：A；责任单位：B）, 【牵头单位：A】【责任单位：B】,
// [责任单位:A、B], 〔责任单位：…〕, and 【牵头单位】A【责任单位】B (a label in brackets, its list after it).
// Brackets side by side are one clause.
import { plausible, readClause } from '../clauses.js';
import type { Lexicon } from '../lexicon.js';
import type { ClauseProblem, FoundClause, LineInput, Recogniser } from './types.js';

const OPENERS = '([〔';
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '〈': '〉', '〔': '〕' };

/** Index of the bracket closing the one at `i`, counting nested () [] 〈〉 〔〕; -1 when it never closes before `end`. */
export function matching(text: string, i: number, end = text.length): number {
  const stack: string[] = [];
  for (let k = i; k < end; k++) {
    const ch = text[k];
    if (PAIRS[ch]) stack.push(PAIRS[ch]);
    else if (ch === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return k;
    }
  }
  return -1;
}

interface Group {
  /** where the first bracket opens and the last closes (or its trailing list ends) */
  outerStart: number;
  outerEnd: number;
  /** a same-length copy of the parse view over the group with bracket marks turned into separators */
  text: string;
}

export const bracket: Recogniser = {
  id: 'bracket',
  test(text, lex) {
    return /[([〔]/.test(text) && lex.clauseWord.test(text);
  },
  read({ parse, start, end, lex, taken }: LineInput) {
    const clauses: FoundClause[] = [];
    const problems: ClauseProblem[] = [];
    const isTaken = (i: number) => taken.some((r) => i >= r.start && i < r.end);
    const groups: Group[] = [];
    for (let i = start; i < end; i++) {
      if (!OPENERS.includes(parse[i]) || isTaken(i)) continue;
      const j = matching(parse, i, end);
      if (j < 0) {
        if (lex.roleWord.test(parse.slice(i + 1, end))) problems.push({ ruleId: 'unbalanced-bracket', start: i, end });
        break;
      }
      const body = parse.slice(i + 1, j);
      let close = j;
      let text = ` ${body} `;
      if (lex.bareLabel.test(body.trim())) {
        // 【牵头单位】A、B: the list runs to the next bracket or the end of the sentence.
        let k = j + 1;
        while (k < end && !OPENERS.includes(parse[k]) && !'。;'.includes(parse[k])) k++;
        close = k - 1;
        text = ` ${body}:${parse.slice(j + 1, k)}`;
      } else if (!lex.clauseWord.test(body)) {
        i = j;
        continue;
      }
      const last = groups.at(-1);
      if (last && /^\s*$/.test(parse.slice(last.outerEnd, i))) {
        last.text += ';'.repeat(i - last.outerEnd) + text;
        last.outerEnd = close + 1;
      } else groups.push({ outerStart: i, outerEnd: close + 1, text });
      i = close;
    }
    for (const g of groups) {
      // The group's text has one mark per bracket character, so offsets into it are offsets into the source.
      const reading = readClause(g.text, g.outerStart, lex, { kind: 'bracket' });
      const inner = { start: g.outerStart + 1, end: closesWithBracket(parse, g.outerEnd) ? g.outerEnd - 1 : g.outerEnd };
      if (reading && plausible(reading, lex, g.text, g.outerStart)) {
        clauses.push({ id: 'bracket', form: 'parenthetical', ...inner, outerStart: g.outerStart, outerEnd: g.outerEnd, reading });
      } else if (lex.roleWord.test(g.text) && g.outerEnd - g.outerStart < 200 && !reading?.rules.length) {
        // Brackets that speak of 牵头/负责/配合 but do not read as a clause: say so rather than drop them.
        problems.push({ ruleId: 'unclear-clause', ...inner });
      }
    }
    return { clauses, problems };
  },
};

function closesWithBracket(parse: string, outerEnd: number): boolean {
  return ')]〕'.includes(parse[outerEnd - 1]);
}

export type { Lexicon };
