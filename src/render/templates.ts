// Layout lives in templates/*.json so offices can restyle documents without touching code; this file is the contract.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * One typographic role. `word` names the font Word should use (the reader's machine supplies it); `pdf` picks the
 * embedded face: `regular` (Noto Serif SC), `bold` (Noto Serif SC Bold, for titles), `sans` (Noto Sans SC Medium,
 * standing in for 黑体), or `stroked` (the regular face filled and outlined, a synthetic bold that adds no glyphs to
 * the file). Each face is subsetted: it costs ~200 bytes per distinct character it sets.
 */
const FontRole = z.object({
  word: z.string().min(1),
  pdf: z.enum(['regular', 'bold', 'sans', 'stroked']),
  size: z.number().positive().describe('points'),
  bold: z.boolean(),
});

const Column = z.object({ key: z.string(), label: z.string(), width: z.number().positive().describe('relative width') });
export type Column = z.infer<typeof Column>;

const Orientation = z.enum(['portrait', 'landscape']);
export type Orientation = z.infer<typeof Orientation>;

export const DocumentTemplate = z.object({
  page: z.object({
    size: z.literal('A4'),
    margins: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }).describe('millimetres'),
    landscapeMargins: z
      .object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() })
      .optional()
      .describe('millimetres, for landscape tables; default: the portrait margins turned with the page (GB/T 9704: a landscape table faces the binding edge)'),
    footerDistance: z.number().describe('millimetres from the page foot to the page number'),
  }),
  fonts: z.object({
    title: FontRole,
    heading1: FontRole,
    heading2: FontRole,
    body: FontRole,
    table: FontRole,
    tableHeader: FontRole,
    footer: FontRole,
  }),
  latinFont: z.string(),
  pageNumber: z.string().includes('{n}'),
  lineSpacing: z.number().min(1).max(3).describe('body line height as a multiple of the font size'),
  tableLineSpacing: z.number().min(1).max(3),
  creator: z.string(),
});
export type DocumentTemplate = z.infer<typeof DocumentTemplate>;
export type FontRoleName = keyof DocumentTemplate['fonts'];

/** A task-table column: its width is measured from what it holds (see table-layout.ts), within optional bounds. */
const TaskColumn = z.object({
  key: z.enum(['no', 'category', 'task', 'content', 'lead', 'responsible', 'cooperate', 'leaders', 'targets', 'deadlines']),
  label: z.string(),
  minEm: z.number().positive().optional().describe('narrowest width in em of the table font'),
  maxEm: z.number().positive().optional().describe('widest width in em of the table font'),
});
export type TaskColumn = z.infer<typeof TaskColumn>;

export const TaskTableForm = z.enum(['full', 'compact']);
export type TaskTableForm = z.infer<typeof TaskTableForm>;

export const TaskTableTemplate = z.object({
  orientation: Orientation,
  title: z.string(),
  annexHeading: z.string(),
  tableFontSize: z.number().positive(),
  columns: z.array(TaskColumn).min(1),
  /** full: with 具体内容; compact: without it, the one-page-per-annex overview (`--table compact`). */
  form: TaskTableForm.default('full'),
  compactTitle: z.string().default('{planName}任务分解简表'),
  /**
   * A column filled for fewer than this share of the plan's tasks is folded into the column before it, labelled
   * (配合单位 for 4 tasks of 135 becomes a 配合：… line under 责任单位); 0 keeps every column that has any text.
   */
  foldBelow: z.number().min(0).max(1).default(0.1),
  uncategorised: z.string(),
  continued: z.string(),
});
export type TaskTableTemplate = z.infer<typeof TaskTableTemplate>;

export const MatrixTemplate = z.object({
  orientation: Orientation,
  title: z.string(),
  summaryHeading: z.string(),
  detailHeading: z.string(),
  annexHeading: z.string(),
  unitColumnLabel: z.string(),
  totalColumnLabel: z.string(),
  countFormat: z.string(),
  unitColumnWidth: z.number().positive().describe('millimetres'),
  maxTaskColumns: z.number().int().positive(),
  tableFontSize: z.number().positive(),
  marks: z.object({ lead: z.string(), responsible: z.string(), cooperate: z.string() }),
  legend: z.string(),
  sheetName: z.string().min(1).max(31),
  summarySheetName: z.string().min(1).max(31),
});
export type MatrixTemplate = z.infer<typeof MatrixTemplate>;

export const UnitSheetTemplate = z.object({
  orientation: Orientation,
  title: z.string(),
  tableFontSize: z.number().positive(),
  summaryHeading: z.string(),
  leadHeading: z.string(),
  joinHeading: z.string(),
  groupsHeading: z.string(),
  cadenceHeading: z.string(),
  leadColumns: z.array(Column).min(1),
  joinColumns: z.array(Column).min(1),
  blankLine: z.string(),
  noTasks: z.string(),
  roleLabels: z.object({ lead: z.string(), responsible: z.string(), cooperate: z.string() }),
});
export type UnitSheetTemplate = z.infer<typeof UnitSheetTemplate>;

const LedgerColumn = Column.extend({
  editable: z.boolean().default(false).describe('a column the receiving unit fills in; all others are locked'),
});

