// Render jobs on worker threads, one per core: unit sheets are independent, and PDF layout is CPU-bound.
// Each result is handed to `onResult` in the main thread, which alone writes files.
import { Worker } from 'node:worker_threads';
import type { Plan } from '../model/schema.js';
import type { Job } from './jobs.js';

export interface PoolOptions {
  readonly plan: Plan;
  readonly templatesDir?: string;
  readonly date: string;
  readonly jobs: readonly Job[];
  /** indices of the jobs to run */
  readonly indices: readonly number[];
  readonly workers: number;
  readonly onResult: (index: number, bytes: Uint8Array) => Promise<void>;
}

/**
 * Compiled (dist/*.js), the worker is plain JavaScript and starts in ~0.2 s; run from source (tsx, vitest), a small
 * .mjs registers the TypeScript loader first (~1 s more).
 */
const WORKER_ENTRY = new URL(import.meta.url.endsWith('.js') ? './render-worker.js' : './worker-entry.mjs', import.meta.url);

export async function runOnWorkers(options: PoolOptions): Promise<void> {
  const queue = [...options.indices];
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let pending = queue.length;
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      if (pending === 0) return resolve();
      for (let w = 0; w < options.workers; w++) {
        const worker = new Worker(WORKER_ENTRY, {
          workerData: { plan: options.plan, templatesDir: options.templatesDir, date: options.date, jobs: options.jobs },
        });
        workers.push(worker);
        const next = () => {
          const index = queue.shift();
          if (index !== undefined) worker.postMessage(index);
        };
        worker.on('message', (msg: { ready?: boolean; index: number; bytes?: Uint8Array; error?: string }) => {
          if (msg.ready) return next();
          if (msg.error !== undefined) return fail(new Error(`${options.jobs[msg.index].rel}: ${msg.error}`));
          options.onResult(msg.index, msg.bytes!).then(() => {
            if (--pending === 0) resolve();
            else next();
          }, fail);
        });
        worker.on('error', fail);
        worker.on('exit', (code) => {
          if (code !== 0 && pending > 0) fail(new Error(`render worker exited with code ${code}`));
        });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
