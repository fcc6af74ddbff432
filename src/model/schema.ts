// The Plan: the public contract of fenjie. Types, validation and the published JSON Schema all come from here.
import { z } from 'zod';

export const SCHEMA_VERSION = '2.2.0';

/**
 * Where an item came from: offsets into the decoded source text (0-based), line and column 1-based (unist convention);
 * for paged or multi-file sources also the file, page or sheet its start lies in.
 */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  endLine: z.number().int().positive(),
  endColumn: z.number().int().positive(),
  file: z.string().optional().describe('the input file (a notice read from several files): its path as given, one of source.files'),
  page: z.number().int().positive().optional().describe('page of a PDF or OFD, from 1'),
  sheet: z.string().optional().describe('sheet of a workbook'),
  box: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .optional()
    .describe("where it stands on its page: [left, top, right, bottom] from the page's top-left corner, in points (PDF) or millimetres (OFD): the lines it covers on the page it starts on"),
  ocr: z.literal(true).optional().describe('read by OCR: check the figures against the scan'),
});
export type Span = z.infer<typeof Span>;

/** A piece of source text as written, with its place: `source.slice(span.start, span.end) === raw`. */
export const Mention = z.object({ raw: z.string(), span: Span });
export type Mention = z.infer<typeof Mention>;

export const Role = z.enum(['lead', 'responsible', 'cooperate']);
export type Role = z.infer<typeof Role>;

/** 更正: an item a person changed through the corrections file (`*.fixes.json`), so an auditor tells it from what was read. */
export const Correction = z.object({
  op: z.string().describe('the fix operation: set-role, add-unit, merge-units, split-unit, set-lead, mark-person, rename-unit'),
  reason: z.string(),
  at: z.string().describe('ISO date of the fix'),
});
export type Correction = z.infer<typeof Correction>;

/** 工作目标 / 量化指标: a quantified target such as 旅游总收入 增长 15 % 左右. */
export const Target = z.object({
  indicator: z.string().describe('what is measured, e.g. 旅游总收入'),
  verb: z.string().nullable().describe('增长 / 达到 / 新增 / 提高到 / 保持 …; null when the text puts the value straight after the indicator'),
  value: z.number(),
  unit: z.string().describe('%, 户, 件, 亿元, 元/月/人 …'),
  qualifier: z.string().nullable().describe('以上 / 左右 / 以下 / 力争 …'),
  raw: z.string(),
  span: Span,
});
export type Target = z.infer<typeof Target>;

/** 完成时限: a date (2025年底前), a cadence (每季度) or an open-ended term (长期). */
export const Deadline = z.object({
  kind: z.enum(['by-date', 'recurring', 'ongoing']),
  date: z.string().nullable().describe('ISO date the term ends on, where the text gives one'),
  period: z.string().nullable().describe('for recurring deadlines: year, half-year, quarter, month, ten-days, week'),
  raw: z.string(),
  span: Span,
});
export type Deadline = z.infer<typeof Deadline>;

/** One unit's role in one task, read from one responsibility clause (`task.clauses[clause]`). */
export const Assignment = z.object({
  role: Role,
  unit: z.string().describe('canonical unit name: a level prefix shared through a list written out, an alias resolved'),
  raw: z.string().describe('the unit as written in the clause (for a member of a resolved collective: the collective as written)'),
  clause: z.number().int().nonnegative().describe('index of the clause within the task (its text and what it covers are there)'),
  inferred: z.boolean().describe('true when the role comes from a convention or document rule, not the clause words'),
  rule: z.string().nullable().describe('the rule id that gave the role when inferred'),
  resolvedFrom: z.string().nullable().describe('the collective the unit was resolved from, e.g. 各成员单位'),
  desk: z.string().nullable().describe('the desk of a bureau, e.g. 科技 for 某局〈科技〉'),
  span: Span.describe('where `raw` stands'),
  mention: Mention.describe('`raw` and `span` again, under the name the plan.json contract\'s readers look for (the corpus scorer matches units as written by `mention.raw`)'),
  corrected: Correction.optional().describe('set when a fix changed or added this assignment'),
});
export type Assignment = z.infer<typeof Assignment>;

