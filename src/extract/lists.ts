// Lists of names as clauses write them: 、 between names, 和/及/与 where both sides are units, 由/等 around the
// list, （牵头） marks, and a level prefix shared through the list (省科技厅、工业和信息化厅 → 省工业和信息化厅).
import type { Role } from '../model/schema.js';
import type { Lexicon } from './lexicon.js';

export interface Piece {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const OPEN = '([〈“《「〔';
const CLOSE = ')]〉”》」〕';

/**
 * Split `s` at depth 0 on any character of `seps` (and, with `spaces`, on runs of white space), returning trimmed
 * pieces with their offsets (`offset` is where `s` starts in the source).
 */
export function splitTop(s: string, offset: number, seps: string, spaces = false): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let from = 0;
  const push = (to: number): void => {
    const piece = s.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const text = piece.trim();
    if (text) out.push({ text, start: offset + from + lead, end: offset + from + lead + text.length });
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) {
      if (depth > 0) depth--;
    } else if (depth === 0 && (seps.includes(ch) || (spaces && (ch === ' ' || ch === '\t')))) {
      push(i);
      from = i + 1;
    }
  }
  push(s.length);
  return out;
}

/** One name of a list, as written, with what its marks said. */
export interface ListItem extends Piece {
  /** the role marked after the name inside the list: A（牵头）、B（配合） */
  readonly mark: Role | null;
  /** the name with a level prefix shared from an earlier item written out, or null when it is as written */
  readonly full: string | null;
}

/** A bracket closing a name of a list: A（牵头）、B（配合） when it holds a role word of the lexicon, else an alias. */
const CLOSING_BRACKET = /\s*[(〔[]([^()〔〕[\]]{1,6})[)〕\]]$/;
const BY = /^(?:由|请|以|并由|另由)/;
// 市场监管局 and 区域… begin with a level's character but name no level.
const LEVEL = /^(?!市场|区域|县域|省级|市级|县级|区级)(?:省|市|县|区|州|盟|旗)/;

/** Does this read like the name of an organisation (shape only; context may say more)? */
export function isUnitLike(name: string, lex: Lexicon): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (lex.names.has(name)) return true;
  // A bracket at the end (an alias, a desk) may hold what the name may not: 市信访局（市12345热线管理中心）.
  const bare = name.replace(/[〈(][^〈〉()]*[〉)]$/, '');
  if (/[。!?,;:\d]/.test(bare)) return false;
  return lex.unitSuffix.test(bare) || lex.collective.test(bare);
}

// Words of running text that no unit name holds: 各牵头单位要切实履行… is a sentence, not a list of units; nor is
// 区教育督导室每学期末对各学校… (a time, an object: the name has ended before them).
const PROSE = /的|要|应当|必须|每(?:年|季|月|周|日|学期|半年)|对(?:各|全|所有)|切实|认真|进一步|加强|推动|推进|开展|建立|组织(?!部)|履行|按照|根据|确保|同志|领导|^(?:持续|强化|深化|完善|提升|优化|促进|实行|严格|全面|大力|加快|着力|积极|统筹|鼓励|支持|引导|落实|实施|培育|打造|围绕|聚焦|坚持|发挥|做好|抓好|创建|规范|指导|督促)/;

export const isProse = (name: string): boolean => PROSE.test(name);

/** The stricter test for names in running text: an organisation's ending, no words of prose. */
export function isStrictUnit(name: string, lex: Lexicon): boolean {
  if (lex.names.has(name)) return true;
  if (name.length < 2 || name.length > 25 || PROSE.test(name) || /[。!?,;:\d]/.test(name)) return false;
  const bare = name.replace(/[〈(][^〈〉()]*[〉)]$/, '');
  // A one-character ending (台, 所, 组 …) is enough only with a level before it (县广播电视台 but not 制定出台).
  // 各派出所, 各分局: 各 and a kind of unit is a collective of such units.
  return lex.strongSuffix.test(bare) || lex.collectiveEnd.test(bare) || ((lex.levelPrefix.test(bare) || /^各/.test(bare)) && lex.unitSuffix.test(bare));
}

