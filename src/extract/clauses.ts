// Reading one responsibility clause into role mentions, people, fields and conventions. The grammar, over the parse
// view (half-width punctuation), with every word from the lexicon:
//   clause   := segment ((, | ; | 。 | spaces) segment)*
//   segment  := label ':' list        (牵头单位：A、B — a role, people (责任领导) or a field (完成时限))
//             | list [modifier] verb  (A、B按职责分工负责; A会同B负责: A leads)
//             | list                  (continues the label before it, or takes the role of the verb after it)
//   list     := name (、 | 和 | 及 | 与 name)*
// The same reader serves brackets, label lines, sentences and table cells; `mode` says how much to trust shape.
import type { Role } from '../model/schema.js';
import type { Lexicon } from './lexicon.js';
import { isPersonTitle, isProse, isStrictUnit, isUnitLike, listItems, splitTop, type ListItem, type Piece } from './lists.js';
import { readPeople, type PersonMention } from './people.js';

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface RoleMention extends Range {
  readonly role: Role;
  /** a level prefix shared through the list, to write before the name as written */
  readonly level: string | null;
  /** the name was read as a unit from its place in the clause only; its shape is not an organisation's */
  readonly doubtful: boolean;
}

export interface ClauseReading {
  readonly mentions: RoleMention[];
  readonly leaders: PersonMention[];
  /** names with no role we understand */
  readonly unclear: Range[];
  /** first-listed-lead statements inside the clause */
  readonly rules: Range[];
  /** values of fields that are not roles (完成时限：…): left in the task text for deadlines to read */
  readonly fields: Range[];
  /** the clause has labels (牵头单位：…), which makes it a clause whatever its names look like */
  readonly labelled: boolean;
}

/**
 * How a clause is written: a bracket or label line trusts its place; a sentence in running text must read
 * entirely as names and role words; a table cell has its role from its column.
 */
export type ReadMode =
  | { readonly kind: 'bracket' | 'line' }
  | { readonly kind: 'sentence' }
  | { readonly kind: 'cell'; readonly role: Role | 'person' };

type State = { kind: 'role'; role: Role } | { kind: 'person' } | { kind: 'field' } | null;

/** Does a list item name a unit well enough for this place? 'yes', 'doubtful' (place only) or 'no'. */
function judge(item: ListItem, lex: Lexicon, strict: boolean): 'yes' | 'doubtful' | 'no' {
  if (strict) return isStrictUnit(item.text, lex) ? 'yes' : 'no';
  if (isUnitLike(item.text, lex)) return 'yes';
  if (isPersonTitle(item.text)) return 'no';
  // Outside running text a short name without digits is still a name: 开发区管委会 and 税务局 read by shape, but a
  // local body (县城投) by its place in the clause.
  return item.text.length <= 20 && !/[\d%。!?]/.test(item.text) ? 'doubtful' : 'no';
}

/**
 * Read a clause body. `s` is the parse view of the body (brackets already removed, same length as the source
 * slice), `offset` where it starts. Returns null when nothing in it assigns anything: prose, not a clause.
 */
