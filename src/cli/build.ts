// fenjie build | run: Plan → documents, with a progress bar on a terminal and a closing summary.
import { basename, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { ALL_FORMATS, buildDocuments, plannedFiles, sheetUnits, startRenderWorkers, WHOLE_PLAN_FILES, type ExtraFile, type Format, type RenderWorkers } from '../api/build.js';
import type { Plan } from '../api/extract.js';
import { CliError, EXIT } from './errors.js';
import { planToJsonBytes } from '../api/plan-file.js';
import { addReadOptions, extractOptions, NOTICE_ARGUMENT, reportDiagnostics, reportFixes, type ReadOptions } from './extract.js';
import { guardWrites, interrupted } from './interrupt.js';
import { listFiles, removeOwnTempFilesSync, removeStaleTempFiles } from './io.js';
import { checkOutputFolder, refuseLinkedFolders, refuseOverwritingInputs } from './output-place.js';
import { printErr } from './terminal.js';

interface BuildCliOptions extends ReadOptions {
  readonly output: string;
  readonly format: string;
  readonly unit?: string;
  readonly templates?: string;
  readonly date?: string;
  readonly jobs?: number;
  readonly table?: 'full' | 'compact';
}

/** The printed date: --date, else SOURCE_DATE_EPOCH (reproducible builds), else today. */
export function printedDate(option: string | undefined, env = process.env, now = new Date()): string {
  if (option) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(option) || Number.isNaN(Date.parse(option))) throw new CliError(`--date 需为 YYYY-MM-DD (got "${option}")`);
    return option;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  const when = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  return when.toISOString().slice(0, 10);
}

function parseFormats(value: string): Format[] {
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const bad = formats.filter((f) => !ALL_FORMATS.includes(f as Format));
  if (bad.length || formats.length === 0) throw new CliError(`--format: 未知格式 ${bad.join(',') || '(empty)'} (choose from ${ALL_FORMATS.join(',')})`);
  return formats as Format[];
}

/**
 * Start the PDF render workers before reading the input, so their start-up overlaps with extraction: only when this
 * run writes all units' PDFs (a single --unit is two files, not worth a thread). --jobs n means n threads in all.
 */
async function earlyWorkers(opts: BuildCliOptions): Promise<RenderWorkers | undefined> {
  if (opts.unit || !parseFormats(opts.format).includes('pdf')) return undefined;
  return startRenderWorkers(opts.jobs === undefined ? undefined : opts.jobs - 1, opts.templates);
}

/** The files of a run whose names do not depend on the plan, relative to the output folder. */
function fixedFiles(opts: BuildCliOptions, extras: readonly string[]): string[] {
  const formats = new Set(parseFormats(opts.format));
  const whole = opts.unit ? [] : WHOLE_PLAN_FILES.filter((f) => formats.has(f.format)).map((f) => f.rel);
  return [...extras, ...whole, 'index.md'];
}

/**
 * Before any work (no extraction, no worker started): the options are valid, the output folder can be made and
 * written, and no input is among the files whose names are known already (run o/index.md -o o).
 */
async function prepare(inputs: readonly string[], opts: BuildCliOptions, extras: readonly string[]): Promise<string> {
  parseFormats(opts.format);
  printedDate(opts.date);
  const outDir = resolve(opts.output);
  await checkOutputFolder(outDir, opts.output);
  await refuseOverwritingInputs(inputs, fixedFiles(opts, extras).map((rel) => join(outDir, ...rel.split('/'))));
  return outDir;
}

