// Sentences of a task's running text that assign it: 由A牵头，B、C配合，各乡镇具体落实。 / A负责，B协助。 /
// 此项工作由A会同B负责。 Only a run of comma-separated parts that each read wholly as names and role words counts;
// running text is prose until proven otherwise.
import { readClause, type ClauseReading } from '../clauses.js';
import { isGenericCollective, splitTop } from '../lists.js';
import type { ClauseProblem, FoundClause, LineInput, Recogniser } from './types.js';

function merge(readings: ClauseReading[]): ClauseReading {
  return {
    mentions: readings.flatMap((r) => r.mentions),
    leaders: readings.flatMap((r) => r.leaders),
    unclear: readings.flatMap((r) => r.unclear),
    rules: readings.flatMap((r) => r.rules),
    fields: readings.flatMap((r) => r.fields),
    labelled: readings.some((r) => r.labelled),
  };
}

export const sentence: Recogniser = {
  id: 'sentence',
  test(text, lex) {
    return lex.sentenceWord.test(text);
  },
  read({ parse, start, end, lex, taken }: LineInput) {
    const clauses: FoundClause[] = [];
    const problems: ClauseProblem[] = [];
    // Text another recogniser read (a bracket) is blanked, so a sentence never reads inside it.
    let text = parse.slice(start, end);
    for (const r of taken) {
      const a = Math.max(r.start, start) - start;
      const b = Math.min(r.end, end) - start;
      if (a < b) text = text.slice(0, a) + '。'.repeat(b - a) + text.slice(b);
    }
    for (const s of splitTop(text, start, '。;!?', false)) {
      // A sentence stating a convention (排在第一位的部门为牵头单位，其他部门按职责分工负责) speaks of clauses, not a task.
      if (!lex.sentenceWord.test(s.text) || lex.firstListed.test(s.text)) continue;
      let run: { start: number; end: number; readings: ClauseReading[] } | null = null;
      const flush = () => {
        // 有关部门按职责分工负责 alone is a manner of speaking; a sentence clause names at least one body in particular.
        if (run && !run.readings.some((r) => r.mentions.some((m) => !isGenericCollective(parse.slice(m.start, m.end))))) run = null;
        if (run) clauses.push({ id: 'sentence', form: 'sentence', start: run.start, end: run.end, outerStart: run.start, outerEnd: run.end, reading: merge(run.readings) });
        run = null;
      };
      for (const part of splitTop(s.text, s.start, ',', false)) {
        const reading = lex.sentenceWord.test(part.text) ? readClause(part.text, part.start, lex, { kind: 'sentence' }) : null;
        if (reading && reading.mentions.length) {
          if (run) {
            run.end = part.end;
            run.readings.push(reading);
          } else run = { start: part.start, end: part.end, readings: [reading] };
        } else {
          flush();
          // 某某局牵头… that did not read as names and roles: say where, rather than drop it.
          const m = lex.sentenceWord.test(part.text) ? (lex.verbSuffix.exec(part.text) ?? lex.verbAnyTail.exec(part.text)) : null;
          // (A name of a level's body, 县财政局…, not a kind of actor: 引导企业参与… is prose.)
          const name = m && m.index > 0 ? (part.text.slice(0, m.index).replace(/等$/, '').split(/[、由]/).at(-1) ?? '') : '';
          if (name && lex.levelPrefix.test(name) && lex.strongSuffix.test(name) && !lex.collectiveEnd.test(name)) problems.push({ ruleId: 'unclear-clause', start: part.start, end: part.end });
        }
      }
      flush();
    }
    return { clauses, problems };
  },
};