export function readClause(s: string, offset: number, lex: Lexicon, mode: ReadMode): ClauseReading | null {
  const strict = mode.kind === 'sentence';
  const mentions: RoleMention[] = [];
  const leaders: PersonMention[] = [];
  const unclear: Range[] = [];
  const rules: Range[] = [];
  const fields: Range[] = [];
  let labelled = false;
  let pending: ListItem[] = [];
  let state: State = mode.kind === 'cell' ? (mode.role === 'person' ? { kind: 'person' } : { kind: 'role', role: mode.role }) : null;
  let failed = false;

  // `anchored`: the names follow 由 in a sentence (由基层卫生股牵头), which says they are the doers.
  const take = (items: ListItem[], role: Role, anchored = false): void => {
    for (const item of items) {
      const verdict = anchored && strict ? (isUnitLike(item.text, lex) && !isProse(item.text) ? 'yes' : 'no') : judge(item, lex, strict);
      if (verdict === 'no') {
        if (strict) failed = true;
        else unclear.push(item);
        continue;
      }
      mentions.push({ role: item.mark ?? role, start: item.start, end: item.end, level: item.full ? item.full.slice(0, item.full.length - item.text.length) : null, doubtful: verdict === 'doubtful' });
    }
  };

  // A convention is a sentence of its own ("排在首位的为牵头单位，下同"): take it out whole before reading roles.
  const segments = splitTop(s, offset, '。;', false).flatMap((sentence) => {
    const parts = splitTop(sentence.text, sentence.start, ',', mode.kind !== 'sentence');
    const hit = lex.firstListed.exec(sentence.text);
    if (!hit) return parts;
    const at = sentence.start + hit.index;
    const k = Math.max(0, parts.findIndex((p) => p.end > at));
    rules.push({ start: parts[k].start, end: sentence.end });
    return parts.slice(0, k);
  });

  for (const seg of segments) {
    if (failed) break;
    const label = lex.label.exec(seg.text);
    if (label) {
      labelled = true;
      if (pending.length) unclear.push(...pending);
      pending = [];
      const kind = lex.labelKind(label[1]);
      state = kind;
      const rest = { text: seg.text.slice(label[0].length), start: seg.start + label[0].length };
      // 责任单位：A牵头，B配合: a value that says the roles itself is read by them, not by the label.
      const verb = kind.kind === 'role' && rest.text ? verbOf({ ...rest, end: seg.end }, lex, mode) : null;
      if (verb) take(listItems(verb.list.text, verb.list.start, lex, true), verb.role, verb.anchored);
      else if (kind.kind === 'role') take(listItems(rest.text, rest.start, lex, true), kind.role);
      else if (kind.kind === 'person') leaders.push(...readPeople(rest.text, rest.start));
      else if (rest.text) fields.push({ start: rest.start, end: seg.end });
      continue;
    }
    const verb = verbOf(seg, lex, mode);
    if (verb) {
      state = null;
      const joint = lex.jointLead.exec(verb.list.text);
      const before = pending;
      pending = [];
      if (joint) {
        const first = listItems(joint[1], verb.list.start, lex);
        const rest = listItems(joint[2], verb.list.start + joint[1].length + (verb.list.text.length - joint[1].length - joint[2].length), lex);
        take([...before, ...first], 'lead', verb.anchored);
        take(rest, verb.role === 'lead' ? 'responsible' : verb.role, verb.anchored);
      } else {
        take([...before, ...listItems(verb.list.text, verb.list.start, lex)], verb.role, verb.anchored);
      }
      continue;
    }
    if (state?.kind === 'role') {
      const items = listItems(seg.text, seg.start, lex, true);
      if (items.length && items.every((i) => judge(i, lex, strict) !== 'no')) take(items, state.role);
      else fields.push(seg);
      continue;
    }
    if (state?.kind === 'person') {
      leaders.push(...readPeople(seg.text, seg.start));
      continue;
    }
    if (state?.kind === 'field') {
      fields.push(seg);
      continue;
    }
    if (strict) {
      failed = true;
      break;
    }
    const items = listItems(seg.text, seg.start, lex, true);
    if (items.length && items.some((i) => isUnitLike(i.text, lex) || i.mark)) pending.push(...items);
    else fields.push(seg);
  }
  if (failed) return null;
  if (pending.length) {
    // （县教育局〔牵头〕、县财政局）: a list whose roles are marked; the others are the units responsible.
    if (pending.some((p) => p.mark)) take(pending, 'responsible');
    else unclear.push(...pending.filter((p) => isUnitLike(p.text, lex)));
  }
  if (mentions.length === 0 && leaders.length === 0 && rules.length === 0) return null;
  return { mentions, leaders, unclear, rules, fields, labelled };
}

