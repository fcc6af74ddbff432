// PDF rendering on worker threads. PDF layout, font subsetting and compression are most of a build's CPU time, and
// only PDF jobs need pdfkit, fontkit and the 15 MB font; the Word files and workbooks stay on the main thread, so no
// thread loads a library twice. Workers are started before the Plan exists (`startRenderWorkers`) so that their
// start-up (~0.3 s compiled: pdfkit, the font) overlaps with extraction. Results come back to the main thread,
// which alone writes files.
import { Worker } from 'node:worker_threads';
import type { Plan } from '../model/schema.js';
import type { Job } from './jobs.js';

/**
 * Compiled (dist/*.js), the worker is plain JavaScript; run from source (tsx, vitest), a small .mjs registers the
 * TypeScript loader first (~1 s more per worker).
 */
const COMPILED = import.meta.url.endsWith('.js');
const WORKER_ENTRY = new URL(COMPILED ? './render-worker.js' : './worker-entry.mjs', import.meta.url);

/** Messages to a worker: the plan (once), then job indices. */
export type ToWorker = { readonly plan: Plan; readonly date: string; readonly jobs: readonly Job[] } | { readonly index: number };
/** Messages from a worker. */
export type FromWorker = { readonly index: number; readonly bytes: Uint8Array } | { readonly index: number; readonly error: string };

/** Worker threads worth starting by default: one per extra core (up to 3) when running compiled, none from source. */
export function defaultWorkerCount(cores: number): number {
  return COMPILED ? Math.max(0, Math.min(cores, 4) - 1) : 0;
}

export class RenderWorkers {
  private readonly workers: Worker[] = [];
  /** The first failure of a worker (a broken template stops it at start-up), kept for render() to report. */
  private failure: Error | null = null;

  constructor(count: number, templatesDir: string | undefined) {
    for (let w = 0; w < count; w++) {
      const worker = new Worker(WORKER_ENTRY, { workerData: { templatesDir } });
      // An idle pool must not keep the process alive if the caller stops early (an error before the build).
      worker.unref();
      // Always listened to: a worker failing before render() is called must not become an uncaught error.
      worker.on('error', (error) => void (this.failure ??= error));
      worker.on('exit', (code) => void (code !== 0 && (this.failure ??= new Error(`render worker exited with code ${code}`))));
      this.workers.push(worker);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Render `indices` of `jobs`, handing each result to `onResult` as it arrives (in the main thread). Jobs are dealt
   * out up front, heaviest first to the least loaded worker (`weight`), rather than on request: the main thread is
   * busy rendering its own files and would answer a request for the next job late. The jobs are posted before
   * this returns its promise (a worker still starting up finds them queued), so the caller can go on with its own.
   */
  async render(
    plan: Plan,
    date: string,
    jobs: readonly Job[],
    indices: readonly number[],
    weight: (job: Job) => number,
    onResult: (index: number, bytes: Uint8Array) => void,
  ): Promise<void> {
    if (indices.length === 0 || this.workers.length === 0) return;
    if (this.failure) throw this.failure;
    const loads = this.workers.map(() => ({ weight: 0, indices: [] as number[] }));
    for (const index of [...indices].sort((a, b) => weight(jobs[b]) - weight(jobs[a]) || a - b)) {
      const least = loads.reduce((min, l) => (l.weight < min.weight ? l : min));
      least.weight += weight(jobs[index]);
      least.indices.push(index);
    }
    const cleanups: Array<() => void> = [];
    try {
      await new Promise<void>((resolve, reject) => {
        let pending = indices.length;
        this.workers.forEach((worker, w) => {
          if (loads[w].indices.length === 0) return;
          const onMessage = (msg: FromWorker) => {
            if ('error' in msg) return reject(new Error(`${jobs[msg.index].rel}: ${msg.error}`));
            onResult(msg.index, msg.bytes);
            if (--pending === 0) resolve();
          };
          const onExit = (code: number) => reject(new Error(`render worker exited with code ${code}`));
          worker.on('message', onMessage);
          worker.on('error', reject);
          worker.on('exit', onExit);
          worker.ref();
          cleanups.push(() => {
            worker.off('message', onMessage).off('error', reject).off('exit', onExit);
            worker.unref();
          });
          worker.postMessage({ plan, date, jobs } satisfies ToWorker);
          for (const index of loads[w].indices) worker.postMessage({ index } satisfies ToWorker);
        });
      });
    } finally {
      for (const cleanup of cleanups) cleanup();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