async function build(plan: Plan, inputs: readonly string[], opts: BuildCliOptions, extras: readonly ExtraFile[], workers?: RenderWorkers, source?: string | null): Promise<void> {
  const outDir = resolve(opts.output);
  const formats = parseFormats(opts.format);
  const date = printedDate(opts.date);
  if (opts.unit && !sheetUnits(plan).some((u) => u.name === opts.unit || u.aliases.includes(opts.unit!))) {
    const near = plan.units.filter((u) => u.name.includes(opts.unit!) || opts.unit!.includes(u.name)).map((u) => u.name).slice(0, 5);
    throw new CliError(`--unit: 方案中没有单位「${opts.unit}」${near.length ? ` (did you mean: ${near.join('、')})` : ''}`);
  }
  // Every file the run will write is known now: none may be an input, and none may go through a symlinked folder.
  const planned = plannedFiles(plan, { formats, unit: opts.unit, extras });
  await refuseOverwritingInputs(inputs, planned.map((rel) => join(outDir, ...rel.split('/'))));
  await refuseLinkedFolders(outDir, planned);
  const stale = await removeStaleTempFiles(outDir, true);
  if (stale && !opts.quiet) printErr(`fenjie: 删除了 ${stale} 个中断运行留下的临时文件 (removed ${stale} stale temp file${stale === 1 ? '' : 's'} left by a killed run)\n`);
  const before = await listFiles(outDir);
  const tty = process.stderr.isTTY && !opts.quiet;
  const bar = tty ? new SingleBar({ format: '  {bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true }) : null;
  // On Ctrl-C, SIGTERM or SIGHUP: let the writes and the PDFs under way finish first (writes run on libuv's pool and
  // could create a temp file after a clean-up done at once), then sweep whatever is left and exit.
  let building: Promise<unknown> | undefined;
  const release = guardWrites({
    stop: async () => {
      bar?.stop();
      // The build sees the signal: it starts nothing more and settles once its writes and PDFs under way have.
      await building?.catch(() => undefined);
    },
    sweep: () => removeOwnTempFilesSync(outDir),
  });
  try {
    const result = await (building = buildDocuments(plan, {
      signal: interrupted,
      outDir,
      extras,
      source,
      table: opts.table,
      formats,
      unit: opts.unit,
      templatesDir: opts.templates,
      date,
      workers: workers ?? (opts.jobs === undefined ? undefined : opts.jobs - 1),
      onProgress: (done, total, file) => {
        if (!bar) return;
        if (done === 1) bar.start(total, 0, { file: '' });
        bar.update(done, { file: relative(outDir, file) });
      },
    }));
    bar?.stop();
    const written = new Set(result.files.map((f) => f.path));
    let replaced = 0;
    for (const f of written) if (before.has(f)) replaced++;
    // Hidden files (.gitkeep, .DS_Store) are the folder's own, not documents left from another run.
    const others = [...before].filter((f) => !written.has(f) && !basename(f).startsWith('.')).length;
    const bytes = result.files.reduce((n, f) => n + f.bytes, 0);
    const units = new Set(result.files.map((f) => f.unit).filter(Boolean)).size;
    const tasks = plan.annexes.reduce((n, a) => n + a.tasks.length, 0);
    const noLead = plan.annexes.reduce((n, a) => n + a.tasks.filter((t) => !t.assignments.some((x) => x.role === 'lead')).length, 0);
    if (!opts.quiet) {
      printErr(
        `fenjie: 写入 ${written.size} 个文件 (${(bytes / 1024).toFixed(0)} KB) → ${relative(process.cwd(), outDir) || '.'}: ` +
          // performance.now() counts from process start: the time the user waited, reading and start-up included.
          `${units} 个单位, ${tasks} 项任务, ${(performance.now() / 1000).toFixed(1)} s` +
          `${replaced ? `; 替换了 ${replaced} 个已有文件 (replaced)` : ''}${others ? `; 目录中另有 ${others} 个文件未改动 (left as they were)` : ''}\n`,
      );
      if (result.removed.length > 0) {
        printErr(`fenjie: 删除了上次写入、本次不再生成的 ${result.removed.length} 个文件 (removed, written by the previous run and no longer produced): ${result.removed.join(', ')}\n`);
      }
      if (result.kept.length > 0) {
        printErr(`fenjie: 上次写入、本次不再生成但已被修改的 ${result.kept.length} 个文件未删除 (changed since, left): ${result.kept.join(', ')}\n`);
      }
      if (noLead > 0) {
        printErr(
          `fenjie: ${noLead} 项任务未明确牵头单位,文件中标为“未明确” (${noLead} tasks name no lead)` +
            `${opts.firstListedLead ? '' : '; --first-listed-lead 可将排序第一的单位作为牵头 (take the first listed unit as lead, marked inferred)'}\n`,
        );
      }
    }
  } finally {
    release();
  }
}

function buildOptions(cmd: Command): Command {
  return cmd
    .requiredOption('-o, --output <dir>', 'output folder (created when missing)')
    .addOption(new Option('--format <list>', 'formats to write, comma-separated: docx,pdf,xlsx').default('docx,pdf,xlsx'))
    .option('--unit <name>', 'only this unit’s 责任清单')
    .option('--templates <dir>', 'folder whose template files override the shipped ones')
    .option('--date <YYYY-MM-DD>', 'date printed on the documents (default: SOURCE_DATE_EPOCH or today)')
    .addOption(new Option('--table <form>', '任务分解表: full (with 具体内容) or compact (the one-page-per-annex overview)').choices(['full', 'compact']))
    .option('--jobs <n>', 'threads to render on: PDFs on n-1 worker threads while this one writes Word and Excel files (default: one per core, up to 4; 1 = no workers)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) throw new CliError(`--jobs 需为正整数 (got "${v}")`);
      return n;
    });
}

export function registerBuild(program: Command): void {
  addReadOptions(
    buildOptions(
      program
        .command('build')
        .description('由方案生成任务分解表、责任矩阵、各单位责任清单和台账 (render documents from a notice or plan.json)')
        .argument('<plan>', 'plan.json, or a notice to extract first'),
    ),
  ).action(async (input: string, opts: BuildCliOptions) => {
    await prepare([input], opts, []);
    const workers = await earlyWorkers(opts);
    try {
      const { loadPlanWithSource } = await import('../api/plan-file.js');
      const read = await extractOptions(opts, [input]);
      const { plan, source } = await loadPlanWithSource(input, read);
      reportFixes(plan, read, opts.quiet);
      await build(plan, [input], opts, [], workers, source);
    } finally {
      await workers?.close();
    }
    process.exitCode = EXIT.ok;
  });

  addReadOptions(
    buildOptions(
      program
        .command('run')
        .description('读取通知并生成全部文件: plan.json、文档、台账、索引、核对页 review.html (extract + build in one go)')
        .argument('<notice...>', NOTICE_ARGUMENT),
    ),
  ).action(async (notices: string[], opts: BuildCliOptions) => {
    const outDir = await prepare(notices, opts, ['plan.json', 'review.html']);
    const workers = await earlyWorkers(opts);
    try {
      const [{ loadPlanWithSource }, { renderReview }] = await Promise.all([import('../api/plan-file.js'), import('../api/review.js')]);
      const read = await extractOptions(opts, notices);
      const { plan, source } = await loadPlanWithSource(notices, read);
      reportFixes(plan, read, opts.quiet);
      const code = reportDiagnostics(plan, opts);
      // plan.json and the review page are written by the build (in this thread, while workers draw the PDFs).
      const extras: ExtraFile[] = [{ rel: 'plan.json', render: () => planToJsonBytes(plan, join(outDir, 'plan.json')) }];
      if (source !== null) extras.push({ rel: 'review.html', render: () => renderReview(plan, source) });
      await build(plan, notices, opts, extras, workers, source);
      process.exitCode = code;
    } finally {
      await workers?.close();
    }
  });
}