/** 有关部门, 其他单位, 各有关单位: a collective that names nobody in particular. */
export function isGenericCollective(name: string): boolean {
  return /^(?:各|其他|其它|有关|相关|全体|所有)*(?:有关|相关|其他|各)?(?:牵头|责任|配合|协办|参与|成员|主办)?(?:部门|单位|机构|方面|地方|企业)$/.test(name);
}

/** Names that are a person's office, not an organisation: 副县长, 区长, 分管副市长. */
export function isPersonTitle(name: string): boolean {
  return /(?:长|书记|主任|主席|委员|同志|负责人|专员|总监|秘书长)$/.test(name) && !/(?:委员会|办公室)$/.test(name);
}

function trimItem(piece: Piece, lex: Lexicon): Piece & { mark: Role | null } {
  let { text, start } = piece;
  const by = BY.exec(text);
  if (by && text.length > by[0].length + 1) {
    text = text.slice(by[0].length);
    start += by[0].length;
  }
  const bracket = CLOSING_BRACKET.exec(text);
  const mark = bracket ? lex.roleMark(bracket[1]) : null;
  if (mark) text = text.slice(0, bracket!.index);
  // 等 closes a list (…、县财政局等按职责分工负责); 等部门/等单位 too.
  const etc = /等(?:[\u4e00-\u9fa5]{0,6}?(?:部门|单位|机构|企业))?$/.exec(text);
  if (etc && etc.index > 1) text = text.slice(0, etc.index);
  text = text.trim();
  return { text, start, end: start + text.length, mark };
}

const GENERIC = /^(?:单位|部门|企业|机构|组织|公司|集团|中心|政府|街道|乡镇|社区|村)$/;

/** 各区、县（市）人民政府: levels listed before one ending are one collective, not 各区 and 县（市）人民政府. */
function sharedEndings(pieces: Piece[], s: string, offset: number): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let j = i;
    if (/^各[省市县区州乡镇]{1,2}$/.test(pieces[i].text)) {
      while (j + 1 < pieces.length && /^[省市县区州乡镇]{1,2}$/.test(pieces[j + 1].text)) j++;
      if (!(j + 1 < pieces.length && /^[省市县区州乡镇街道]/.test(pieces[j + 1].text))) j = i - 1;
      else j++;
    }
    if (j <= i) {
      out.push(pieces[i]);
      continue;
    }
    const text = s.slice(pieces[i].start - offset, pieces[j].end - offset);
    out.push({ text, start: pieces[i].start, end: pieces[j].end });
    i = j;
  }
  return out;
}

/** A name that ends like an organisation (or is one the lexicon knows), not one that only opens like a collective. */
function endsAsUnit(name: string, lex: Lexicon): boolean {
  return lex.names.has(name) || lex.unitSuffix.test(name.replace(/[〈(][^〈〉()]*[〉)]$/, '')) || lex.collectiveEnd.test(name);
}

/** 县林业局和县水利局 → two names, when both sides read as units (县发展和改革局 stays one). */
function splitConjunctions(item: Piece & { mark: Role | null }, lex: Lexicon): Array<Piece & { mark: Role | null }> {
  let depth = 0;
  for (let i = 1; i < item.text.length - 1; i++) {
    const ch = item.text[i];
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth > 0) continue;
    const word = item.text.startsWith('以及', i) ? '以及' : '和及与'.includes(ch) ? ch : null;
    if (!word) continue;
    const left = item.text.slice(0, i);
    const right = item.text.slice(i + word.length);
    // Both sides whole names: 各有关部门和单位 is one collective (单位 alone names nothing).
    // (各区住房 reads as a collective by its 各区 alone, not by an ending: 各区住房和城乡建设局 is one name.)
    if (isUnitLike(left, lex) && endsAsUnit(left, lex) && isUnitLike(right, lex) && !GENERIC.test(left) && !GENERIC.test(right)) {
      const a = { text: left, start: item.start, end: item.start + left.length, mark: item.mark };
      const rest = { text: right, start: item.start + i + word.length, end: item.end, mark: item.mark };
      return [a, ...splitConjunctions(rest, lex)];
    }
  }
  return [item];
}

