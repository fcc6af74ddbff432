// PDF rendering on worker threads. PDF layout, font subsetting and compression are most of a build's CPU time, and
// only PDF jobs need pdfkit, fontkit and the 15 MB font; the Word files and workbooks stay on the main thread, so no
// thread loads a library twice. Workers are started before the Plan exists (`startRenderWorkers`) so that their
// start-up (~0.3 s compiled: pdfkit, the font) overlaps with extraction. Results come back to the main thread,
// which alone writes files.
import { Worker } from 'node:worker_threads';
import type { Plan } from '../model/schema.js';
import type { Job } from './jobs.js';
import type { Templates } from './templates.js';

/**
 * Compiled (dist/*.js), the worker is plain JavaScript; run from source (tsx, vitest), a small .mjs registers the
 * TypeScript loader first (~1 s more per worker).
 */
const COMPILED = import.meta.url.endsWith('.js');
const WORKER_ENTRY = new URL(COMPILED ? './render-worker.js' : './worker-entry.mjs', import.meta.url);

/**
 * The one message to a worker: the plan and a queue of job indices, heaviest first, with a shared cursor that every
 * thread advances atomically to claim the next job (so no thread waits on another to be handed work).
 */
export interface ToWorker {
  readonly plan: Plan;
  readonly date: string;
  readonly jobs: readonly Job[];
  readonly queue: readonly number[];
  readonly cursor: Int32Array;
  /** After a job, collect garbage when the worker's heap holds more than this many bytes (large plans; optional). */
  readonly collectAbove?: number;
}
/** Messages from a worker: a result, a failure, or that the queue is empty. */
export type FromWorker = { readonly index: number; readonly bytes: Uint8Array } | { readonly index: number; readonly error: string } | { readonly done: true };

/** A queue of jobs being rendered by the workers, which the caller's thread may join (`claim`). */
export interface RenderRun {
  /** Settles when every worker has found the queue empty and handed back its results. */
  readonly done: Promise<void>;
  /** Claim the next job for this thread, if any is left. */
  claim(): number | undefined;
  /** Jobs not yet claimed by any thread. */
  remaining(): number;
}

/** Worker threads worth starting by default: one per extra core (up to 3) when running compiled, none from source. */
export function defaultWorkerCount(cores: number): number {
  return COMPILED ? Math.max(0, Math.min(cores, 4) - 1) : 0;
}

export class RenderWorkers {
  private readonly workers: Worker[] = [];
  /** The first failure of a worker (a broken template stops it at start-up), kept for render() to report. */
  private failure: Error | null = null;

  /**
   * `templates` as the main thread loaded and validated them (a worker then never loads zod, ~0.13 s); the main
   * thread renders with the same object, so every file of a build follows one set of templates.
   */
  constructor(
    count: number,
    readonly templates: Templates,
  ) {
    for (let w = 0; w < count; w++) {
      const worker = new Worker(WORKER_ENTRY, { workerData: { templates } });
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
   * Render `indices` of `jobs` on the workers, handing each result to `onResult` as it arrives (in the main thread).
   * The jobs are posted before this returns (a worker still starting up finds them queued), so the caller goes on
   * with its own files, and may then `claim` jobs from the same queue. Once `signal` fires no thread claims another
   * job; `done` settles when the jobs being drawn have come back (a worker ended in the middle of pdfkit's zlib call
   * can crash Node as the process exits, so they are let finish).
   */
  render(
    plan: Plan,
    date: string,
    jobs: readonly Job[],
    indices: readonly number[],
    weight: (job: Job) => number,
    onResult: (index: number, bytes: Uint8Array) => void,
    collectAbove?: number,
    signal?: AbortSignal,
  ): RenderRun {
    const queue = [...indices].sort((a, b) => weight(jobs[b]) - weight(jobs[a]) || a - b);
    const cursor = new Int32Array(new SharedArrayBuffer(4));
    const claim = () => {
      const k = Atomics.add(cursor, 0, 1);
      return k < queue.length ? queue[k] : undefined;
    };
    const remaining = () => Math.max(0, queue.length - Atomics.load(cursor, 0));
    if (this.failure) return { done: Promise.reject(this.failure), claim: () => undefined, remaining: () => 0 };
    const cleanups: Array<() => void> = [];
    // Every thread claims through the shared cursor: moving it past the end stops them all.
    const stop = () => Atomics.store(cursor, 0, queue.length);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    cleanups.push(() => signal?.removeEventListener('abort', stop));
    const done = new Promise<void>((resolve, reject) => {
      let running = this.workers.length;
      // With no workers the queue is all the caller's to claim.
      if (running === 0) resolve();
      const fail = (error: Error) => {
        // Stop every thread from claiming more work; what is already running finishes.
        stop();
        reject(error);
      };
      for (const worker of this.workers) {
        const onMessage = (msg: FromWorker) => {
          if ('done' in msg) {
            if (--running === 0) resolve();
          } else if ('error' in msg) fail(new Error(`${jobs[msg.index].rel}: ${msg.error}`));
          else onResult(msg.index, msg.bytes);
        };
        const onExit = (code: number) => fail(new Error(`render worker exited with code ${code}`));
        worker.on('message', onMessage);
        worker.on('error', fail);
        worker.on('exit', onExit);
        worker.ref();
        cleanups.push(() => {
          worker.off('message', onMessage).off('error', fail).off('exit', onExit);
          worker.unref();
        });
        worker.postMessage({ plan, date, jobs, queue, cursor, ...(collectAbove === undefined ? {} : { collectAbove }) } satisfies ToWorker);
      }
    }).finally(() => {
      for (const cleanup of cleanups) cleanup();
    });
    return { done, claim, remaining };
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
