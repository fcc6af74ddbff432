// Plan → the documents offices circulate. The one entry point of render/: it never prints (the CLI owns the console)
// and writes every file atomically, so a reader never sees half a document.
import { availableParallelism } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import path from 'node:path';
import type { Plan } from '../model/schema.js';
import { collectGarbage } from './collect-garbage.js';
import { ALL_FORMATS, isPdfJob, planJobs, renderJob, type Format, type Job } from './jobs.js';
import { defaultWorkerCount, RenderWorkers } from './pool.js';
import { cadenceDuties } from './duties.js';
import { updateManifest } from './manifest.js';
import { loadTemplates, type TaskTableForm } from './templates.js';
import { writeFileAtomic, WritesStoppedError } from './write-atomic.js';

export { ALL_FORMATS, WHOLE_PLAN_JOBS as WHOLE_PLAN_FILES, type Format } from './jobs.js';
export { RenderWorkers } from './pool.js';

export { TemplateError } from './templates.js';

/**
 * Start PDF render workers now, to hand to `buildDocuments` later (default count: see BuildOptions.workers).
 * Resolves to undefined when none are worth starting. Loads the templates first (a broken one fails here, in this
 * thread, with its message). The caller closes the workers.
 */
export async function startRenderWorkers(count: number | undefined, templatesDir?: string): Promise<RenderWorkers | undefined> {
  const n = workerCount(count);
  return n > 0 ? new RenderWorkers(n, await loadTemplates(templatesDir)) : undefined;
}

/** Workers to start for a requested count (default: see BuildOptions.workers), never more than the cores. */
function workerCount(count: number | undefined): number {
  return Math.min(count ?? defaultWorkerCount(availableParallelism()), availableParallelism());
}

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
   * Worker threads for the PDFs, while this thread writes the Word files and workbooks: a count (0 = everything in
   * this thread), or workers started earlier with `startRenderWorkers` so that their start-up overlaps with
   * extraction (their templates are then used, and `templatesDir` is not read again). Default: one per extra core
   * (up to 3) when running compiled, none from source, where each worker would first load the TypeScript loader
   * (~1 s).
   */
  readonly workers?: number | RenderWorkers;
  /**
   * Files the caller adds beside the documents (plan.json, review.html): written like the documents (atomically, in
   * this thread, while workers draw the PDFs) and listed in index.md.
   */
  readonly extras?: readonly ExtraFile[];
  /**
   * The decoded source text the plan's spans point into (optional): the unit sheets' 调度报送要求 then name each
   * duty's subject and list only those that fall to the unit; without it every cadence is listed as written.
   */
  readonly source?: string | null;
  /** The task table's form: full (with 具体内容) or compact (default: the template's, full). */
  readonly table?: TaskTableForm;
  /** Called after each file is written (optional). */
  readonly onProgress?: (done: number, total: number, file: string) => void;
  /** Tasks from which a plan is built as a large one, one whole-plan file at a time (default: LARGE_PLAN_TASKS). */
  readonly largePlanTasks?: number;
  /**
   * Stops the build (optional; e.g. Ctrl-C): no document or write starts after it fires, no worker claims another
   * PDF, and the build rejects with a WritesStoppedError once the writes and PDFs under way have settled, leaving
   * whole files and no temp file. Files written before it fired stay.
   */
  readonly signal?: AbortSignal;
}

export interface ExtraFile {
  /** path relative to outDir, with / */
  readonly rel: string;
  readonly render: () => string | Uint8Array;
}

export interface BuiltFile {
  /** Path of the file written (outDir joined with its relative path). */
  readonly path: string;
  readonly bytes: number;
  /** task-table, matrix, ledger, unit-sheet, index, or data (an extra file). */
  readonly kind: string;
  readonly unit?: string;
}

