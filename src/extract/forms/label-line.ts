// A line of labelled fields after (or inside) a task: 牵头单位：A / 责任单位：B、C / 责任领导：王某（副县长）,
// in any order, several on one line (…；…；完成时限：…) or separated by spaces.
import { readClause } from '../clauses.js';
import type { Lexicon } from '../lexicon.js';
import type { LineInput, Recogniser } from './types.js';

/** The label a line opens with, if it opens with one (牵头单位：, 责任领导:). */
export function openingLabel(text: string, lex: Lexicon): string | null {
  return lex.label.exec(text.trimStart())?.[1] ?? null;
}

export const labelLine: Recogniser = {
  id: 'label-line',
  test(text, lex) {
    const label = openingLabel(text, lex);
    return label !== null && lex.labelKind(label).kind !== 'field';
  },
  read({ parse, start, end, lex }: LineInput) {
    const lead = parse.slice(start, end).length - parse.slice(start, end).trimStart().length;
    const from = start + lead;
    const reading = readClause(parse.slice(from, end), from, lex, { kind: 'line' });
    if (reading && (reading.mentions.length || reading.leaders.length)) {
      return { clauses: [{ id: 'label-line', form: 'line', start: from, end, outerStart: from, outerEnd: end, reading }], problems: [] };
    }
    // A 责任单位：line we cannot read must not vanish.
    return { clauses: [], problems: [{ ruleId: 'unclear-clause', start: from, end }] };
  },
};
