// Responsibility clauses: find them in a task's text and read each into role mentions.
// The grammar (parse view, half-width punctuation):
//   clause   := segment ((, | ; | 。) segment)*
//   segment  := label ':' list | list suffix | list            (a bare list takes the role of the next segment)
//   suffix   := [等[…部门|单位]] [按职责分工|各司其职|分别|共同] (牵头负责|牵头|负责|配合|协助|参与 …)
//   list     := unit (、 unit)*
import type { Role } from '../model/schema.js';
import { isRuleSentence, ruleStart } from './rules.js';
import { isUnitLike } from './units.js';

export interface RoleMention {
  readonly role: Role;
  /** the unit as written (parse view), trimmed of 等 and 由 */
  readonly written: string;
  readonly start: number;
  readonly end: number;
}

export interface ClauseReading {
  readonly mentions: RoleMention[];
  /** segments that name units but no role we understand */
  readonly unclear: Array<{ start: number; end: number }>;
  /** first-listed-lead statements inside the clause */
  readonly rules: Array<{ start: number; end: number }>;
}

const LABEL = /^(牵头单位|牵头部门|主办单位|主责单位|牵头|责任单位|责任部门|责任主体|实施单位|配合单位|配合部门|协办单位|协助单位|参与单位|协同单位)\s*:\s*/;
const SUFFIX =
  /(?:等(?:[\u4e00-\u9fa5]{0,6}?(?:部门|单位))?)?\s*(?:(?:按照?|根据|依据)职责(?:分工)?|各司其职|分别|共同|具体)?\s*(?:指导|协调|积极|主动|全力)?(牵头负责|牵头落实|牵头抓总|牵头|负责落实|负总责|负责|落实|配合|协助|参与|协办)$/;
const LEAD_MARK = /\s*\((?:牵头|牵头单位|牵头部门)\)$/;

function roleOf(word: string): Role {
  if (/牵头|主办|主责|负总责/.test(word)) return 'lead';
  if (/配合|协助|参与|协办|协同/.test(word)) return 'cooperate';
  return 'responsible';
}

/** Split `s` at depth 0 on any of `seps`, returning trimmed pieces with their offsets. */
export function splitTop(s: string, offset: number, seps: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let depth = 0;
  let from = 0;
  const push = (to: number) => {
    const piece = s.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text) out.push({ text, start: offset + from + lead, end: offset + from + lead + text.length });
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(' || ch === '〈' || ch === '[' || ch === '“' || ch === '《') depth++;
    else if ((ch === ')' || ch === '〉' || ch === ']' || ch === '”' || ch === '》') && depth > 0) depth--;
    else if (depth === 0 && seps.includes(ch)) {
      push(i);
      from = i + 1;
    }
  }
  push(s.length);
  return out;
}

/** The units of a list, as written: trimmed of 由 / 等 / 等部门, each with its own offsets. */
function listUnits(list: string, offset: number): Array<{ text: string; start: number; end: number; lead: boolean }> {
  return splitTop(list, offset, '、').flatMap((piece) => {
    let { text, start, end } = piece;
    const by = /^(?:由|请|以)/.exec(text);
    if (by) {
      text = text.slice(by[0].length);
      start += by[0].length;
    }
    let lead = false;
    const mark = LEAD_MARK.exec(text);
    if (mark) {
      lead = true;
      text = text.slice(0, mark.index);
      end = start + text.length;
    }
    const etc = /等(?:[\u4e00-\u9fa5]{0,6}?(?:部门|单位))?$/.exec(text);
    if (etc && etc.index > 1) {
      text = text.slice(0, etc.index);
      end = start + text.length;
    }
    text = text.trim();
    return text ? [{ text, start, end: start + text.length, lead }] : [];
  });
}

/**
 * Read a clause body (without its brackets). `s` is the parse view of the body, `offset` its start in the source.
 * Returns null when nothing in it names a role: then it is prose in brackets, not a clause.
 */
export function readClause(s: string, offset: number): ClauseReading | null {
  const mentions: RoleMention[] = [];
  const unclear: Array<{ start: number; end: number }> = [];
  const rules: Array<{ start: number; end: number }> = [];
  let pending: Array<{ text: string; start: number; end: number; lead: boolean }> = [];
  let sawRole = false;

  // A convention is a sentence of its own ("排在首位的为牵头单位,以下同"): take it out whole before reading roles.
  const segments = splitTop(s, offset, '。;').flatMap((sentence) => {
    const parts = splitTop(sentence.text, sentence.start, ',');
    if (!isRuleSentence(sentence.text)) return parts;
    // "A、B负责,排名第一的为牵头单位,后同": the rule runs from the first part that states it to the sentence end.
    const at = sentence.start + ruleStart(sentence.text);
    const k = Math.max(0, parts.findIndex((p) => p.end > at));
    rules.push({ start: parts[k].start, end: sentence.end });
    return parts.slice(0, k);
  });
  for (const seg of segments) {
    const label = LABEL.exec(seg.text);
    if (label) {
      sawRole = true;
      const role = roleOf(label[1]);
      const units = [...pending, ...listUnits(seg.text.slice(label[0].length), seg.start + label[0].length)];
      pending = [];
      for (const u of units) mentions.push({ role: u.lead ? 'lead' : role, written: u.text, start: u.start, end: u.end });
      continue;
    }
    const suffix = SUFFIX.exec(seg.text);
    if (suffix) {
      sawRole = true;
      const role = roleOf(suffix[1]);
      const units = [...pending, ...listUnits(seg.text.slice(0, suffix.index), seg.start)];
      pending = [];
      for (const u of units) mentions.push({ role: u.lead ? 'lead' : role, written: u.text, start: u.start, end: u.end });
      continue;
    }
    pending.push(...listUnits(seg.text, seg.start));
  }
  if (!sawRole) return null;
  for (const u of pending) unclear.push({ start: u.start, end: u.end });
  return { mentions, unclear, rules };
}

/** A reading is believable when most of what it calls units read like organisations. */
export function plausible(reading: ClauseReading): boolean {
  if (reading.mentions.length === 0) return reading.rules.length > 0;
  const good = reading.mentions.filter((m) => isUnitLike(m.written)).length;
  return good > 0 && good >= reading.mentions.length / 2;
}

/** A table cell that lists units under a role column (牵头单位, 责任单位…): each unit, with 〔牵头〕 marks honoured. */
export function readUnitCell(s: string, offset: number, role: Role): RoleMention[] {
  return splitTop(s, offset, ',;').flatMap((part) =>
    listUnits(part.text, part.start).map((u) => ({ role: u.lead ? 'lead' : role, written: u.text, start: u.start, end: u.end })),
  );
}
