// Where responsibility clauses stand in a task: bracketed groups in its lines, and label lines (责任单位:…).
import { readClause, plausible, type ClauseReading } from './clauses.js';
import type { TextLine } from './tree.js';

export interface FoundClause {
  readonly form: 'parenthetical' | 'line' | 'table';
  /** the clause as written, without its brackets */
  readonly start: number;
  readonly end: number;
  /** the whole bracketed group, brackets included (what to mask out of the task text) */
  readonly outerStart: number;
  readonly outerEnd: number;
  readonly reading: ClauseReading;
}

export interface ClauseProblem {
  readonly ruleId: 'unbalanced-bracket' | 'unclear-clause';
  readonly start: number;
  readonly end: number;
}

const LABEL_LINE = /^(?:牵头单位|牵头部门|主办单位|主责单位|责任单位|责任部门|配合单位|配合部门|协办单位|参与单位|实施单位)\s*:/;
const ROLE_WORD = /牵头|负责|配合|协助|参与|协办/;

export interface LineClauses {
  readonly clauses: FoundClause[];
  readonly problems: ClauseProblem[];
}

/** Clauses of one line; `cache` (keyed by line start) lets the task-level pass and the task pass share the work. */
export function findClauses(parse: string, lines: readonly TextLine[], cache?: Map<number, LineClauses>): LineClauses {
  const clauses: FoundClause[] = [];
  const problems: ClauseProblem[] = [];
  for (const line of lines) {
    let found = cache?.get(line.start);
    if (!found) {
      found = clausesOfLine(parse, line);
      cache?.set(line.start, found);
    }
    clauses.push(...found.clauses);
    problems.push(...found.problems);
  }
  return { clauses, problems };
}

function clausesOfLine(parse: string, line: TextLine): LineClauses {
  const clauses: FoundClause[] = [];
  const problems: ClauseProblem[] = [];
  const text = parse.slice(line.start, line.end);
  if (LABEL_LINE.test(text)) {
    const reading = readClause(text, line.start);
    if (reading && plausible(reading)) {
      return { clauses: [{ form: 'line', start: line.start, end: line.end, outerStart: line.start, outerEnd: line.end, reading }], problems };
    }
    // A 责任单位: line we cannot read must not vanish.
    problems.push({ ruleId: 'unclear-clause', start: line.start, end: line.end });
  }
  const opener = /[(\[]/g;
  for (let m = opener.exec(text); m; m = opener.exec(text)) {
    const i = m.index;
    const j = matching(text, i);
    if (j < 0) {
      const rest = text.slice(i + 1);
      if (ROLE_WORD.test(rest)) problems.push({ ruleId: 'unbalanced-bracket', start: line.start + i, end: line.end });
      break;
    }
    const body = text.slice(i + 1, j);
    const reading = ROLE_WORD.test(body) ? readClause(body, line.start + i + 1) : null;
    if (reading && plausible(reading)) {
      clauses.push({ form: 'parenthetical', start: line.start + i + 1, end: line.start + j, outerStart: line.start + i, outerEnd: line.start + j + 1, reading });
    } else if (ROLE_WORD.test(body) && body.length < 200) {
      // Brackets that speak of 牵头/负责/配合 but do not read as a clause: say so rather than drop them.
      problems.push({ ruleId: 'unclear-clause', start: line.start + i + 1, end: line.start + j });
    }
    opener.lastIndex = j + 1;
  }
  return { clauses, problems };
}

/** Index of the bracket closing the one at `i`, counting nested () [] 〈〉; -1 when it never closes on this line. */
function matching(text: string, i: number): number {
  const stack: string[] = [];
  const pairs: Record<string, string> = { '(': ')', '[': ']', '〈': '〉' };
  for (let k = i; k < text.length; k++) {
    const ch = text[k];
    if (pairs[ch]) stack.push(pairs[ch]);
    else if (ch === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return k;
    }
  }
  return -1;
}
