// fenjie extract | schema | units
import path from 'node:path';
import type { Command } from 'commander';
import { formatDiagnostics, targetConsistency, type Plan, type ReadOptions as ReadApiOptions } from '../api/extract.js';
import { planToJsonBytes } from '../api/plan-file.js';
import { EXIT } from './errors.js';
import { removeStaleTempFiles, writeOutput } from './io.js';
import { checkOutputFile, refuseOverwritingInputs } from './output-place.js';
import { unitTable } from './table.js';
import { printErr, printOut } from './terminal.js';

export interface ReadOptions {
  readonly firstListedLead?: boolean;
  readonly lexicon?: string;
  readonly ocr?: boolean;
  readonly strict?: boolean;
  readonly quiet?: boolean;
  /** --fixes FILE (a string), --no-fixes (false), or neither: the corrections file beside the notice, if any */
  readonly fixes?: string | false;
}

/**
 * What the reading commands pass to extraction: the convention option, the user's lexicon if any, --ocr, and the
 * corrections file (--fixes, else `<notice>.fixes.json` beside the first notice; none with --no-fixes or for a plan.json).
 */
export async function extractOptions(opts: ReadOptions, notices: readonly string[] = []): Promise<ReadApiOptions> {
  const ocr = opts.ocr ? { ocr: true } : {};
  const fixes = await fixesOptions(opts, notices);
  if (!opts.lexicon) return { firstListedLead: opts.firstListedLead, ...ocr, ...fixes };
  const { loadLexicon } = await import('../api/extract.js');
  return { firstListedLead: opts.firstListedLead, lexicon: await loadLexicon(opts.lexicon), ...ocr, ...fixes };
}

async function fixesOptions(opts: ReadOptions, notices: readonly string[]): Promise<Pick<ReadApiOptions, 'fixes' | 'fixesPath'>> {
  if (opts.fixes === false) return {};
  const { findFixesFor, readFixes } = await import('../api/fixes.js');
  const file = typeof opts.fixes === 'string' ? opts.fixes : await findFixesFor(notices);
  return file ? { fixes: await readFixes(file), fixesPath: file } : {};
}

/** The line that says a corrections file was applied: how many fixes, and how many are stale. Silent without one. */
export function reportFixes(plan: Plan, read: ReadApiOptions, quiet?: boolean): void {
  if (!read.fixes || quiet) return;
  const applied = plan.diagnostics.filter((d) => d.ruleId === 'fix-applied').length;
  const stale = plan.diagnostics.filter((d) => d.ruleId === 'stale-fix').length;
  printErr(`fenjie: 已应用更正 ${applied} 条${stale ? `,${stale} 条已失效` : ''}: ${read.fixesPath} (applied ${applied} of ${read.fixes.fixes.length} fixes${stale ? `; ${stale} stale, not applied` : ''})\n`);
}

/** The help line of a notice argument: one file, several (the notice and its annexes), or a folder. */
export const NOTICE_ARGUMENT = 'notice: .txt, .html, .docx, .pdf, .doc, .wps, .xlsx, .xls, .ofd; or the notice and its annexes as several files, or a folder of them';

/**
 * Print diagnostics like a linter, with the consistency check's findings (an indicator the overall plan and an annex
 * state differently), and work out the exit code (warnings fail only with --strict).
 */
export function reportDiagnostics(plan: Plan, options: ReadOptions): number {
  const all = [...plan.diagnostics, ...targetConsistency(plan)].sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  if (!options.quiet) printErr(formatDiagnostics(plan.source.path, all));
  const errors = all.some((d) => d.severity === 'error');
  const warnings = all.some((d) => d.severity === 'warning');
  return errors || (options.strict && warnings) ? EXIT.findings : EXIT.ok;
}

/**
 * Before any work on a command that writes one file: the file can be written there, it is none of the inputs, and
 * temp files a killed run left beside it are removed (and said so).
 */
export async function prepareOutputFile(output: string, inputs: readonly string[], quiet: boolean | undefined): Promise<void> {
  await checkOutputFile(output);
  await refuseOverwritingInputs(inputs, [output]);
  const stale = await removeStaleTempFiles(path.dirname(path.resolve(output)), false);
  if (stale && !quiet) printErr(`fenjie: 删除了 ${stale} 个中断运行留下的临时文件 (removed ${stale} stale temp file${stale === 1 ? '' : 's'} left by a killed run)\n`);
}

export function addReadOptions(cmd: Command): Command {
  return cmd
    .option('--first-listed-lead', '文件未写明牵头单位时,以排序第一的单位为牵头 (marked inferred)')
    .option('--lexicon <file>', '补充词表 JSON:本地单位名称、职责用语等 (add local unit names and words; see README)')
    .option('--ocr', '扫描件 PDF 用 OCR 识别 (read scanned PDF pages with tesseract; needs Debian tesseract-ocr-chi-sim and poppler-utils; every item read so is marked for review)')
    .option('--fixes <file>', '更正文件 (corrections file; default: <notice>.fixes.json beside the notice, if there)')
    .option('--no-fixes', '不应用更正文件 (ignore the corrections file beside the notice)')
    .option('--strict', 'warnings fail the run (exit 1)')
    .option('-q, --quiet', 'do not print diagnostics');
}

export function registerExtract(program: Command): void {
  addReadOptions(
    program
      .command('extract')
      .description('读取通知,输出经校验的 plan.json (read a notice → validated Plan JSON)')
      .argument('<notice...>', NOTICE_ARGUMENT)
      .option('-o, --output <file>', 'write plan.json here instead of stdout'),
  ).action(async (notices: string[], opts: ReadOptions & { output?: string }) => {
    if (opts.output) await prepareOutputFile(opts.output, notices, opts.quiet);
    const { extractFiles } = await import('../api/extract.js');
    const read = await extractOptions(opts, notices);
    const { plan } = await extractFiles(notices, read);
    reportFixes(plan, read, opts.quiet);
    if (opts.output) await writeOutput(opts.output, planToJsonBytes(plan, opts.output));
    else process.stdout.write(planToJsonBytes(plan));
    process.exitCode = reportDiagnostics(plan, opts);
  });

  program
    .command('text')
    .description('打印解码后的原文:plan.json 中各项的位置 (span) 都指向这段文字 (the decoded text every span points into)')
    .argument('<notice...>', NOTICE_ARGUMENT)
    .action(async (notices: string[]) => {
      const { extractFiles } = await import('../api/extract.js');
      // Exactly the text the spans point into when piped to a file; escaped only on a terminal.
      const { source } = await extractFiles(notices);
      if (process.stdout.isTTY) printOut(source);
      else process.stdout.write(source);
    });

  program
    .command('schema')
    .description('打印 Plan 的 JSON Schema (from the zod schema)')
    .action(async () => {
      const { planJsonSchema } = await import('../api/extract.js');
      process.stdout.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
    });

  addReadOptions(
    program
      .command('units')
      .description('列出单位名录及其牵头/负责/配合任务数 (the unit registry as a table)')
      .argument('<notice...>', NOTICE_ARGUMENT),
  ).action(async (notices: string[], opts: ReadOptions) => {
    const { extractFiles } = await import('../api/extract.js');
    const read = await extractOptions(opts, notices);
    const { plan } = await extractFiles(notices, read);
    reportFixes(plan, read, opts.quiet);
    printOut(unitTable(plan));
    process.exitCode = reportDiagnostics(plan, { ...opts, quiet: opts.quiet ?? true });
  });
}
