// The PDF render workers: every queued job is rendered exactly once, by a worker or by the thread that claims it,
// with the same bytes as in the main thread; a job that fails in a worker names its file.
import { afterAll, describe, expect, it } from 'vitest';
import { planJobs, renderJob, type Job } from '../../src/render/jobs.js';
import { RenderWorkers } from '../../src/render/pool.js';
import { loadTemplates } from '../../src/render/templates.js';
import { samplePlan } from './helpers.js';

const pools: RenderWorkers[] = [];
afterAll(() => Promise.all(pools.map((p) => p.close())));

describe('RenderWorkers', () => {
  it('renders each queued job once, shared between the workers and a claiming thread, with main-thread bytes', async () => {
    const [plan, templates] = await Promise.all([samplePlan(), loadTemplates()]);
    const jobs = planJobs(plan, new Set(['pdf']), undefined);
    const queue = jobs.map((_, i) => i).filter((i) => jobs[i].format === 'pdf').slice(0, 16);
    const pool = new RenderWorkers(1, templates);
    pools.push(pool);
    const fromWorkers = new Map<number, Uint8Array>();
    const run = pool.render(plan, '2026-11-27', jobs, queue, () => 1, (i, bytes) => fromWorkers.set(i, bytes));
    expect(run.remaining()).toBeLessThanOrEqual(queue.length);
    // This thread claims from the same queue, as buildDocuments does once its own files are done: after the worker's
    // first result, so that both take a share.
    while (fromWorkers.size === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const here: number[] = [];
    for (let i = run.claim(); i !== undefined; i = run.claim()) here.push(i);
    await run.done;
    expect(run.remaining()).toBe(0);
    expect([...fromWorkers.keys(), ...here].sort((a, b) => a - b)).toEqual(queue);
    expect(here.filter((i) => fromWorkers.has(i))).toEqual([]);
    expect(here.length).toBeGreaterThan(0);
    const sample = [...fromWorkers.keys()].slice(0, 3);
    for (const i of sample) expect(Buffer.compare(Buffer.from(fromWorkers.get(i)!), Buffer.from(await renderJob(jobs[i], plan, templates, '2026-11-27', jobs) as Uint8Array)), jobs[i].rel).toBe(0);
  });

  it('reports a job that fails in a worker with its file name', async () => {
    const [plan, templates] = await Promise.all([samplePlan(), loadTemplates()]);
    const jobs: Job[] = [{ rel: 'units/不存在的单位.pdf', kind: 'unit-sheet', format: 'pdf', unit: '不存在的单位' }];
    const pool = new RenderWorkers(1, templates);
    pools.push(pool);
    const run = pool.render(plan, '2026-11-27', jobs, [0], () => 1, () => undefined);
    await expect(run.done).rejects.toThrow(/units\/不存在的单位\.pdf: /);
  });
});
