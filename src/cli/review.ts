// fenjie review <notice> -o review.html: the extraction beside its source, as one self-contained HTML page.
import type { Command } from 'commander';
import { addReadOptions, extractOptions, NOTICE_ARGUMENT, reportDiagnostics, type ReadOptions } from './extract.js';
import { refuseInputAsOutput, writeFileAtomic } from './io.js';

export function registerReview(program: Command): void {
  addReadOptions(
    program
      .command('review')
      .description('生成核对页面:原文高亮 + 提取结果,单个 HTML 文件 (extraction beside its source, one self-contained HTML page)')
      .argument('<notice...>', NOTICE_ARGUMENT)
      .option('-o, --output <file>', 'write the page here instead of stdout'),
  ).action(async (notices: string[], opts: ReadOptions & { output?: string }) => {
    if (opts.output) for (const notice of notices) refuseInputAsOutput(notice, opts.output);
    const [{ extractFiles }, { renderReview }] = await Promise.all([import('../index.js'), import('../review/index.js')]);
    const { plan, source } = await extractFiles(notices, await extractOptions(opts));
    const html = renderReview(plan, source);
    if (opts.output) await writeFileAtomic(opts.output, html);
    else process.stdout.write(html);
    process.exitCode = reportDiagnostics(plan, opts);
  });
}
