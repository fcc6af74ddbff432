// What a clause recogniser is: one way offices write who does a task, as `{ id, test, read }`.
import type { ClauseForm } from '../../model/schema.js';
import type { ClauseReading, Range } from '../clauses.js';
import type { Lexicon } from '../lexicon.js';

export interface FoundClause {
  /** the recogniser that found it */
  readonly id: string;
  readonly form: ClauseForm;
  /** the clause as written, without its brackets */
  readonly start: number;
  readonly end: number;
  /** the whole clause, brackets included (what to mask out of the task text) */
  readonly outerStart: number;
  readonly outerEnd: number;
  readonly reading: ClauseReading;
}

export interface ClauseProblem {
  readonly ruleId: 'unbalanced-bracket' | 'unclear-clause';
  readonly start: number;
  readonly end: number;
}

/** One line of a task as a recogniser sees it: the parse view of the whole text and the line's range. */
export interface LineInput {
  readonly parse: string;
  readonly start: number;
  readonly end: number;
  readonly lex: Lexicon;
  /** ranges of this line that an earlier recogniser already read */
  readonly taken: readonly Range[];
}

export interface Recogniser {
  readonly id: string;
  /** cheap: could this line hold the form at all? */
  test(text: string, lex: Lexicon): boolean;
  /** the clauses of this form in the line, and what looked like one but did not read */
  read(input: LineInput): { clauses: FoundClause[]; problems: ClauseProblem[] };
}
