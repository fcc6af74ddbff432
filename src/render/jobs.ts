// What a build writes, as plain data (so worker threads can take jobs), and how one job becomes bytes.
import type { Plan, Role, Unit } from '../model/schema.js';
import type { Duty } from './duties.js';
import { indexMarkdown, type IndexEntry } from './index-md.js';
import { ROLE_RANK } from './plan-view.js';
import { allocateFileNames } from './safe-filename.js';
import type { Templates, TaskTableForm } from './templates.js';
import { namesCovered, sheetUnits, unitView } from './unit-view.js';

export type Format = 'docx' | 'pdf' | 'xlsx';
export type JobKind = 'task-table' | 'matrix' | 'ledger' | 'unit-sheet' | 'index';

export interface Job {
  /** path relative to the output folder, with / */
  readonly rel: string;
  readonly kind: JobKind;
  readonly format: Format | 'md';
  readonly unit?: string;
  /** For unit sheets: the plan's reporting duties with their subjects, read from the source text (see duties.ts). */
  readonly duties?: readonly Duty[];
  /** For the task table: full or compact (default: the template's form). */
  readonly table?: TaskTableForm;
}

export const ALL_FORMATS: readonly Format[] = ['docx', 'pdf', 'xlsx'];

function pickUnits(plan: Plan, wanted: string | undefined): Unit[] {
  const units = sheetUnits(plan);
  if (wanted === undefined) return units;
  const found = units.filter((u) => u.name === wanted || u.aliases.includes(wanted));
  if (found.length === 0) throw new Error(`no unit named "${wanted}" in the plan`);
  return found;
}

/** The whole-plan files, in the order a build writes them (those of the formats asked for). */
export const WHOLE_PLAN_JOBS: readonly (Job & { readonly format: Format })[] = [
  { rel: '任务分解表.docx', kind: 'task-table', format: 'docx' },
  { rel: '任务分解表.pdf', kind: 'task-table', format: 'pdf' },
  { rel: '责任矩阵.docx', kind: 'matrix', format: 'docx' },
  { rel: '责任矩阵.pdf', kind: 'matrix', format: 'pdf' },
  { rel: '责任矩阵.xlsx', kind: 'matrix', format: 'xlsx' },
  { rel: '台账.xlsx', kind: 'ledger', format: 'xlsx' },
];

/** The files a build writes, in order; index.md last, since it lists the others. */
export function planJobs(plan: Plan, formats: ReadonlySet<Format>, unit: string | undefined): Job[] {
  const jobs: Job[] = [];
  if (unit === undefined) for (const job of WHOLE_PLAN_JOBS) if (formats.has(job.format)) jobs.push(job);
  // Names are allocated over all units, so a unit's file name does not depend on which units were asked for.
  const names = allocateFileNames(sheetUnits(plan).map((u) => u.name));
  for (const u of pickUnits(plan, unit)) {
    const base = `units/${names.get(u.name)}`;
    if (formats.has('docx')) jobs.push({ rel: `${base}.docx`, kind: 'unit-sheet', format: 'docx', unit: u.name });
    if (formats.has('pdf')) jobs.push({ rel: `${base}.pdf`, kind: 'unit-sheet', format: 'pdf', unit: u.name });
  }
  jobs.push({ rel: 'index.md', kind: 'index', format: 'md' });
  return jobs;
}

/** PDF jobs go to render workers when there are any; everything else is rendered in the main thread. */
export function isPdfJob(job: Job): boolean {
  return job.format === 'pdf';
}

/**
 * Load the PDF renderers and open the font faces the templates name, so a render worker pays its start-up before
 * the Plan arrives (the faces are parsed once per thread and shared by every PDF it draws).
 */
export async function warmPdf(templates: Templates): Promise<void> {
  const [, , , fonts] = await Promise.all([
    import('./pdf/pdf-task-table.js'),
    import('./pdf/pdf-matrix.js'),
    import('./pdf/pdf-unit-sheet.js'),
    import('./pdf/pdf-fonts.js'),
  ]);
  const faces = new Set(Object.values(templates.document.fonts).map((role) => fonts.faceOf(role.pdf)));
  for (const face of faces) fonts.sharedFont(face);
}

