// fenjie extract | schema | units
import type { Command } from 'commander';
import { formatDiagnostics } from '../diagnostics/index.js';
import { targetConsistency } from '../diff/consistency.js';
import type { Plan } from '../model/schema.js';
import { EXIT } from './errors.js';
import { refuseInputAsOutput, writeFileAtomic } from './io.js';
import { unitTable } from './table.js';

export interface ReadOptions {
  readonly firstListedLead?: boolean;
  readonly strict?: boolean;
  readonly quiet?: boolean;
}

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
    .option('--strict', 'warnings fail the run (exit 1)')
    .option('-q, --quiet', 'do not print diagnostics');
}

export function registerExtract(program: Command): void {
  addReadOptions(
    program
      .command('extract')
      .description('读取通知,输出经校验的 plan.json (read a notice → validated Plan JSON)')
      .argument('<notice>', 'notice file: .txt (UTF-8 / GB18030), .html, .docx')
      .option('-o, --output <file>', 'write plan.json here instead of stdout'),
  ).action(async (notice: string, opts: ReadOptions & { output?: string }) => {
    if (opts.output) refuseInputAsOutput(notice, opts.output);
    const { extractNotice } = await import('../index.js');
    const { plan } = await extractNotice(notice, { firstListedLead: opts.firstListedLead });
    const json = planToJson(plan);
    if (opts.output) await writeFileAtomic(opts.output, json);
    else process.stdout.write(json);
    process.exitCode = reportDiagnostics(plan, opts);
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
      .argument('<notice>', 'notice file'),
  ).action(async (notice: string, opts: ReadOptions) => {
    const { extractNotice } = await import('../index.js');
    const { plan } = await extractNotice(notice, { firstListedLead: opts.firstListedLead });
    process.stdout.write(unitTable(plan));
    process.exitCode = reportDiagnostics(plan, { ...opts, quiet: opts.quiet ?? true });
  });
}
