// A render worker: loads the PDF renderers and opens the template's font faces at once (before the Plan exists),
// then renders the job indices it is sent and hands back the bytes (transferred, not copied). Messages sent while it
// starts up wait in its port until the listener below is attached.
import { parentPort, workerData } from 'node:worker_threads';
import type { Plan } from '../model/schema.js';
import { renderJob, warmPdf, type Job } from './jobs.js';
import { loadTemplates } from './templates.js';
import type { FromWorker, ToWorker } from './pool.js';

const templates = await loadTemplates((workerData as { templatesDir?: string }).templatesDir);
await warmPdf(templates);
let work: { plan: Plan; date: string; jobs: readonly Job[] } | null = null;

parentPort!.on('message', async (msg: ToWorker) => {
  if ('plan' in msg) {
    work = msg;
    return;
  }
  const { index } = msg;
  try {
    const out = await renderJob(work!.jobs[index], work!.plan, templates, work!.date, work!.jobs);
    const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
    parentPort!.postMessage({ index, bytes } satisfies FromWorker, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ index, error: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
  }
});
