// A render worker: loads the PDF renderers and opens the template's font faces at once (before the Plan exists),
// then claims jobs from the queue it is sent and hands back the bytes (transferred, not copied). A message sent while
// it starts up waits in its port until the listener below is attached.
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { collectGarbage } from './collect-garbage.js';
import { renderJob, warmPdf } from './jobs.js';
import type { Templates } from './templates.js';
import type { FromWorker, ToWorker } from './pool.js';

const { templates } = workerData as { templates: Templates };
await warmPdf(templates);

parentPort!.on('message', async ({ plan, date, jobs, queue, cursor, collectAbove }: ToWorker) => {
  // Claim jobs from the shared queue until it is empty (the main thread may be claiming from it too).
  for (let k = Atomics.add(cursor, 0, 1); k < queue.length; k = Atomics.add(cursor, 0, 1)) {
    const index = queue[k];
    try {
      const out = await renderJob(jobs[index], plan, templates, date, jobs);
      const bytes = typeof out === 'string' ? new TextEncoder().encode(out) : out;
      parentPort!.postMessage({ index, bytes } satisfies FromWorker, [bytes.buffer as ArrayBuffer]);
      // A large plan's sheets leave ~100 MB of garbage each, which V8 would rather keep than collect.
      if (collectAbove !== undefined && getHeapStatistics().used_heap_size > collectAbove) collectGarbage();
    } catch (error) {
      parentPort!.postMessage({ index, error: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
      return;
    }
  }
  parentPort!.postMessage({ done: true } satisfies FromWorker);
});
