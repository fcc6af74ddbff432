// fenjie review <notice|plan.json> -o review.html: the extraction beside its source, as one self-contained HTML page.
import type { Command } from 'commander';
import { CliError } from './errors.js';
import { addReadOptions, extractOptions, NOTICE_ARGUMENT, prepareOutputFile, reportDiagnostics, reportFixes, type ReadOptions } from './extract.js';
import { writeOutput } from './io.js';
import { escapeControls } from './terminal.js';

export function registerReview(program: Command): void {
  addReadOptions(
    program
      .command('review')
      .description('生成核对页面:原文高亮 + 提取结果,单个 HTML 文件 (extraction beside its source, one self-contained HTML page)')
      .argument('<notice...>', `${NOTICE_ARGUMENT}; or a plan.json whose source is at hand`)
      .option('-o, --output <file>', 'write the page here instead of stdout'),
  ).action(async (notices: string[], opts: ReadOptions & { output?: string }) => {
    if (opts.output) await prepareOutputFile(opts.output, notices, opts.quiet);
    const [{ loadPlanWithSource }, { renderReview }] = await Promise.all([import('../api/plan-file.js'), import('../api/review.js')]);
    const read = await extractOptions(opts, notices);
    const { plan, source } = await loadPlanWithSource(notices, read);
    reportFixes(plan, read, opts.quiet);
    if (source === null) throw new CliError(`${notices[0]}: 找不到方案的原文 ${plan.source.path} (the plan's source file is not at hand or has changed; looked beside the plan.json and in the current folder)`);
    const html = renderReview(plan, source);
    if (opts.output) await writeOutput(opts.output, html);
    else process.stdout.write(process.stdout.isTTY ? escapeControls(html) : html);
    process.exitCode = reportDiagnostics(plan, opts);
  });
}
