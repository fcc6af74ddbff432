// The genre lexicon: every word extraction knows about how plan notices assign work, in one place.
// Role labels and verbs, person labels, field labels, unit shapes, collectives and the wording of conventions.
// Every pattern of src/extract/ is compiled from it; a user extends it with `--lexicon file.json` (LexiconData,
// validated by zod), e.g. with the names of local units that have no usual suffix.
import { z } from 'zod';
import type { Role } from '../model/schema.js';

const words = z.array(z.string().min(1).max(40)).max(2000);
const roleWords = z.object({ labels: words, verbs: words }).partial().strict();

/** What a lexicon file holds. Every list is optional; a user's lists are added to the defaults. */
export const LexiconData = z
  .object({
    /** per role: labels before a colon (牵头单位：) and verbs after a list (…牵头, …按职责分工负责) */
    roles: z.object({ lead: roleWords, responsible: roleWords, cooperate: roleWords }).partial().strict(),
    /** `A会同B负责`: A leads, B takes the verb's role */
    jointLead: words,
    /** words between a list and its verb that do not change the role: 按职责分工, 分别, 具体 */
    modifiers: words,
    /** what may follow a verb in a sentence: 负责组织实施 */
    verbTails: words,
    /** labels of fields that name people (责任领导：王某（副县长）) — never units */
    persons: words,
    /** labels of fields that are neither roles nor people (完成时限：…) */
    fields: words,
    units: z
      .object({
        /** endings that make a name an organisation: 局, 委, 中心, 管委会 … */
        suffixes: words,
        /** how a name says its level or place: 省, 市, 县, 国家 … (a bracket starting so names an alias) */
        levels: words,
        /** local unit names read as units whatever their shape */
        names: words,
        /** words that open a collective: 各, 有关, 相关 … */
        collectivePrefixes: words,
        /** endings of collectives: 成员单位, 有关部门 … */
        collectiveSuffixes: words,
      })
      .partial()
      .strict(),
    conventions: z
      .object({
        /** how "the first listed" is said: 排在首位, 列第一位 … */
        first: words,
        /** scope words that carry a convention onward: 下同, 后同 … */
        following: words,
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type LexiconData = z.infer<typeof LexiconData>;

// A role label is a role word and a kind of body: 牵头单位, 牵头科室, 配合股室, 协办处室 … (and the bare 牵头：).
const BODIES = ['单位', '部门', '科室', '股室', '处室', '部室', '机构', '社区', '主体', '责任单位', '分局', '企业', '学校', '处', '科', '股'];
const labels = (stems: readonly string[], extra: readonly string[] = []): string[] => [...stems.flatMap((s) => BODIES.map((b) => s + b)), ...extra];

/** The lexicon fenjie ships: the genre as offices write it, not one notice's words. */
export const DEFAULT_LEXICON = {
  roles: {
    lead: {
      labels: labels(['牵头', '主办', '主责', '主要责任', '牵头负责'], ['牵头']),
      verbs: ['牵头负责', '负责牵头', '牵头落实', '牵头抓总', '牵头实施', '牵头推进', '牵头组织', '牵头', '负总责', '主办', '主责'],
    },
    responsible: {
      labels: labels(['责任', '实施', '承办', '落实', '负责', '具体负责', '具体实施'], ['责任主体', '负责']),
      verbs: ['负责落实', '负责实施', '负责推进', '负责组织实施', '具体落实', '具体实施', '具体负责', '组织实施', '抓好落实', '负责', '落实', '承办'],
    },
    cooperate: {
      labels: labels(['配合', '协办', '协助', '参与', '协同', '协作'], ['配合']),
      verbs: ['配合落实', '配合实施', '配合推进', '协助落实', '协同推进', '协同落实', '协同配合', '协助配合', '积极配合', '参与实施', '配合', '协助', '参与', '协办', '协同'],
    },
  },
  jointLead: ['会同', '联合'],
  modifiers: ['按照职责分工', '按职责分工', '根据职责分工', '依据职责分工', '按照职责', '按职责', '根据职责', '各司其职', '分别', '共同', '具体', '积极', '主动', '全力', '按照职能', '按职能', '指导', '协调'],
  verbTails: ['组织实施', '具体实施', '抓好落实', '推进落实', '统筹推进', '组织推进', '推进', '实施', '落实', '办理', '统筹'],
  persons: [
    '责任领导', '牵头领导', '分管领导', '联系领导', '包保领导', '领衔领导', '督导领导', '协调领导', '责任人', '牵头人', '第一责任人',
    '县级领导', '市级领导', '区级领导', '省级领导', '责任县领导', '责任市领导', '责任区领导', '牵头县领导', '牵头市领导', '牵头区领导',
    '分管县领导', '分管市领导', '分管区领导', '联系县领导', '联系市领导', '联系区领导', '县级责任领导', '市级责任领导', '区级责任领导', '联系人',
  ],
  fields: ['完成时限', '完成时间', '完成期限', '时间节点', '时间安排', '进度安排', '时限要求', '时限', '备注', '量化指标', '工作目标', '目标任务', '预期成效', '工作要求', '推进措施'],
  units: {
    suffixes: [
      '局', '委', '办', '院', '厅', '部', '署', '会', '中心', '公司', '队', '所', '站', '室', '处', '科', '组', '团', '联', '社', '政府',
      '单位', '部门', '机构', '企业', '专班', '支队', '大队', '中队', '银行', '集团', '街道', '乡', '镇', '委员会', '办公室', '法院',
      '检察院', '学校', '党校', '学院', '大学', '中学', '小学', '中小学', '幼儿园', '医院', '卫生院', '馆', '台', '协会', '总会', '行', '园区', '管委会', '办事处', '司', '军分区', '武装部', '人武部', '人大', '政协',
      '海关', '营业部', '分行', '支行', '管理处', '分中心', '研究院', '研究所', '大学', '学院', '高新区', '开发区', '经开区', '新区', '试验区',
      '示范区', '保税区', '综保区', '联络处', '监管局', '分局', '日报社', '电视台', '广播电视台', '报社', '供销社', '联社', '合作社', '纪委监委',
      '监委', '督查室', '编办', '网信办', '总工会', '妇联', '残联', '科协', '侨联', '文联', '工商联', '红十字会', '团委', '海事局', '中心校',
      '服务中心', '事务中心', '保障中心', '分公司', '子公司', '有限公司', '集团公司', '农商银行', '信用社', '邮政', '铁塔', '水务', '燃气',
      '工作站', '指挥部', '领导小组', '联席会议', '工作组', '机关', '党组', '党委', '党工委', '工委', '政法委', '宣传部', '组织部', '统战部',
      '股', '股室', '科室', '处室',
    ],
    levels: ['省', '市', '县', '区', '州', '旗', '盟', '镇', '乡', '国家', '国务院', '中央', '自治区', '自治州', '自治县'],
    names: [],
    collectivePrefixes: ['各', '其他', '其它', '有关', '相关', '所有', '全体', '各级'],
    collectiveSuffixes: ['单位', '部门', '企业', '机构', '经办银行', '电信企业', '金融机构', '各乡镇', '各街道'],
  },
  conventions: {
    first: ['排在首位', '排在第一位', '排在第一', '排序第一', '排名第一', '排名首位', '排列第一', '列第一位', '列在第一位', '列于首位', '列首位', '列第一', '居首位', '居于首位', '位于首位', '名列第一', '首位', '第一位', '第一个', '首个', '最前面', '最前', '第1位', '第1个'],
    following: ['以下均同', '以下同', '下均同', '下同', '后均同', '后同', '以后同', '后文同', '以下皆同', '下皆同', '下类同'],
  },
} satisfies LexiconData;

/** The lexicon's word lists with nothing left out: the defaults and a user's additions together. */
export interface LexiconTables {
  readonly roles: Record<Role, { labels: string[]; verbs: string[] }>;
  readonly jointLead: string[];
  readonly modifiers: string[];
  readonly verbTails: string[];
  readonly persons: string[];
  readonly fields: string[];
  readonly units: { suffixes: string[]; levels: string[]; names: string[]; collectivePrefixes: string[]; collectiveSuffixes: string[] };
  readonly conventions: { first: string[]; following: string[] };
}

/** A lexicon with its patterns compiled: what every recogniser reads through. */
export interface Lexicon {
  readonly data: LexiconTables;
  /** `LABEL :` at the start of a segment; group 1 is the label */
  readonly label: RegExp;
  /** a segment that is only a label (【牵头单位】): group 1 */
  readonly bareLabel: RegExp;
  /** what a label is: a role, people, or another field */
  labelKind(label: string): { kind: 'role'; role: Role } | { kind: 'person' } | { kind: 'field' };
  /** `…[等…][modifier]VERB` at the end of a segment; group 1 is the verb */
  readonly verbSuffix: RegExp;
  /** `…VERB TAIL` with a tail the lexicon knows (负责组织实施); group 1 the verb */
  readonly verbTail: RegExp;
  /** `…VERB TAIL` with any short tail, for sentences in running text (负责建立健全…); group 1 the verb */
  readonly verbAnyTail: RegExp;
  roleOfVerb(verb: string): Role;
  /** the role of a role word or label said alone (牵头, 配合单位, 负责), or null: A（牵头）、B（配合） in a list */
  roleMark(word: string): Role | null;
  /** any role word at all: gates brackets and flags unread clauses */
  readonly roleWord: RegExp;
  /** a role word or a label of people: what makes a bracket worth reading */
  readonly clauseWord: RegExp;
  /** a role word or 会同: what makes a sentence of running text worth reading */
  readonly sentenceWord: RegExp;
  /** `会同` and its kin, splitting a list into its leader and the rest */
  readonly jointLead: RegExp;
  readonly unitSuffix: RegExp;
  /** an ending that alone makes a name an organisation in running text: two characters or more, or 局/委/厅/办 */
  readonly strongSuffix: RegExp;
  /** a name that opens with its level or place: 县…, 江屿市… */
  readonly levelPrefix: RegExp;
  readonly collective: RegExp;
  /** a collective by its ending alone (…有关单位, 各乡镇): what running text must show to count as one */
  readonly collectiveEnd: RegExp;
  readonly names: ReadonlySet<string>;
  /** first-listed-lead statements */
  readonly firstListed: RegExp;
  readonly following: RegExp;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Longest first, so that 牵头负责 wins over 牵头. */
const alt = (list: readonly string[]): string => [...new Set(list)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape).join('|');

function merged(user: LexiconData | undefined): LexiconTables {
  const d = DEFAULT_LEXICON;
  const u = user ?? {};
  const cat = (a: readonly string[] | undefined, b: readonly string[] | undefined): string[] => [...(a ?? []), ...(b ?? [])];
  const role = (r: Role) => ({ labels: cat(d.roles[r].labels, u.roles?.[r]?.labels), verbs: cat(d.roles[r].verbs, u.roles?.[r]?.verbs) });
  return {
    roles: { lead: role('lead'), responsible: role('responsible'), cooperate: role('cooperate') },
    jointLead: cat(d.jointLead, u.jointLead),
    modifiers: cat(d.modifiers, u.modifiers),
    verbTails: cat(d.verbTails, u.verbTails),
    persons: cat(d.persons, u.persons),
    fields: cat(d.fields, u.fields),
    units: {
      suffixes: cat(d.units.suffixes, u.units?.suffixes),
      levels: cat(d.units.levels, u.units?.levels),
      names: cat(d.units.names, u.units?.names),
      collectivePrefixes: cat(d.units.collectivePrefixes, u.units?.collectivePrefixes),
      collectiveSuffixes: cat(d.units.collectiveSuffixes, u.units?.collectiveSuffixes),
    },
    conventions: {
      first: cat(d.conventions.first, u.conventions?.first),
      following: cat(d.conventions.following, u.conventions?.following),
    },
  };
}

/** Compile a lexicon: the defaults plus what `user` adds. */
export function compileLexicon(user?: LexiconData): Lexicon {
  const data = merged(user);
  const roles = data.roles;
  const ROLES: Role[] = ['lead', 'responsible', 'cooperate'];
  const labelRole = new Map<string, Role>();
  const verbRole = new Map<string, Role>();
  for (const r of ROLES) {
    for (const l of roles[r].labels) labelRole.set(l, r);
    for (const v of roles[r].verbs) verbRole.set(v, r);
  }
  // A为责任单位, B是配合单位, C作为牵头单位: a label said as a predicate is a verb.
  for (const r of ROLES) for (const l of roles[r].labels) if (l.length >= 3) for (const be of ['为', '是', '作为']) if (!verbRole.has(be + l)) verbRole.set(be + l, r);
  const persons = new Set(data.persons);
  // A role verb before a colon is a label too: 牵头负责：A / 具体落实：B / 协同配合：C.
  for (const [verb, role] of verbRole) if (!labelRole.has(verb) && !verb.startsWith('为') && !verb.startsWith('是') && !verb.startsWith('作为')) labelRole.set(verb, role);
  const labels = alt([...labelRole.keys(), ...persons, ...data.fields]);
  const verbs = alt([...verbRole.keys()]);
  const modifiers = alt(data.modifiers);
  const etc = '(?:等(?:[\\u4e00-\\u9fa5]{0,6}?(?:部门|单位|机构|企业))?)?';
  const suffix = data.units.suffixes;
  return {
    data,
    label: new RegExp(`^(${labels})\\s*[:：]\\s*`),
    bareLabel: new RegExp(`^(${labels})$`),
    labelKind(label) {
      const role = labelRole.get(label);
      if (role) return { kind: 'role', role };
      return persons.has(label) ? { kind: 'person' } : { kind: 'field' };
    },
    verbSuffix: new RegExp(`${etc}\\s*(?:${modifiers})?\\s*(?:${modifiers})?\\s*(${verbs})$`),
    verbTail: new RegExp(`${etc}\\s*(?:${modifiers})?\\s*(?:${modifiers})?\\s*(${verbs})(?:${alt(data.verbTails)})$`),
    // 负责人, 负责同志, 负责制 are nouns, not a verb with its object.
    verbAnyTail: new RegExp(`${etc}\\s*(?:${modifiers})?\\s*(?:${modifiers})?\\s*(${verbs})(?:${alt(data.verbTails)}|(?![人制同]|办法|方案|细则|意见|计划|机制)[\\u4e00-\\u9fa5“”「」]{1,30})$`),
    roleOfVerb(verb) {
      const exact = verbRole.get(verb);
      if (exact) return exact;
      // A user's verb may combine ours: the first role word in it decides.
      for (const r of ROLES) if (roles[r].verbs.some((v) => verb.startsWith(v))) return r;
      return 'responsible';
    },
    roleMark: (word) => verbRole.get(word) ?? labelRole.get(word) ?? null,
    roleWord: new RegExp(`${verbs}|${alt([...labelRole.keys()])}`),
    sentenceWord: new RegExp(`${verbs}|${alt(data.jointLead)}`),
    clauseWord: new RegExp(`${verbs}|${alt([...labelRole.keys()])}|(?:${alt([...persons])})\\s*:`),
    jointLead: new RegExp(`^(.+?)(?:要|应|将|须)?(?:${alt(data.jointLead)})(.+)$`),
    unitSuffix: new RegExp(`(?:${alt(suffix)})$`),
    strongSuffix: new RegExp(`(?:${alt(suffix.filter((s) => s.length >= 2 || '局委厅办'.includes(s)))})$`),
    levelPrefix: new RegExp(`^(?:${alt(data.units.levels)}|[\\u4e00-\\u9fa5]{1,6}(?:省|市|县|区))`),
    collective: new RegExp(
      `^(?:${alt(data.units.collectivePrefixes)})|(?:${alt(data.units.collectiveSuffixes)})$|各(?:乡镇|乡|镇|街道|村|社区|县|市|区|州|省|部门|单位|级)`,
    ),
    // 各村, 各行政村, 各嘎查村, 各苏木镇: 各 and a kind of place, with up to three characters that say which kind.
    collectiveEnd: new RegExp(`(?:${alt(data.units.collectiveSuffixes)})$|^各[\\u4e00-\\u9fa5]{0,3}?(?:乡镇|乡|镇|街道|村|社区|嘎查|苏木|县|市|区|州|省|旗|盟)$`),
    names: new Set(data.units.names),
    firstListed: new RegExp(
      `(?:${alt(data.conventions.first)})[^,;。，；]{0,14}?(?:为|是|作为|即为|系|任|的)[^,;。，；]{0,10}?(?:牵头|主办|主责)(?:单位|部门)?`,
    ),
    following: new RegExp(alt(data.conventions.following)),
  };
}

/** A lexicon file that cannot be used: the file and the field are in the message. */
export class LexiconError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'LexiconError';
  }
}

/** The shipped lexicon, compiled once. */
export const defaultLexicon: Lexicon = compileLexicon();