/** The list and the role of a segment that ends in a role verb (…按职责分工负责), or null. */
function verbOf(seg: Piece, lex: Lexicon, mode: ReadMode): { list: Piece; role: Role; anchored?: boolean } | null {
  // The reading whose list is shortest wins: 各区县政府负责具体实施 is 负责 with a tail, not …负责 + 具体实施.
  const candidates = [lex.verbSuffix.exec(seg.text)];
  if (mode.kind !== 'cell') candidates.push(lex.verbTail.exec(seg.text), lex.verbAnyTail.exec(seg.text));
  // In a bracket, a verb with a tail of its own words (…落实属地责任) counts only after names that read as units.
  const anyTail = candidates[2];
  if (anyTail && mode.kind === 'bracket' && !listItems(seg.text.slice(0, anyTail.index), 0, lex).every((i) => isStrictUnit(i.text, lex))) candidates.pop();
  const m = candidates.filter((c): c is RegExpExecArray => c !== null && c.index > 0).sort((a, b) => a.index - b.index)[0];
  if (!m) return joinedOf(seg, lex, mode);
  let text = seg.text.slice(0, m.index).trimEnd();
  let start = seg.start;
  let anchored = false;
  if (mode.kind === 'sentence') {
    const from = subjectStart(text);
    anchored = from > 0 || text.startsWith('由');
    start += from;
    text = text.slice(from);
  }
  if (!text) return null;
  return { list: { text, start, end: start + text.length }, role: lex.roleOfVerb(m[1]), anchored };
}

/**
 * 区财政局要会同区发展改革局做好…: in running text 会同 alone assigns (the first leads, the one it works with is
 * responsible) when both sides are units and something follows the second: what they do.
 */
function joinedOf(seg: Piece, lex: Lexicon, mode: ReadMode): { list: Piece; role: Role } | null {
  if (mode.kind !== 'sentence') return null;
  const from = subjectStart(seg.text);
  const text = seg.text.slice(from);
  const m = lex.jointLead.exec(text);
  if (!m) return null;
  const restStart = text.length - m[2].length;
  const lastSep = m[2].lastIndexOf('、');
  const tail = m[2].slice(lastSep + 1);
  // The partner is a name that reads as a unit and is followed by what they do (制定…, 做好…); failing that, the
  // longest name.
  let cut = 0;
  let longest = 0;
  for (let k = Math.min(tail.length - 1, 25); k >= 2 && !cut; k--) {
    if (!isStrictUnit(tail.slice(0, k), lex)) continue;
    longest ||= k;
    if (ACTION.test(tail.slice(k))) cut = k;
  }
  cut ||= longest;
  if (!cut) return null;
  const end = restStart + lastSep + 1 + cut;
  return { list: { text: text.slice(0, end), start: seg.start + from, end: seg.start + from + end }, role: 'responsible' };
}

const ACTION = /^(?:制定|做好|抓好|开展|推进|推动|建立|健全|组织|加强|强化|完善|落实|实施|完成|编制|研究|统筹|指导|督促|共同|联合|负责|做|抓|对|按|将|把|在|围绕|聚焦)/;

/** 此项工作由A负责 / 补充耕地项目由A会同B…: in a sentence, what comes before 由 is the subject matter. */
function subjectStart(text: string): number {
  const by = text.indexOf('由');
  return by > 0 && by <= 20 ? by + 1 : 0;
}

/** A reading is believable when most of what it calls units read like organisations. */
export function plausible(reading: ClauseReading, lex: Lexicon, s: string, offset: number): boolean {
  if (reading.labelled) return reading.mentions.length > 0 || reading.leaders.length > 0;
  if (reading.mentions.length === 0) return reading.rules.length > 0;
  const good = reading.mentions.filter((m) => isUnitLike(s.slice(m.start - offset, m.end - offset), lex)).length;
  return good > 0 && good >= reading.mentions.length / 2;
}