/**
 * Render one job. Renderers are imported on first use: a thread that never writes a workbook never loads exceljs,
 * and one that writes no PDF never loads pdfkit and fontkit. Pure: the same plan, templates, date and job give the
 * same bytes, in any thread.
 * `listed` are files the caller writes beside the documents (plan.json, review.html), for index.md to list too.
 */
export async function renderJob(job: Job, plan: Plan, templates: Templates, date: string, jobs: readonly Job[], listed: readonly string[] = []): Promise<Uint8Array | string> {
  const unit = job.unit === undefined ? undefined : plan.units.find((u) => u.name === job.unit)!;
  switch (`${job.kind}/${job.format}`) {
    case 'task-table/docx':
      return (await import('./docx/docx-task-table.js')).taskTableDocx(plan, templates, date, job.table);
    case 'task-table/pdf':
      return (await import('./pdf/pdf-task-table.js')).taskTablePdf(plan, templates, date, { form: job.table });
    case 'matrix/docx':
      return (await import('./docx/docx-matrix.js')).matrixDocx(plan, templates, date);
    case 'matrix/pdf':
      return (await import('./pdf/pdf-matrix.js')).matrixPdf(plan, templates, date);
    case 'matrix/xlsx':
      return (await import('./xlsx/xlsx-matrix.js')).matrixXlsx(plan, templates, date);
    case 'ledger/xlsx':
      return (await import('./xlsx/xlsx-ledger.js')).ledgerXlsx(plan, templates, date);
    case 'unit-sheet/docx':
      return (await import('./docx/docx-unit-sheet.js')).unitSheetDocx(plan, unit!, templates, date, job.duties);
    case 'unit-sheet/pdf':
      return (await import('./pdf/pdf-unit-sheet.js')).unitSheetPdf(plan, unit!, templates, date, job.duties);
    case 'index/md': {
      const units = new Map(plan.units.map((u) => [u.name, u]));
      const counts = sheetCounts(plan, [...new Set(jobs.flatMap((j) => (j.unit === undefined ? [] : [units.get(j.unit)!])))]);
      const entries = [
        ...listed.map((rel): IndexEntry => ({ path: rel, kind: 'data' })),
        ...jobs.filter((j) => j.kind !== 'index').map((j): IndexEntry => ({ path: j.rel, kind: j.kind, unit: j.unit })),
      ];
      return indexMarkdown(plan, entries, date, counts);
    }
    default:
      throw new Error(`no renderer for ${job.kind}/${job.format}`);
  }
}

/**
 * The tasks each unit's sheet lists as led and as joined (its strongest role, over itself, its aliases and desks,
 * lead or not), as unitView counts them, for all the units at once: one pass over the tasks instead of one per unit
 * (index.md of 100× the sample took 11 s, quadratic in units × tasks).
 */
export function sheetCounts(plan: Plan, units: readonly Unit[]): Map<string, { lead: number; join: number }> {
  const covering = new Map<string, string[]>();
  for (const unit of units) {
    for (const name of namesCovered(plan, unit)) {
      const list = covering.get(name);
      if (list) list.push(unit.name);
      else covering.set(name, [unit.name]);
    }
  }
  const counts = new Map(units.map((u) => [u.name, { lead: 0, join: 0 }]));
  for (const annex of plan.annexes) {
    for (const task of annex.tasks) {
      const best = new Map<string, Role>();
      for (const a of task.assignments) {
        for (const sheet of covering.get(a.unit) ?? []) {
          const had = best.get(sheet);
          if (had === undefined || ROLE_RANK[a.role] < ROLE_RANK[had]) best.set(sheet, a.role);
        }
      }
      for (const [sheet, role] of best) counts.get(sheet)![role === 'lead' ? 'lead' : 'join']++;
    }
  }
  return counts;
}