export interface BuildResult {
  readonly files: BuiltFile[];
  /** Files an earlier run wrote into the folder that this one no longer writes, removed (see manifest.ts). */
  readonly removed: readonly string[];
  /** Files an earlier run wrote that this one no longer writes, left because they were changed since. */
  readonly kept: readonly string[];
}

/**
 * Every file `buildDocuments` would write with these options, relative to the output folder (with /), extras first:
 * for the caller to check before anything is written (inputs among them, symlinked folders on their way).
 */
export function plannedFiles(plan: Plan, options: Pick<BuildOptions, 'formats' | 'unit' | 'extras'>): string[] {
  const jobs = planJobs(plan, new Set(options.formats ?? ALL_FORMATS), options.unit);
  return [...(options.extras ?? []).map((e) => e.rel), ...jobs.map((j) => j.rel)];
}

/**
 * From this many tasks (15× the sample) a build is large: its whole-plan files (plan.json, the review page, the task
 * table, the matrices, the ledger; 400–800 MB of heap each at 100×) are rendered one at a time in this thread, each
 * written and let go, and its garbage collected, before the next; workers draw only the unit sheets. Below it the
 * whole-plan PDFs go to the workers too and writes overlap rendering, which is faster for small plans.
 */
export const LARGE_PLAN_TASKS = 2000;

/** A large plan's threads collect garbage after a document once their heap holds more than this. */
const COLLECT_ABOVE = 256 * 1024 * 1024;

/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_MIN_JOBS = 12;
/**
 * The main thread joins the workers on the PDFs when at least this many are left: loading pdfkit and the font
 * (~0.3 s) costs about as much as drawing 20 unit sheets.
 */
const MAIN_JOINS_AT = 20;

