// Where responsibility clauses stand in a task: every recogniser of forms/ over each line, in order; label lines
// that follow one another (牵头单位：… / 责任单位：… / 完成时限：…) are one clause.
import type { ClauseReading, Range } from './clauses.js';
import { RECOGNISERS, type ClauseProblem, type FoundClause } from './forms/index.js';
import { openingLabel } from './forms/label-line.js';
import type { Lexicon } from './lexicon.js';
import type { TextLine } from './tree.js';

export type { ClauseProblem, FoundClause } from './forms/index.js';

export interface LineClauses {
  readonly clauses: FoundClause[];
  readonly problems: ClauseProblem[];
}

/** Clauses of one line, every recogniser in turn; later ones do not read what earlier ones took. */
function clausesOfLine(parse: string, line: TextLine, lex: Lexicon): LineClauses {
  const clauses: FoundClause[] = [];
  const problems: ClauseProblem[] = [];
  const text = parse.slice(line.start, line.end);
  const taken: Range[] = [];
  for (const r of RECOGNISERS) {
    if (!r.test(text, lex)) continue;
    const found = r.read({ parse, start: line.start, end: line.end, lex, taken });
    clauses.push(...found.clauses);
    problems.push(...found.problems);
    for (const c of found.clauses) taken.push({ start: c.outerStart, end: c.outerEnd });
    if (r.id === 'label-line' && (found.clauses.length || found.problems.length)) break;
  }
  clauses.sort((a, b) => a.start - b.start);
  return { clauses, problems };
}

function mergeReadings(a: ClauseReading, b: ClauseReading): ClauseReading {
  return {
    mentions: [...a.mentions, ...b.mentions],
    leaders: [...a.leaders, ...b.leaders],
    unclear: [...a.unclear, ...b.unclear],
    rules: [...a.rules, ...b.rules],
    fields: [...a.fields, ...b.fields],
    labelled: true,
  };
}

/**
 * The clauses of `lines` (a task's lines, in order). `cache` (keyed by line start) lets the pass that picks the
 * task level and the task pass share the work.
 */
export function findClauses(parse: string, lines: readonly TextLine[], lex: Lexicon, cache?: Map<number, LineClauses>): LineClauses {
  const clauses: FoundClause[] = [];
  const problems: ClauseProblem[] = [];
  // The label-line clause still open, and whether the line before was part of it (a field line like 完成时限 keeps it open).
  let open: { index: number; line: number } | null = null;
  lines.forEach((line, n) => {
    let found = cache?.get(line.start);
    if (!found) {
      found = clausesOfLine(parse, line, lex);
      cache?.set(line.start, found);
    }
    problems.push(...found.problems);
    const only = found.clauses.length === 1 && found.clauses[0].form === 'line' ? found.clauses[0] : null;
    if (only && open && open.line === n - 1) {
      const prev = clauses[open.index];
      clauses[open.index] = { ...prev, end: only.end, outerEnd: only.outerEnd, reading: mergeReadings(prev.reading, only.reading) };
      open.line = n;
      return;
    }
    if (!only && open && open.line === n - 1 && found.clauses.length === 0) {
      const label = openingLabel(parse.slice(line.start, line.end), lex);
      if (label && lex.labelKind(label).kind === 'field') {
        open.line = n;
        return;
      }
    }
    for (const c of found.clauses) clauses.push(c);
    open = only ? { index: clauses.length - 1, line: n } : null;
  });
  return { clauses, problems };
}
