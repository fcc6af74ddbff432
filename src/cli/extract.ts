// fenjie extract | schema | units
import type { Command } from 'commander';
import { formatDiagnostics } from '../diagnostics/index.js';
import type { ReadOptions as ReadApiOptions } from '../index.js';
import { targetConsistency } from '../diff/consistency.js';
import type { Plan } from '../model/schema.js';
import { EXIT } from './errors.js';
import { refuseInputAsOutput, writeFileAtomic } from './io.js';
import { unitTable } from './table.js';

export interface ReadOptions {
  readonly firstListedLead?: boolean;
  readonly lexicon?: string;
  readonly strict?: boolean;
  readonly quiet?: boolean;
  readonly ocr?: boolean;
}

/** What the reading commands pass to extraction: the convention option, the user's lexicon if any, and --ocr. */
export async function extractOptions(opts: ReadOptions): Promise<ReadApiOptions> {
  const ocr = opts.ocr ? { ocr: true } : {};
  if (!opts.lexicon) return { firstListedLead: opts.firstListedLead, ...ocr };
  const { loadLexicon } = await import('../index.js');
  return { firstListedLead: opts.firstListedLead, lexicon: await loadLexicon(opts.lexicon), ...ocr };
}

/** The help line of a notice argument: one file, several (the notice and its annexes), or a folder. */
export const NOTICE_ARGUMENT = 'notice: .txt, .html, .docx, .pdf, .doc, .wps, .xlsx, .xls, .ofd; or the notice and its annexes as several files, or a folder of them';

/** Stable JSON: the same Plan always serialises to the same bytes. */
export function planToJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/**
 * Print diagnostics like a linter, with the consistency check's findings (an indicator the overall plan and an annex
 * state differently), and work out the exit code (warnings fail only with --strict).
 */
export function reportDiagnostics(plan: Plan, options: ReadOptions): number {
  const all = [...plan.diagnostics, ...targetConsistency(plan)].sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1));
  if (!options.quiet) process.stderr.write(formatDiagnostics(plan.source.path, all));
  const errors = all.some((d) => d.severity === 'error');
  const warnings = all.some((d) => d.severity === 'warning');
  return errors || (options.strict && warnings) ? EXIT.findings : EXIT.ok;
}

export function addReadOptions(cmd: Command): Command {
  return cmd
    .option('--first-listed-lead', '文件未写明牵头单位时,以排序第一的单位为牵头 (marked inferred)')
    .option('--lexicon <file>', '补充词表 JSON:本地单位名称、职责用语等 (add local unit names and words; see README)')
    .option('--strict', 'warnings fail the run (exit 1)')
    .option('--ocr', '扫描件 PDF 用 OCR 识别 (read scanned PDF pages with tesseract; needs Debian tesseract-ocr-chi-sim and poppler-utils; every item read so is marked for review)')
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
    if (opts.output) for (const notice of notices) refuseInputAsOutput(notice, opts.output);
    const { extractFiles } = await import('../index.js');
    const { plan } = await extractFiles(notices, await extractOptions(opts));
    const json = planToJson(plan);
    if (opts.output) await writeFileAtomic(opts.output, json);
    else process.stdout.write(json);
    process.exitCode = reportDiagnostics(plan, opts);
  });

  program
    .command('text')
    .description('打印解码后的原文:plan.json 中各项的位置 (span) 都指向这段文字 (the decoded text every span points into)')
    .argument('<notice...>', NOTICE_ARGUMENT)
    .action(async (notices: string[]) => {
      const { extractFiles } = await import('../index.js');
      process.stdout.write((await extractFiles(notices)).source);
    });

  program
    .command('schema')
    .description('打印 Plan 的 JSON Schema (from the zod schema)')
    .action(async () => {
      const { planJsonSchema } = await import('../model/schema.js');
      process.stdout.write(`${JSON.stringify(planJsonSchema(), null, 2)}\n`);
    });

  addReadOptions(
    program
      .command('units')
      .description('列出单位名录及其牵头/负责/配合任务数 (the unit registry as a table)')
      .argument('<notice...>', NOTICE_ARGUMENT),
  ).action(async (notices: string[], opts: ReadOptions) => {
    const { extractFiles } = await import('../index.js');
    const { plan } = await extractFiles(notices, await extractOptions(opts));
    process.stdout.write(unitTable(plan));
    process.exitCode = reportDiagnostics(plan, { ...opts, quiet: opts.quiet ?? true });
  });
}
