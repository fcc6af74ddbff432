// A render worker: takes job indices from the main thread, renders them, hands back the bytes (transferred).
import { parentPort, workerData } from 'node:worker_threads';
import type { Plan } from '../model/schema.js';
import { renderJob, type Job } from './jobs.js';
import { loadTemplates } from './templates.js';

interface WorkerInput {
  readonly plan: Plan;
  readonly templatesDir?: string;
  readonly date: string;
  readonly jobs: readonly Job[];
}

const input = workerData as WorkerInput;
const templates = await loadTemplates(input.templatesDir);

parentPort!.on('message', async (index: number) => {
  try {
    const out = await renderJob(input.jobs[index], input.plan, templates, input.date, input.jobs);
    const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
    parentPort!.postMessage({ index, bytes }, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ index, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort!.postMessage({ ready: true });