/** How a clause is written; each is one recogniser of `src/extract/forms/`. */
export const ClauseForm = z.enum(['parenthetical', 'line', 'sentence', 'table']);
export type ClauseForm = z.infer<typeof ClauseForm>;

/** The part of a task a clause speaks for: the whole task, one sub-item （1）①, or the sentences before it. */
export const Scope = z.object({
  kind: z.enum(['task', 'item', 'sentence']),
  span: Span,
});
export type Scope = z.infer<typeof Scope>;

/** A responsibility clause as found in the text: （A牵头，B按职责分工负责）, 责任单位：… lines, sentences, table cells. */
export const Clause = z.object({
  index: z.number().int().nonnegative(),
  form: ClauseForm,
  raw: z.string(),
  span: Span,
  scope: Scope.describe('the part of the task this clause assigns'),
});
export type Clause = z.infer<typeof Clause>;

/** 责任领导 / 牵头领导 / 分管领导: a person answerable for a task. People are never units. */
export const Leader = z.object({
  name: z.string().describe('the name as written, without the title: 周建华'),
  title: z.string().nullable().describe('the office where the text gives it: 副区长'),
  raw: z.string().describe('as written: 周建华（副区长）'),
  span: Span,
  corrected: Correction.optional().describe('set when a fix marked this name as a person'),
});
export type Leader = z.infer<typeof Leader>;

export const Task = z.object({
  id: z.string().regex(/^A\d+\.T\d+$/),
  number: z.string().describe('as numbered in the text: "8" or "(三)"'),
  section: z.string().nullable().describe('the section number it stands under, e.g. "(二)"'),
  sectionTitle: z.string().nullable(),
  title: z.string().describe('the heading sentence'),
  text: z.string().describe('the whole task text, responsibility clauses included'),
  clauses: z.array(Clause),
  assignments: z.array(Assignment),
  leaders: z.array(Leader),
  targets: z.array(Target).describe('the Targets stated inside this task'),
  deadlines: z.array(Deadline),
  span: Span,
});
export type Task = z.infer<typeof Task>;

/** 工作专班 (or any body the annex sets up to drive the action). */
export const WorkGroup = z.object({
  name: z.string(),
  convener: z.string().nullable().describe('召集人'),
  deputyConveners: z.array(z.string()).describe('副召集人'),
  members: z.array(z.string()).describe('成员单位, canonical names'),
  office: z.string().nullable().describe('办公室设在 …, canonical unit name'),
  officeDuties: z.string().nullable(),
  liaison: z.string().nullable().describe('what the text asks of member units, e.g. 各成员单位明确1名联络员'),
  raw: z.string(),
  span: Span,
});
export type WorkGroup = z.infer<typeof WorkGroup>;

/** A rule the document states about itself, such as 排序第一的责任单位为牵头单位. */
export const DocumentRule = z.object({
  id: z.string().describe('kebab-case rule id, e.g. first-listed-lead'),
  scope: z.enum(['annex', 'document', 'following']).describe('where it applies: this annex, the whole document, or this and every later clause'),
  raw: z.string(),
  span: Span,
});
export type DocumentRule = z.infer<typeof DocumentRule>;

export const Section = z.object({ number: z.string(), title: z.string(), span: Span });
export type Section = z.infer<typeof Section>;

export const Annex = z.object({
  id: z.string().regex(/^A\d+$/),
  number: z.number().int().nonnegative().describe('0 for a notice whose tasks stand in its own body'),
  title: z.string(),
  action: z.string().nullable().describe('the action the annex implements, e.g. 产业培塑行动'),
  goals: z.array(Target).describe("the Targets of the annex's 工作目标 section (a task's own Targets are its `targets`)"),
  sections: z.array(Section),
  tasks: z.array(Task),
  workGroup: WorkGroup.nullable(),
  rules: z.array(DocumentRule),
  span: Span,
});
export type Annex = z.infer<typeof Annex>;

