// Rules a document states about its own clauses. Recognise the idea ("the first-listed unit leads"), not one sentence.
import type { DocumentRule } from '../model/schema.js';

export const FIRST_LISTED_LEAD = 'first-listed-lead';

const FIRST = /(?:排(?:在|序|名|列)?|列(?:在|于)?|居于?|位于|名列)?(?:第一位?|首位|首个|最前面?|第1位?)/;
const LEADS = /(?:为|是|作为|即为|系|任|的)[^,;。]{0,10}?(?:牵头|主办|主责)(?:单位|部门)?/;
const RULE = new RegExp(`${FIRST.source}[^,;。]{0,14}?${LEADS.source}`);
const FOLLOWING = /(?:以下|下|后|以后|后文)(?:均|皆|类)?同/;
const WHOLE = /本(?:方案|意见|通知|计划|要点|清单)|各项(?:任务|工作)|所有任务/;

export interface RuleMatch {
  readonly id: string;
  readonly scope: DocumentRule['scope'];
  readonly start: number;
  readonly end: number;
}

/** Find first-listed-lead conventions in `text` (parse view) starting at `offset`; the match covers the sentence. */
export function findRules(text: string, offset: number, defaultScope: DocumentRule['scope']): RuleMatch[] {
  const out: RuleMatch[] = [];
  const sentence = /[^。;]+[。;]?/g;
  for (const m of text.matchAll(sentence)) {
    const hit = RULE.exec(m[0]);
    if (!hit) continue;
    // The rule runs from where it is stated to the end of its sentence (not from the sentence start:
    // "A、B负责,排名第一的为牵头单位" keeps its first half as a clause).
    const lead = m[0].slice(0, hit.index).lastIndexOf(',') + 1;
    const body = m[0].slice(lead).trim();
    const scope = FOLLOWING.test(body) ? 'following' : WHOLE.test(body) ? defaultScope : defaultScope;
    const start = offset + m.index! + lead + (m[0].slice(lead).length - m[0].slice(lead).trimStart().length);
    out.push({ id: FIRST_LISTED_LEAD, scope, start, end: start + body.length });
  }
  return out;
}

export function isRuleSentence(text: string): boolean {
  return RULE.test(text);
}

/** Offset in `text` where a first-listed-lead statement starts, or -1. */
export function ruleStart(text: string): number {
  return RULE.exec(text)?.index ?? -1;
}
