// Plan → the documents offices circulate. The one entry point of render/: it never prints (the CLI owns the console)
// and writes every file atomically, so a reader never sees half a document.
import path from 'node:path';
import type { Plan, Unit } from '../model/schema.js';
import { taskTableDocx } from './docx/docx-task-table.js';
import { matrixDocx } from './docx/docx-matrix.js';
import { unitSheetDocx } from './docx/docx-unit-sheet.js';
import { indexMarkdown, type IndexEntry } from './index-md.js';
import { taskTablePdf } from './pdf/pdf-task-table.js';
import { matrixPdf } from './pdf/pdf-matrix.js';
import { unitSheetPdf } from './pdf/pdf-unit-sheet.js';
import { allocateFileNames } from './safe-filename.js';
import { loadTemplates } from './templates.js';
import { sheetUnits, unitView } from './unit-view.js';
import { writeFileAtomic } from './write-atomic.js';
import { ledgerXlsx } from './xlsx/xlsx-ledger.js';
import { matrixXlsx } from './xlsx/xlsx-matrix.js';

export type Format = 'docx' | 'pdf' | 'xlsx';

export interface BuildOptions {
  /** Folder to write into; created when missing. */
  readonly outDir: string;
  /** Formats to write (default: all three). */
  readonly formats?: readonly Format[];
  /** Only this unit's 责任清单 (by name or alias), without the whole-plan files (default: everything). */
  readonly unit?: string;
  /** Folder whose template files replace the shipped ones, file by file (default: none). */
  readonly templatesDir?: string;
  /** YYYY-MM-DD printed on the documents and stored as their creation date; the same date gives the same bytes. */
  readonly date: string;
  /** Called after each file is written (optional). */
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

export interface BuiltFile {
  /** Path of the file written (outDir joined with its relative path). */
  readonly path: string;
  readonly bytes: number;
  /** task-table, matrix, ledger, unit-sheet or index. */
  readonly kind: string;
  readonly unit?: string;
}

export interface BuildResult {
  readonly files: BuiltFile[];
}

interface Job {
  readonly rel: string;
  readonly kind: string;
  readonly unit?: string;
  readonly make: () => Promise<Uint8Array | string>;
}

export const ALL_FORMATS: readonly Format[] = ['docx', 'pdf', 'xlsx'];

function pickUnits(plan: Plan, wanted: string | undefined): Unit[] {
  const units = sheetUnits(plan);
  if (wanted === undefined) return units;
  const found = units.filter((u) => u.name === wanted || u.aliases.includes(wanted));
  if (found.length === 0) throw new Error(`no unit named "${wanted}" in the plan`);
  return found;
}

export async function buildDocuments(plan: Plan, options: BuildOptions): Promise<BuildResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(options.date))) {
    throw new Error(`date must be YYYY-MM-DD, got "${options.date}"`);
  }
  const { date } = options;
  const formats = new Set(options.formats ?? ALL_FORMATS);
  const templates = await loadTemplates(options.templatesDir);
  const jobs: Job[] = [];
  if (options.unit === undefined) {
    if (formats.has('docx')) jobs.push({ rel: '任务分解表.docx', kind: 'task-table', make: () => taskTableDocx(plan, templates, date) });
    if (formats.has('pdf')) jobs.push({ rel: '任务分解表.pdf', kind: 'task-table', make: () => taskTablePdf(plan, templates, date) });
    if (formats.has('docx')) jobs.push({ rel: '责任矩阵.docx', kind: 'matrix', make: () => matrixDocx(plan, templates, date) });
    if (formats.has('pdf')) jobs.push({ rel: '责任矩阵.pdf', kind: 'matrix', make: () => matrixPdf(plan, templates, date) });
    if (formats.has('xlsx')) jobs.push({ rel: '责任矩阵.xlsx', kind: 'matrix', make: () => matrixXlsx(plan, templates, date) });
    if (formats.has('xlsx')) jobs.push({ rel: '台账.xlsx', kind: 'ledger', make: () => ledgerXlsx(plan, templates, date) });
  }
  // Names are allocated over all units, so a unit's file name does not depend on which units were asked for.
  const names = allocateFileNames(sheetUnits(plan).map((u) => u.name));
  const counts = new Map<string, { lead: number; join: number }>();
  for (const unit of pickUnits(plan, options.unit)) {
    const v = unitView(plan, unit);
    counts.set(unit.name, { lead: v.lead.length, join: v.join.length });
    const base = `units/${names.get(unit.name)}`;
    if (formats.has('docx')) jobs.push({ rel: `${base}.docx`, kind: 'unit-sheet', unit: unit.name, make: () => unitSheetDocx(plan, unit, templates, date) });
    if (formats.has('pdf')) jobs.push({ rel: `${base}.pdf`, kind: 'unit-sheet', unit: unit.name, make: () => unitSheetPdf(plan, unit, templates, date) });
  }
  jobs.push({
    rel: 'index.md',
    kind: 'index',
    make: async () => indexMarkdown(plan, jobs.filter((j) => j.kind !== 'index').map((j): IndexEntry => ({ path: j.rel, kind: j.kind, unit: j.unit })), date, counts),
  });

  const files: BuiltFile[] = [];
  for (const job of jobs) {
    const file = path.join(options.outDir, ...job.rel.split('/'));
    const bytes = await writeFileAtomic(file, await job.make());
    files.push({ path: file, bytes, kind: job.kind, ...(job.unit !== undefined ? { unit: job.unit } : {}) });
    options.onProgress?.(files.length, jobs.length, file);
  }
  return { files };
}