export const Command = z.object({
  name: z.string().describe('e.g. …实施“八大行动”指挥部'),
  commander: z.string().nullable().describe('指挥长 / 组长'),
  executiveDeputy: z.string().nullable().describe('常务副指挥长 / 常务副组长'),
  deputies: z.array(z.string()),
  office: z.string().nullable(),
  raw: z.string(),
  span: Span,
});
export type Command = z.infer<typeof Command>;

/** A reporting or scheduling cadence the plan sets: 每旬调度更新, 月底收集更新, 旬调度、月通报、季讲评, 不少于1次/月. */
export const Cadence = z.object({
  period: z.string().describe('ten-days, month, quarter, year, …'),
  raw: z.string(),
  span: Span,
});
export type Cadence = z.infer<typeof Cadence>;

export const Notice = z.object({
  issuer: z.string().nullable(),
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  date: z.string().nullable().describe('ISO date'),
  recipients: z.array(z.string()),
  planTitle: z.string().nullable(),
  planName: z.string().nullable().describe('the plan name for titles, e.g. 实施“八大行动”'),
  command: Command.nullable(),
  cadences: z.array(Cadence),
});
export type Notice = z.infer<typeof Notice>;

export const Unit = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  parent: z.string().nullable(),
  kind: z.enum(['unit', 'collective']),
  members: z.array(z.string()),
  counts: z.object({ lead: z.number().int(), responsible: z.number().int(), cooperate: z.number().int() }),
  corrected: Correction.optional().describe('set when a fix merged, split, added or renamed this unit'),
});
export type Unit = z.infer<typeof Unit>;

export const Diagnostic = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  ruleId: z.string(),
  source: z.string(),
  message: z.string(),
  annex: z.string().nullable(),
  task: z.string().nullable(),
  span: Span.nullable(),
  actual: z.string().optional().describe('what the finding saw, e.g. a name written without separators'),
  expected: z.array(z.string()).optional().describe('what it would accept instead, e.g. the ways to split that name'),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export const SourceFormat = z.enum(['text', 'html', 'docx', 'pdf', 'doc', 'wps', 'xlsx', 'xls', 'ofd']);

/** One input file of a notice read from several files: where its text lies in the combined source. */
export const SourceFile = z.object({
  path: z.string(),
  sha256: z.string(),
  bytes: z.number().int().nonnegative(),
  format: SourceFormat,
  encoding: z.string(),
  start: z.number().int().nonnegative().describe('offset of the file\'s text in the combined source'),
  end: z.number().int().nonnegative(),
  annex: z.number().int().nonnegative().nullable().describe('the 附件 number this file was read as; null for the notice itself'),
  pages: z.number().int().positive().optional().describe('pages (PDF, OFD)'),
});
export type SourceFile = z.infer<typeof SourceFile>;

export const Source = z.object({
  path: z.string().describe('the input; for several files, the first (the notice) or the folder given'),
  sha256: z.string().describe('of the file; for several files, of their sha256 lines (sha256sum style, in order)'),
  format: SourceFormat.describe('of the file; for several files, of the first'),
  encoding: z.string(),
  script: z.enum(['simplified', 'traditional']).describe('traditional sources are read through a simplified view; spans and raw stay in the original'),
  chars: z.number().int().nonnegative(),
  lines: z.number().int().nonnegative(),
  pages: z.number().int().positive().optional().describe('pages (PDF, OFD)'),
  files: z.array(SourceFile).optional().describe('every input file, in the order read, when the notice came in several'),
});
export type Source = z.infer<typeof Source>;

export const Plan = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: Source,
  notice: Notice,
  goals: z.array(Target).describe("the Targets of the notice's 工作目标 / 主要目标 section: goals are where a Target stands, Target is what it is"),
  annexes: z.array(Annex),
  units: z.array(Unit),
  diagnostics: z.array(Diagnostic),
});
export type Plan = z.infer<typeof Plan>;

export function planJsonSchema(): unknown {
  return z.toJSONSchema(Plan, { target: 'draft-2020-12' });
}
