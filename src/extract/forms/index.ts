// The clause forms, in the order they read a line: a label line takes the whole line; labels closing a paragraph
// take its end; brackets come next; what is left of the line may still assign the task in a sentence. Table columns are read row by row (../tables.ts).
// Adding a form is one entry here and a row in tests/extract/forms-table.test.ts.
import { bracket } from './bracket.js';
import { inlineLabels, labelLine } from './label-line.js';
import { sentence } from './sentence.js';
import type { Recogniser } from './types.js';

export const RECOGNISERS: readonly Recogniser[] = [labelLine, inlineLabels, bracket, sentence];

export type { ClauseProblem, FoundClause, LineInput, Recogniser } from './types.js';