/**
 * The names of a list (parse view `s` starting at `offset`), each trimmed of 由/等 and marks, split at 和/及/与
 * between units, with a shared level prefix written out.
 */
export function listItems(s: string, offset: number, lex: Lexicon, spaces = false): ListItem[] {
  const items = sharedEndings(splitTop(s, offset, '、', spaces), s, offset).flatMap((p) => splitConjunctions(trimItem(p, lex), lex)).filter((p) => p.text);
  const out: ListItem[] = [];
  let level: string | null = null;
  // 各乡镇党委、人民政府: the collective's 各乡镇 is shared by the organ after it (各乡镇人民政府).
  let collective: string | null = null;
  for (const item of items) {
    const own = LEVEL.exec(item.text)?.[0] ?? null;
    let full: string | null = null;
    const organ = COLLECTIVE_ORGAN.exec(item.text);
    if (organ?.[1]) collective = organ[1];
    else if (organ && collective) full = collective + item.text;
    else collective = null;
    if (full) {
      out.push({ ...item, full });
      continue;
    }
    if (own) level = own;
    else if (level && sharesLevel(item.text, lex)) full = level + item.text;
    else level = /^[\u4e00-\u9fa5]{2,8}(?:省|市|县|区)/.test(item.text) ? null : level;
    full ??= !own && out.length ? sharedBody(out[out.length - 1].full ?? out[out.length - 1].text, item.text) : null;
    out.push({ ...item, full });
  }
  return out;
}

/** The internal parts of a body: 分局, 监督检查室, 干部监督科, 工贸监管股, 规划发展处. */
const PART = /(?:分局|室|科|股|处)$/;
/** Where a body's own name ends inside a longer name: after its organisation word (局, 委, 部 …). */
const BODY_END = /(?:局|委|厅|部|委员会|办公室|政府)(?=.{2,})/g;

/**
 * 栖梧市生态环境局东城分局、西城分局 and 市纪委监委第一监督检查室、第二监督检查室: a part written after a part of the same
 * kind shares the body the first one names (栖梧市生态环境局西城分局). Null when the name before is not body + part.
 */
function sharedBody(previous: string, written: string): string | null {
  const kind = PART.exec(written)?.[0];
  if (!kind || !previous.endsWith(kind) || written.length > 10) return null;
  // Of the places the body may end, the one that leaves a part most like this one (干部一科 beside 干部监督科, not 一科).
  let body = -1;
  for (const m of previous.matchAll(BODY_END)) {
    const end = m.index! + m[0].length;
    if (body < 0 || Math.abs(previous.length - end - written.length) <= Math.abs(previous.length - body - written.length)) body = end;
  }
  return body > 0 && body < previous.length - 1 ? previous.slice(0, body) + written : null;
}

/** 各乡镇党委 (group 1: 各乡镇), or an organ alone (人民政府) that takes such a collective from the name before it. */
const COLLECTIVE_ORGAN = /^(各[\u4e00-\u9fa5]{1,8}?)?(?:党委|党工委|人民政府|政府|党组织|管委会|办事处)$/;

/** A department written without its level, as lists do after the first name: 工业和信息化厅, 发展改革委, 财政局. */
function sharesLevel(written: string, lex: Lexicon): boolean {
  // 发改局（粮食局）: the name before its bracket decides.
  const name = written.replace(/[〈(][^〈〉()]*[〉)]$/, '');
  if (lex.collective.test(name) || lex.names.has(name)) return false;
  if (/^(?:人民银行|中国|国网|国家|团|各)/.test(name)) return false;
  // 张管局市场经营部 is a part of another body (an organisation word inside), not a department of the level.
  return /(?:厅|委|局|办|部|委员会|办公室|残联|妇联|科协|侨联|文联|工商联|总工会|供销社|总队|支队|大队)$/.test(name) && name.length <= 12 && !/[局委厅署]/.test(name.replace(/(?:委员会|办公室|厅|委|局|办|部)$/, ''));
}
