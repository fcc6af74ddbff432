// One measured job in a fresh process, so peak RSS belongs to that job alone. Prints one JSON line.
// Plain JavaScript on the compiled code, run by plain node: no TypeScript loader in this process or its workers.
// `run` does what `fenjie run` does, in process: start the render workers, extract, then write plan.json, the review
// page and every document.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [mode, path, repeat = '1', threads = '1'] = process.argv.slice(2);
// `run` stands for `fenjie run`, so it gets the CLI's V8 tuning first, as bin/fenjie.js does. Warm times (extraction, diff,
// review page) are about a long-lived process using the library, which sets no V8 flags.
if (mode === 'run') await import(new URL('../bin/v8-tuning.js', import.meta.url).href);
// The compiled code (dist/, built by `npm run bench`), as `npm start` and the installed CLI run it.
const { extractNotice } = await import(new URL('../dist/index.js', import.meta.url).href);
const { buildDocuments, startRenderWorkers } = await import(new URL('../dist/render/index.js', import.meta.url).href);
const { renderReview } = await import(new URL('../dist/review/index.js', import.meta.url).href);
const { planToJsonBytes } = await import(new URL('../dist/cli/extract.js', import.meta.url).href);

if (mode === 'formats') {
  // Reading the notice as offices receive it: PDF ingest (cold: the first file, pdf.js loaded; warm: best of five),
  // and the notice split into a folder of notice + annexes against the single file (warm extraction, best of ten).
  const { ingest } = await import(new URL('../dist/ingest/index.js', import.meta.url).href);
  const { extractFiles } = await import(new URL('../dist/index.js', import.meta.url).href);
  const { readFileSync } = await import('node:fs');
  const pdf = new Uint8Array(readFileSync(path));
  const time = async (f) => { const t = performance.now(); await f(); return performance.now() - t; };
  const pdfColdMs = await time(() => ingest(pdf, path));
  const pdfWarm = [];
  for (let i = 0; i < 5; i++) pdfWarm.push(await time(() => ingest(pdf, path)));
  const [single, folder] = [threads, repeat];
  await extractNotice(single);
  await extractFiles([folder]);
  const singleMs = [];
  const multiMs = [];
  // Alternated, so both see the same machine speed.
  for (let i = 0; i < 10; i++) {
    singleMs.push(await time(() => extractNotice(single)));
    multiMs.push(await time(() => extractFiles([folder])));
  }
  const min = (xs) => Math.min(...xs);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  process.stdout.write(`${JSON.stringify({ pdfColdMs, pdfWarmMs: min(pdfWarm), pdfMedianMs: median(pdfWarm), singleMs: min(singleMs), multiMs: min(multiMs), singleMedianMs: median(singleMs), multiMedianMs: median(multiMs) })}\n`);
  process.exit(0);
}
if (mode === 'diff') {
  // Warm: the best of five, after one to load and compile.
  const { diffPlans } = await import(new URL('../dist/diff/index.js', import.meta.url).href);
  const [a, b] = await Promise.all([extractNotice(path), extractNotice(repeat)]);
  const best = (f) => Math.min(...Array.from({ length: 6 }, () => { const t = performance.now(); f(); return performance.now() - t; }).slice(1));
  const changes = diffPlans(a.plan, b.plan).summary.total;
  process.stdout.write(`${JSON.stringify({ diffMs: best(() => diffPlans(a.plan, b.plan)), reviewMs: best(() => renderReview(a.plan, a.source)), changes })}\n`);
  process.exit(0);
}
if (mode === 'review') {
  // The review page, warm: best of three after one to load and compile.
  const { plan, source } = await extractNotice(path);
  const times = [];
  for (let i = 0; i < 4; i++) {
    const t = performance.now();
    renderReview(plan, source);
    times.push(performance.now() - t);
  }
  process.stdout.write(`${JSON.stringify({ reviewMs: Math.min(...times.slice(1)), tasks: plan.annexes.reduce((n, a) => n + a.tasks.length, 0), rssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  process.exit(0);
}
if (mode === 'pdfs') {
  // The unit sheets' PDFs only, on this thread: what the office route's LibreOffice run makes from the Word files.
  const { planJobs, renderJob } = await import(new URL('../dist/render/jobs.js', import.meta.url).href);
  const { loadTemplates } = await import(new URL('../dist/render/templates.js', import.meta.url).href);
  const { plan } = await extractNotice(path);
  const templates = await loadTemplates();
  const jobs = planJobs(plan, new Set(['pdf']), undefined).filter((j) => j.kind === 'unit-sheet');
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (const job of jobs) await renderJob(job, plan, templates, '2026-11-27', jobs);
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ pdfs: jobs.length, wallMs: performance.now() - t, cpuMs: (used.user + used.system) / 1000 })}\n`);
  process.exit(0);
}
const started = performance.now();
const workers = mode === 'run' ? await startRenderWorkers(Number(threads) - 1) : undefined;
const { plan, source } = await extractNotice(path);
const extractMs = performance.now() - started;
let buildMs = 0;
let files = 0;
let bytes = 0;
if (mode === 'run') {
  const out = mkdtempSync(join(tmpdir(), 'fenjie-bench-'));
  const t = performance.now();
  const result = await buildDocuments(plan, {
    outDir: out,
    date: '2026-11-27',
    workers: workers ?? 0,
    extras: [
      { rel: 'plan.json', render: () => planToJsonBytes(plan, join(out, 'plan.json')) },
      { rel: 'review.html', render: () => renderReview(plan, source) },
    ],
  });
  buildMs = performance.now() - t;
  await workers?.close();
  files = result.files.length;
  bytes = result.files.reduce((n, f) => n + f.bytes, 0);
  rmSync(out, { recursive: true, force: true });
}
// Warm extraction: the same file again, best of a few (parsers and converters are built once per process).
let warmMs = Infinity;
for (let i = 0; i < Number(repeat); i++) {
  const t = performance.now();
  await extractNotice(path);
  warmMs = Math.min(warmMs, performance.now() - t);
}
const tasks = plan.annexes.reduce((n, a) => n + a.tasks.length, 0);
process.stdout.write(
  `${JSON.stringify({ chars: plan.source.chars, tasks, extractMs, warmMs: Number.isFinite(warmMs) ? warmMs : null, buildMs, files, bytes, rssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);