export const LedgerTemplate = z.object({
  summarySheetName: z.string().min(1).max(31),
  sheetName: z.string().min(1),
  title: z.string(),
  columns: z.array(LedgerColumn).min(1),
  statuses: z.array(z.string().min(1)).min(1),
  defaultStatus: z.string().nullable().default(null).describe('the status a new ledger starts with (one of statuses)'),
});
export type LedgerTemplate = z.infer<typeof LedgerTemplate>;

const DiffFont = z.object({ eastAsia: z.string(), ascii: z.string() });

/** templates/diff.json: the 修订对照表 (change reports in Word and PDF); a caller may pass its own to restyle the table. */
export const DiffTemplate = z.object({
  page: z.object({
    orientation: z.enum(['landscape', 'portrait']),
    widthMm: z.number().positive(),
    heightMm: z.number().positive(),
    margin: z.object({ topMm: z.number(), bottomMm: z.number(), leftMm: z.number(), rightMm: z.number() }),
  }),
  fonts: z.object({ body: DiffFont, heading: DiffFont }),
  sizes: z.object({ titlePt: z.number(), headingPt: z.number(), bodyPt: z.number(), tablePt: z.number() }),
  title: z.string(),
  columns: z.array(z.object({ key: z.enum(['index', 'place', 'old', 'new', 'note']), label: z.string(), widthPct: z.number().positive() })).length(5),
  colors: z.object({ deleted: z.string(), inserted: z.string(), headerFill: z.string() }),
});
export type DiffTemplate = z.infer<typeof DiffTemplate>;

const BulletinColumn = <K extends readonly [string, ...string[]]>(keys: K) => z.object({ key: z.enum(keys), label: z.string(), width: z.number().positive().describe('relative width') });

/** templates/bulletin.json: the 督办通报 and the 催办单 (`fenjie track report`); page and fonts from document.json. */
export const BulletinTemplate = z.object({
  orientation: Orientation,
  title: z.string(),
  subtitle: z.string(),
  source: z.string(),
  tableFontSize: z.number().positive(),
  headings: z.object({ overview: z.string(), annexes: z.string(), overdue: z.string(), lagging: z.string(), dueSoon: z.string(), silent: z.string(), requirements: z.string() }),
  requirements: z.string(),
  none: z.string(),
  noLead: z.string(),
  annexColumns: z.array(BulletinColumn(['annex', 'tasks', 'done', 'progress', 'late', 'notStarted', 'share'])).min(1),
  taskColumns: z.array(BulletinColumn(['no', 'id', 'task', 'lead', 'deadline', 'status', 'last'])).min(1),
  reminder: z.object({
    folder: z.string().min(1),
    title: z.string(),
    addressee: z.string(),
    intro: z.string(),
    columns: z.array(BulletinColumn(['no', 'id', 'task', 'role', 'deadline', 'overdue', 'last'])).min(1),
    signature: z.string(),
  }),
  fileNames: z.object({ bulletin: z.string().min(1), ledger: z.string().min(1) }),
});
export type BulletinTemplate = z.infer<typeof BulletinTemplate>;

export interface Templates {
  readonly document: DocumentTemplate;
  readonly taskTable: TaskTableTemplate;
  readonly matrix: MatrixTemplate;
  readonly unitSheet: UnitSheetTemplate;
  readonly ledger: LedgerTemplate;
  readonly diff: DiffTemplate;
  readonly bulletin: BulletinTemplate;
}

/** File name → schema; an override folder may hold any subset of these files. */
const FILES = {
  document: ['document.json', DocumentTemplate],
  taskTable: ['task-table.json', TaskTableTemplate],
  matrix: ['matrix.json', MatrixTemplate],
  unitSheet: ['unit-sheet.json', UnitSheetTemplate],
  ledger: ['ledger.json', LedgerTemplate],
  diff: ['diff.json', DiffTemplate],
  bulletin: ['bulletin.json', BulletinTemplate],
} as const;

/** The shipped defaults, found relative to this module so it works from any working directory. */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

async function readJson(file: string): Promise<unknown | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TemplateError(`template ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** A template file that cannot be used: the user's to fix, named with the field at fault. */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/**
 * Load the layout templates: each file from `overrideDir` when it holds one, else the shipped default.
 * Throws TemplateError with the file path and the failing field when a template does not match its schema.
 */
export async function loadTemplates(overrideDir?: string): Promise<Templates> {
  const entries = await Promise.all(
    Object.entries(FILES).map(async ([key, [file, schema]]) => {
      const override = overrideDir ? path.join(overrideDir, file) : undefined;
      const fromOverride = override ? await readJson(override) : undefined;
      const source = fromOverride !== undefined ? override! : path.join(DEFAULT_TEMPLATES_DIR, file);
      const raw = fromOverride ?? (await readJson(source));
      if (raw === undefined) throw new TemplateError(`template ${source} is missing`);
      const parsed = (schema as z.ZodType).safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new TemplateError(`template ${source}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
      }
      return [key, parsed.data] as const;
    }),
  );
  return Object.fromEntries(entries) as unknown as Templates;
}
