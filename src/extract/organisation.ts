// How a plan organises itself: work groups (工作专班 / 领导小组), the command (指挥部) and reporting cadences.
import type { UnitToken } from './units.js';
import { readUnit } from './units.js';
import { withoutHidden } from '../normalize/index.js';
import { periodOf } from './deadlines.js';
import { splitTop } from './lists.js';

export interface WorkGroupMatch {
  readonly name: string;
  readonly convener: string | null;
  readonly deputyConveners: string[];
  readonly members: Array<{ tokens: UnitToken[]; start: number; end: number }>;
  readonly office: { tokens: UnitToken[]; start: number; end: number } | null;
  readonly officeDuties: string | null;
  readonly liaison: string | null;
}

// Offices write 成立, 建立, 组建 or 设立 for the same act; the sample only uses 成立.
const SET_UP = '(?:成立|建立|组建|设立)(?:了)?';
const GROUP_NAME = new RegExp(`${SET_UP}([^,;。]{2,60}?(?:工作专班|领导小组|工作小组|专项小组|专班|指挥部|联席会议))`);
const COMMAND_NAME = new RegExp(`${SET_UP}([^,;。]{2,60}?(?:指挥部|领导小组))`);
const CONVENER = /由([^,;。]{2,40}?)(?:任|担任)(?:召集人|组长|指挥长|总召集人)/;
const DEPUTIES = /(?:^|,)(?:由)?([^,;。]{2,200}?)(?:任|担任)(?:常务)?(?:副召集人|副组长)/g;
const MEMBERS = /([^;。]{2,2000}?)(?:为|作为)成员单位/;
const OFFICE = /办公室设(?:在|于)?([^,;。]{2,40}?)(?:[,;。]|$)/;
// Bounded, so that a long paragraph without punctuation costs its length, not its square.
const DUTIES = /办公室设[^,;。]{1,60},((?:负责|承担)[^。]{0,400})/;
const LIAISON = /(各成员单位[^。,;]{0,60}?联络员)/;

/** 区政府办联系…的副主任、区市场监督管理局、区发展和改革局(工信)主要负责人 — the trailing title belongs to each bare unit. */
export function splitPeople(list: string): string[] {
  const parts = splitTop(list, 0, '、').map((p) => p.text);
  const title = /(主要负责人|负责人|局长|主任|书记)$/.exec(parts.at(-1) ?? '')?.[1];
  return parts.map((p) => (title && !/(负责人|局长|主任|书记|区长|县长|市长|省长|部长|主席|委员)$/.test(p) ? `${p}${title}` : p));
}

function unitsOf(list: string, offset: number): Array<{ tokens: UnitToken[]; start: number; end: number }> {
  return splitTop(list, offset, '、').map((p) => {
    let text = p.text.replace(/^(?:由|以)/, '');
    const start = p.end - text.length;
    text = text.replace(/等$/, '');
    return { tokens: readUnit(withoutHidden(text)), start, end: start + text.length };
  });
}

/** Read a work group from one paragraph (parse view) starting at `offset`. */
export function readWorkGroup(p: string, offset: number): WorkGroupMatch | null {
  const name = GROUP_NAME.exec(p);
  if (!name || /指挥部$/.test(name[1]) && !/召集人|组长|成员单位/.test(p)) return null;
  const after = p.slice(name.index + name[0].length);
  const base = offset + name.index + name[0].length;
  const convener = CONVENER.exec(after);
  let deputies: string[] = [];
  let membersFrom = 0;
  if (convener) membersFrom = convener.index + convener[0].length;
  // Deputies may come in several groups: "A、B任常务副召集人,C、D负责人任副召集人".
  const deputiesFrom = membersFrom;
  for (const d of after.slice(deputiesFrom).matchAll(DEPUTIES)) {
    if (after.slice(membersFrom, deputiesFrom + d.index!).includes('成员单位')) break;
    deputies.push(...splitPeople(d[1]));
    membersFrom = deputiesFrom + d.index! + d[0].length;
  }
  const members = MEMBERS.exec(after.slice(membersFrom));
  let memberList: WorkGroupMatch['members'] = [];
  if (members) {
    const list = members[1].replace(/^[,。;由]+/, '');
    const listStart = base + membersFrom + members.index + (members[1].length - list.length);
    memberList = unitsOf(list.replace(/等$/, ''), listStart);
  }
  const office = OFFICE.exec(p);
  let officeMatch: WorkGroupMatch['office'] = null;
  if (office) {
    const text = office[1].trim();
    const start = offset + office.index + office[0].indexOf(text, 3);
    officeMatch = { tokens: readUnit(withoutHidden(text)), start, end: start + text.length };
  }
  return {
    name: name[1],
    convener: convener?.[1] ?? null,
    deputyConveners: deputies,
    members: memberList,
    office: officeMatch,
    officeDuties: DUTIES.exec(p)?.[1] ?? null,
    liaison: LIAISON.exec(p)?.[1] ?? null,
  };
}

