// Plan → the documents offices circulate. The one entry point of render/: it never prints (the CLI owns the console)
// and writes every file atomically, so a reader never sees half a document.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Plan } from '../model/schema.js';
import { ALL_FORMATS, planJobs, renderJob, type Format, type Job } from './jobs.js';
import { runOnWorkers } from './pool.js';
import { loadTemplates } from './templates.js';
import { writeFileAtomic } from './write-atomic.js';

export { ALL_FORMATS, type Format } from './jobs.js';
export { TemplateError } from './templates.js';

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
  /**
   * Worker threads for rendering (default: 1, in this thread). Measured on the sample on 2 cores: a worker takes
   * ~1.2 s to start under tsx and ~0.35 s to parse the font, more than it saves on ~3 s of rendering; worth it only
   * for much larger plans or more cores.
   */
  readonly workers?: number;
  /** Files the caller writes beside the documents (e.g. plan.json, review.html), relative to outDir, for index.md. */
  readonly listed?: readonly string[];
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

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_MIN_JOBS = 12;

export async function buildDocuments(plan: Plan, options: BuildOptions): Promise<BuildResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(options.date))) {
    throw new Error(`date must be YYYY-MM-DD, got "${options.date}"`);
  }
  const { date } = options;
  const templates = await loadTemplates(options.templatesDir);
  const jobs = planJobs(plan, new Set(options.formats ?? ALL_FORMATS), options.unit);
  const files: Array<BuiltFile | undefined> = new Array(jobs.length);
  let done = 0;
  const write = async (index: number, data: Uint8Array | string) => {
    const job = jobs[index];
    const file = path.join(options.outDir, ...job.rel.split('/'));
    const bytes = await writeFileAtomic(file, data);
    files[index] = { path: file, bytes, kind: job.kind, ...(job.unit !== undefined ? { unit: job.unit } : {}) };
    options.onProgress?.(++done, jobs.length, file);
  };

  // index.md lists the others, so it comes last, in this thread.
  const last = jobs.length - 1;
  const rest = jobs.slice(0, last).map((_, i) => i);
  const workers = Math.min(options.workers ?? 1, availableParallelism(), Math.ceil(rest.length / 4));
  if (workers > 1 && rest.length >= PARALLEL_MIN_JOBS) {
    await runOnWorkers({ plan, templatesDir: options.templatesDir, date, jobs, indices: rest, workers, onResult: write });
  } else {
    // Rendering is CPU work in this thread and writing happens on libuv's pool: start each write and go on to the
    // next document rather than wait for the disk (waiting was ~0.4 s of idle time for the sample's 160 files).
    const writing: Promise<void>[] = [];
    let failure: unknown = null;
    for (const i of rest) {
      if (failure) break;
      const data = await renderJob(jobs[i], plan, templates, date, jobs);
      writing.push(write(i, data).catch((error: unknown) => void (failure ??= error)));
    }
    await Promise.all(writing);
    if (failure) throw failure;
  }
  await write(last, await renderJob(jobs[last], plan, templates, date, jobs, options.listed));
  return { files: files as BuiltFile[] };
}

export type { Job };