export async function buildDocuments(plan: Plan, options: BuildOptions): Promise<BuildResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date) || Number.isNaN(Date.parse(options.date))) {
    throw new Error(`date must be YYYY-MM-DD, got "${options.date}"`);
  }
  const { date, signal } = options;
  const stopped = () => new WritesStoppedError(`${options.outDir}: build stopped`, { cause: signal?.reason });
  if (signal?.aborted) throw stopped();
  const given = options.workers instanceof RenderWorkers ? options.workers : undefined;
  const templates = given?.templates ?? (await loadTemplates(options.templatesDir));
  const duties = cadenceDuties(plan, options.source);
  const jobs = planJobs(plan, new Set(options.formats ?? ALL_FORMATS), options.unit).map((j) => (j.kind === 'unit-sheet' ? { ...j, duties } : j.kind === 'task-table' && options.table ? { ...j, table: options.table } : j));
  const extras = options.extras ?? [];
  const files: BuiltFile[] = [];
  const total = extras.length + jobs.length;
  const written = async (file: string, data: Uint8Array | string, kind: string, unit?: string) => {
    const bytes = await writeFileAtomic(file, data, signal);
    files.push({ path: file, bytes, kind, ...(unit !== undefined ? { unit } : {}) });
    options.onProgress?.(files.length, total, file);
  };
  const write = (index: number, data: Uint8Array | string) => {
    const job = jobs[index];
    return written(path.join(options.outDir, ...job.rel.split('/')), data, job.kind, job.unit);
  };

  // index.md lists the others, so it comes last, in this thread.
  const last = jobs.length - 1;
  const rest = jobs.slice(0, last).map((_, i) => i);
  const pdfs = rest.filter((i) => isPdfJob(jobs[i]));
  const parallel = pdfs.length >= PARALLEL_MIN_JOBS;
  const ownCount = given === undefined && parallel ? workerCount(options.workers as number | undefined) : 0;
  const ownPool = ownCount > 0 ? new RenderWorkers(ownCount, templates) : undefined;
  const pool = parallel ? (given ?? ownPool) : undefined;
  const large = plan.annexes.reduce((n, a) => n + a.tasks.length, 0) >= (options.largePlanTasks ?? LARGE_PLAN_TASKS);
  const onWorkers = new Set(pool && pool.size > 0 ? pdfs.filter((i) => !large || jobs[i].unit !== undefined) : []);

  // Rendering is CPU work and writing happens on libuv's pool: start each write and go on to the next document
  // rather than wait for the disk (waiting was ~0.4 s of idle time for the sample's 160 files).
  const writing: Promise<void>[] = [];
  let failure: unknown = null;
  const track = (promise: Promise<void>): void => {
    writing.push(promise.catch((error: unknown) => void (failure ??= error)));
  };
  const keep = (index: number, data: Uint8Array | string): void => track(write(index, data));
  try {
    const onPool = pool?.render(plan, date, jobs, [...onWorkers], jobWeights(plan), keep, large ? COLLECT_ABOVE : undefined, signal);
    onPool?.done.catch((error: unknown) => void (failure ??= error));
    for (const extra of extras) {
      if (signal?.aborted) break;
      const file = path.join(options.outDir, ...extra.rel.split('/'));
      if (!large) track(written(file, extra.render(), 'data'));
      else {
        await written(file, extra.render(), 'data');
        collectGarbage();
      }
    }
    const renderHere = async (i: number) => {
      if (large && jobs[i].unit === undefined) {
        // A whole-plan document of a large plan: written and let go before the next one is started.
        const wrote = write(i, await renderJob(jobs[i], plan, templates, date, jobs));
        track(wrote);
        await wrote.catch(() => undefined);
        collectGarbage();
      } else {
        keep(i, await renderJob(jobs[i], plan, templates, date, jobs));
        if (large && getHeapStatistics().used_heap_size > COLLECT_ABOVE) collectGarbage();
      }
      // Let the workers' results in between documents, so their writes start while this thread renders.
      if (onPool) await new Promise((resolve) => setImmediate(resolve));
    };
    for (const i of rest) {
      if (failure || signal?.aborted) break;
      if (!onWorkers.has(i)) await renderHere(i);
    }
    // Then help with the PDFs, if enough are left to pay for loading pdfkit and the font in this thread too.
    if (onPool && onPool.remaining() >= MAIN_JOINS_AT) {
      for (let i = onPool.claim(); i !== undefined && !failure && !signal?.aborted; i = onPool.claim()) await renderHere(i);
    }
    await onPool?.done.catch(() => undefined);
    await Promise.all(writing);
    if (signal?.aborted) throw stopped();
    if (failure) throw failure;
  } finally {
    await ownPool?.close();
  }
  await write(last, await renderJob(jobs[last], plan, templates, date, jobs, extras.map((e) => e.rel)));
  // In the order of index.md (extras, then the jobs), whatever order the writes finished in.
  const order = new Map([...extras.map((e) => e.rel), ...jobs.map((j) => j.rel)].map((rel, i) => [path.join(options.outDir, ...rel.split('/')), i]));
  const wrote = [...extras.map((e) => ({ rel: e.rel, format: 'data' })), ...jobs.map((j) => ({ rel: j.rel, format: j.format, unit: j.unit }))];
  const { removed, kept } = await updateManifest(options.outDir, wrote, { formats: new Set(options.formats ?? ALL_FORMATS), unit: options.unit });
  return { files: files.sort((a, b) => order.get(a.path)! - order.get(b.path)!), removed, kept };
}

/** Rough cost of each job, to share PDFs fairly among workers: the tasks it lists. */
function jobWeights(plan: Plan): (job: Job) => number {
  const tasks = plan.annexes.flatMap((a) => a.tasks);
  const byUnit = new Map<string, number>();
  for (const t of tasks) for (const unit of new Set(t.assignments.map((a) => a.unit))) byUnit.set(unit, (byUnit.get(unit) ?? 0) + 1);
  return (job) => (job.unit === undefined ? tasks.length * (job.kind === 'task-table' ? 2 : 1) : 1 + (byUnit.get(job.unit) ?? 0));
}

export type { Job };