export interface CommandMatch {
  readonly name: string;
  readonly commander: string | null;
  readonly executiveDeputy: string | null;
  readonly deputies: string[];
  readonly office: string | null;
  readonly start: number;
  readonly end: number;
}

/** 成立…指挥部(领导小组),由区长任指挥长(组长),常务副区长任常务副指挥长,…;指挥部办公室设在区政府办 */
export function readCommand(p: string, offset: number): CommandMatch | null {
  const m = COMMAND_NAME.exec(p);
  if (!m) return null;
  const who = (role: string) => new RegExp(`(?:由)?([^,;。、]{2,30}?)任${role}`).exec(p)?.[1]?.replace(/^由/, '') ?? null;
  const deputiesRaw = /,([^,;。]{2,60}?)任副(?:指挥长|组长)/.exec(p)?.[1] ?? null;
  const sentenceEnd = p.indexOf('。', m.index);
  const officeSentence = /(?:指挥部|领导小组)?办公室设(?:在|于)?([^,;。]{2,30})/.exec(p);
  return {
    name: m[1],
    commander: who('(?:指挥长|组长)'),
    executiveDeputy: who('常务副(?:指挥长|组长)'),
    deputies: deputiesRaw ? splitPeople(deputiesRaw) : [],
    office: officeSentence?.[1] ?? null,
    start: offset + m.index,
    end: offset + (officeSentence ? officeSentence.index + officeSentence[0].length : sentenceEnd >= 0 ? sentenceEnd : p.length),
  };
}

export interface CadenceMatch {
  readonly period: string;
  readonly start: number;
  readonly end: number;
}

const CADENCES: ReadonlyArray<[RegExp, (m: RegExpExecArray) => string]> = [
  [/每(旬|月|季度|季|半年|年|周)[\u4e00-\u9fa5]{0,6}?(?:调度更新|收集更新|调度|更新|报送|通报|讲评|收集|汇报|督查)/g, (m) => periodOf(m[1])],
  [/(月底|月末|季末|年底|年末)[\u4e00-\u9fa5]{0,4}?(?:收集更新|收集|报送|更新|汇总)/g, (m) => periodOf(m[1].slice(0, 1))],
  [/“?旬调度、月通报、季讲评”?/g, () => 'ten-days'],
  [/不少于(\d+)次\/(月|季度|季|年|周)/g, (m) => periodOf(m[2])],
];

/** Cadence phrases of a paragraph; an earlier pattern's match wins over a later one that overlaps it. */
export function findCadences(p: string, offset: number): CadenceMatch[] {
  // Kept sorted by start, so an overlap is found by looking at the two neighbours of the insertion point.
  const out: CadenceMatch[] = [];
  for (const [re, per] of CADENCES) {
    for (const m of p.matchAll(re)) {
      const start = offset + m.index!;
      const end = start + m[0].length;
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (out[mid].start < start) lo = mid + 1;
        else hi = mid;
      }
      if ((lo > 0 && out[lo - 1].end > start) || (lo < out.length && out[lo].start < end)) continue;
      out.splice(lo, 0, { period: per(m as unknown as RegExpExecArray), start, end });
    }
  }
  return out;
}
