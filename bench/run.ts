// npm run bench: every figure of the README's performance section, measured together in one run. Extraction and the
// review page at 1×, 10× and 100× the sample and doubling up to 100× (linearity); the full run in-process on one
// thread and on the default threads, up to 100× (time and peak memory); the CLI with and without worker threads; the
// office route (LibreOffice converting the same unit sheets fenjie draws as PDFs); and every amplifier of
// tests/resource at doubling sizes. BENCH_SECTIONS=extract,review,run,cli,office,amplifiers picks some.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { amplifierSeries } from './amplifiers.js';
import { syntheticNotice } from './synthetic.js';

const SAMPLE = 'input/wulingyuan-2024-ba-da-xing-dong.txt';
const work = mkdtempSync(join(tmpdir(), 'fenjie-bench-'));
const sections = new Set((process.env.BENCH_SECTIONS ?? 'extract,formats,review,run,cli,office,amplifiers').split(','));

interface Measure {
  chars: number;
  tasks: number;
  extractMs: number;
  warmMs: number | null;
  buildMs: number;
  files: number;
  bytes: number;
  rssMb: number;
}

function child<T = Measure>(mode: string, path: string, repeat: number | string = 1, threads = 1): T {
  const out = execFileSync(process.execPath, ['bench/child.mjs', mode, path, String(repeat), String(threads)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

/**
 * A fixed CPU loop, timed before and after: shared machines change speed from minute to minute, and this says how
 * fast this one was while the numbers below were taken (~440 ms on a quiet core of the 2-vCPU machine of the notes).
 */
function calibrate(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 3e8; i++) x += i % 7;
  if (x < 0) console.log(x);
  return performance.now() - t;
}
const calibrationBefore = calibrate();

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const notices = new Map<number, string>();
function notice(times: number): string {
  if (times === 1) return SAMPLE;
  if (!notices.has(times)) {
    const path = join(work, `sample-x${times}.txt`);
    writeFileSync(path, syntheticNotice(SAMPLE, times));
    notices.set(times, path);
  }
  return notices.get(times)!;
}
const ratio = (now: number, before: number | undefined) => (before === undefined ? '' : ` (×${fmt(now / before, 2)})`);
const cores = availableParallelism();
const threads = Math.min(cores, 4);

if (sections.has('extract')) {
  const rows: string[][] = [];
  let before: number | undefined;
  for (const times of [1, 10, 25, 50, 100]) {
    // Warm time from repeats in one process; peak memory from a process that extracts once (repeats inflate RSS
    // only because the collector is lazy, not because anything is kept).
    const e = child('extract', notice(times), times >= 50 ? 3 : 10);
    e.rssMb = child('extract', notice(times), 0).rssMb;
    const warm = e.warmMs ?? e.extractMs;
    rows.push([`${times}×`, fmt(e.chars), fmt(e.tasks), `${fmt(e.extractMs)} ms`, `${fmt(warm, 1)} ms${times >= 50 ? ratio(warm, before) : ''}`, `${fmt(e.chars / (warm / 1000) / 1e6, 2)} M/s`, `${fmt(e.rssMb)} MB`]);
    before = warm;
    process.stderr.write(`  extract ${times}× done\n`);
  }
  console.log('\nExtraction (warm = best repeat after the first, in one process, ×: against half the size; peak RSS of a process that extracts once)\n');
  console.log(table(['size', 'chars', 'tasks', 'cold', 'warm', 'throughput', 'peak RSS'], rows));
}

if (sections.has('review')) {
  const rows: string[][] = [];
  let before: number | undefined;
  for (const times of [1, 10, 25, 50, 100]) {
    const r = child<{ reviewMs: number; tasks: number; rssMb: number }>('review', notice(times));
    rows.push([`${times}×`, fmt(r.tasks), `${fmt(r.reviewMs)} ms${times >= 50 ? ratio(r.reviewMs, before) : ''}`, `${fmt(r.rssMb)} MB`]);
    before = r.reviewMs;
    process.stderr.write(`  review ${times}× done\n`);
  }
  const d = child<{ diffMs: number; reviewMs: number; changes: number }>('diff', SAMPLE, 'tests/fixtures/diff/wulingyuan-v2.txt');
  console.log('\nReview page (warm, best of three; peak RSS with extraction)\n');
  console.log(table(['size', 'tasks', 'review.html', 'peak RSS'], rows));
  console.log(`\nDiff of the sample against its hand-edited second version: ${fmt(d.diffMs, 1)} ms warm (${d.changes} changes)`);
}

if (sections.has('run')) {
  const rows: string[][] = [];
  const runs: Array<[number, number]> = [[1, 1], [1, threads], [10, 1], [10, threads], [25, 1], [50, 1], [100, 1], [100, threads]];
  const last = new Map<number, number>();
  for (const [times, n] of [...new Map(runs.map((r) => [r.join(), r])).values()]) {
    const r = child('run', notice(times), 0, n);
    const total = r.extractMs + r.buildMs;
    const doubled = n === 1 && times >= 50 ? ratio(total, last.get(times / 2)) : '';
    if (n === 1) last.set(times, total);
    rows.push([`${times}×`, String(n), `${fmt(r.extractMs)} ms`, `${fmt(r.buildMs)} ms`, `${fmt(total / 1000, 1)} s${doubled}`, fmt(r.files), `${fmt(r.bytes / 2 ** 20, 1)} MB`, `${fmt(r.rssMb)} MB`]);
    process.stderr.write(`  run ${times}× on ${n} thread(s) done\n`);
  }
  console.log(`\nFull run in-process (what fenjie run does: extract, plan.json, review.html, every document), on 1 thread and on ${threads} (PDFs on worker threads); ×: against half the size\n`);
  console.log(table(['size', 'threads', 'extract', 'build', 'total', 'files', 'bytes', 'peak RSS'], rows));
}

// Notices as offices receive them: the sample as a PDF (LibreOffice export, tests/fixtures/formats), and split into
// a folder of the notice and its eight annexes, against the single .txt.
if (sections.has('formats')) {
  const folder = join(work, 'split');
  mkdirSync(folder);
  const text = readFileSync(SAMPLE, 'utf8');
  const starts = [...text.matchAll(/^附件\d+$/gm)].map((m) => m.index!);
  [0, ...starts].forEach((start, i, all) => writeFileSync(join(folder, i === 0 ? '通知.txt' : `附件${i}.txt`), text.slice(start, all[i + 1] ?? text.length)));
  const out = execFileSync(process.execPath, ['bench/child.mjs', 'formats', 'tests/fixtures/formats/sample.pdf', folder, SAMPLE], { encoding: 'utf8' });
  const f = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
  console.log(`\nPDF ingest of the sample (27 pages): ${fmt(f.pdfColdMs)} ms cold (pdf.js loaded), ${fmt(f.pdfWarmMs)} ms warm (median ${fmt(f.pdfMedianMs)})`);
  console.log(`Notice + 8 annex files vs the single file, warm extraction: ${fmt(f.multiMs, 1)} vs ${fmt(f.singleMs, 1)} ms best ` +
    `(medians ${fmt(f.multiMedianMs, 1)} vs ${fmt(f.singleMedianMs, 1)} ms): ${fmt((f.multiMs / f.singleMs - 1) * 100, 0)} %`);
}

// The CLI as a user runs it (compiled, as `npm start` runs it), start-up included, --jobs 1 and the default
// alternated; the median of five each, since a shared machine's wall time varies by several tenths of a second.
const cliOut = join(work, 'cli-out');
let cliMs = 0;
if (sections.has('cli') || sections.has('office')) {
  const runs: Record<string, number[]> = { default: [], one: [] };
  for (let i = 0; i < 5; i++) {
    for (const [key, extra] of [['default', []], ['one', ['--jobs', '1']]] as const) {
      const t = performance.now();
      const status = spawnSync(process.execPath, ['bin/fenjie.js', 'run', SAMPLE, '-o', cliOut, '--date', '2026-11-27', '-q', ...extra]).status;
      if (status !== 0) throw new Error(`fenjie run exited ${status}`);
      runs[key].push(performance.now() - t);
    }
  }
  cliMs = median(runs.default);
  const pdfs = readdirSync(join(cliOut, 'units')).filter((f) => f.endsWith('.pdf')).map((f) => statSync(join(cliOut, 'units', f)).size);
  console.log(`\nCLI \`fenjie run\` on the sample (compiled), median of 5 alternated: ${threads} threads ${fmt(cliMs)} ms (min ${fmt(Math.min(...runs.default))}, ` +
    `max ${fmt(Math.max(...runs.default))}); --jobs 1 ${fmt(median(runs.one))} ms (min ${fmt(Math.min(...runs.one))}, max ${fmt(Math.max(...runs.one))}); ` +
    `unit PDFs ${pdfs.length}, median ${fmt(median(pdfs) / 1024, 1)} KB, largest ${fmt(Math.max(...pdfs) / 1024, 1)} KB`);
}

// The office's route: the same unit sheets, as Word files converted by LibreOffice (one soffice run), against
// fenjie drawing those PDFs (one thread, in process); wall and CPU.
if (sections.has('office')) {
  const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);
  if (!soffice) console.log('\nLibreOffice comparison skipped: install it with `apt-get install -y libreoffice-writer-nogui` (benchmark only).');
  else {
    const docs = readdirSync(join(cliOut, 'units')).filter((f) => f.endsWith('.docx')).map((f) => join(cliOut, 'units', f));
    const lo = join(work, 'lo');
    const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', soffice, '--headless', '--convert-to', 'pdf', '--outdir', lo, ...docs], { encoding: 'utf8' });
    const [wall, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
    const ours = child<{ pdfs: number; wallMs: number; cpuMs: number }>('pdfs', SAMPLE);
    console.log(`\nOffice route, the same ${docs.length} unit sheets: LibreOffice ${fmt(wall, 1)} s wall, ${fmt(user + sys, 1)} s CPU ` +
      `(${fmt((wall * 1000) / docs.length)} ms a document); fenjie's ${ours.pdfs} PDFs ${fmt(ours.wallMs / 1000, 2)} s wall, ${fmt(ours.cpuMs / 1000, 2)} s CPU ` +
      `→ ${fmt((wall * 1000) / ours.wallMs, 1)}× wall, ${fmt(((user + sys) * 1000) / ours.cpuMs, 1)}× CPU`);
  }
}

if (sections.has('amplifiers')) {
  const rows = amplifierSeries(4);
  console.log('\nAmplifiers (tests/resource) at doubling sizes: fenjie extract, compiled, --max-old-space-size=512; wall (start-up included), ×: against the size before, peak RSS\n');
  console.log(table(['amplifier', 'n', '2n', '4n', '8n'], rows.map((r) => [...r, '', '', '', ''].slice(0, 5))));
}

rmSync(work, { recursive: true, force: true });
// The V8 flag the CLI's entry sets (bin/v8-tuning.js), as the `run` rows and the CLI runs above had it.
const v8 = spawnSync(process.execPath, ['--input-type=module', '-e', "const { V8_FLAGS } = await import('./bin/v8-tuning.js'); console.log(V8_FLAGS ?? 'none')"], { encoding: 'utf8' }).stdout.trim();
console.log(`\nV8 flags set by bin/fenjie.js (bin/v8-tuning.js): ${v8} (V8 ${process.versions.v8}, ${cores} cores)`);
console.log(`\nMachine speed while measuring: a fixed CPU loop took ${fmt(calibrationBefore)} ms before and ${fmt(calibrate())} ms after ` +
  '(lower is faster; ~440 ms on a quiet core of the machine the README numbers come from).');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}
