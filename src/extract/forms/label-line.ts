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

/** Where labelled fields start after a sentence of the task's own text: …确保按时发放。分管领导：某某。责任单位：A牵头，B配合。 */
function inlineFrom(text: string, lex: Lexicon): number {
  for (let i = text.indexOf('。'); i >= 0; i = text.indexOf('。', i + 1)) {
    const after = text.slice(i + 1);
    const label = openingLabel(after, lex);
    if (label !== null && lex.labelKind(label).kind !== 'field') return i + 1 + (after.length - after.trimStart().length);
  }
  return -1;
}

/**
 * Labelled fields that close a task's paragraph instead of standing on lines of their own. Only after a full stop:
 * a label in the middle of a sentence is prose (…明确责任单位：…).
 */
export const inlineLabels: Recogniser = {
  id: 'inline-labels',
  test(text, lex) {
    return inlineFrom(text, lex) > 0;
  },
  read({ parse, start, end, lex, taken }: LineInput) {
    const from = start + inlineFrom(parse.slice(start, end), lex);
    if (taken.some((r) => r.start < end && r.end > from)) return { clauses: [], problems: [] };
    const reading = readClause(parse.slice(from, end), from, lex, { kind: 'line' });
    if (reading && (reading.mentions.length || reading.leaders.length)) {
      return { clauses: [{ id: 'inline-labels', form: 'line', start: from, end, outerStart: from, outerEnd: end, reading }], problems: [] };
    }
    return { clauses: [], problems: [{ ruleId: 'unclear-clause', start: from, end }] };
  },
};
