// fenjie diff <old> <new>: exit 0 no changes, 1 changes, 2 error (like diff(1)).
import type { Command } from 'commander';
import { Option } from 'commander';
import { printedDate } from './build.js';
import { CliError, EXIT } from './errors.js';
import { extractOptions, prepareOutputFile, reportFixes } from './extract.js';
import { writeOutput } from './io.js';
import type { PlanWithSource } from '../api/plan-file.js';
import { safeJson } from '../api/plan-file.js';
import { escapeControls, printErr } from './terminal.js';

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('比较两个版本的方案,列出目标、任务、分工、专班的全部变化 (compare two plans; exit 0 same, 1 changed, 2 error)')
    .argument('<old>', 'old version: notice file or plan.json')
    .argument('<new>', 'new version: notice file or plan.json')
    .addOption(new Option('-f, --format <format>', 'report format: md, json, docx / pdf (修订对照表), html (side-by-side review page)').choices(['md', 'json', 'docx', 'pdf', 'html']).default('md'))
    .option('-o, --output <file>', 'write the report to a file (required for docx)')
    .option('--first-listed-lead', 'apply the first-listed-lead convention to notices that state none')
    .option('--lexicon <file>', 'add local unit names and words to the lexicon (see README)')
    .option('--date <YYYY-MM-DD>', 'date stored in docx/pdf reports (default: SOURCE_DATE_EPOCH or today)')
    .option('--fixes <file>', '两个版本都应用此更正文件 (corrections file for both versions; default: each notice\'s own <notice>.fixes.json)')
    .option('--no-fixes', '不应用更正文件 (ignore corrections files)')
    .option('--corrections', '标出哪些差异来自更正文件，并列出更正消除的差异 (mark the differences the corrections make, list those they remove)')
    .option('--templates <dir>', '模板目录：其中的 diff.json 等覆盖默认版式 (folder whose template files override the shipped ones)')
    .action(async (oldPath: string, newPath: string, opts: { format: 'md' | 'json' | 'docx' | 'pdf' | 'html'; output?: string; firstListedLead?: boolean; lexicon?: string; date?: string; templates?: string; fixes?: string | false; corrections?: boolean }) => {
      if (opts.corrections && opts.fixes === false) throw new CliError('--corrections 与 --no-fixes 不能同用 (--corrections compares with and without the corrections files)');
      if ((opts.format === 'docx' || opts.format === 'pdf') && !opts.output) throw new CliError(`--format ${opts.format} 需要 -o <file> (needs an output file)`);
      if (opts.output) await prepareOutputFile(opts.output, [oldPath, newPath], false);
      // Loaded here, not at start-up: the report writers pull in docx and pdfkit, which other commands do not need.
      const [{ diffPlans, markCorrections, renderDiffDocx, renderDiffMarkdown, renderDiffPdf }, { loadPlan, loadPlanWithSource }] = await Promise.all([
        import('../api/diff.js'),
        import('../api/plan-file.js'),
      ]);
      // Only the html page shows the source text; the other reports need the plans alone (no re-reading sources).
      // Each version with its own corrections (the file beside it), or both with --fixes: the diff is of corrected plans.
      // With --corrections each version is also read without its fixes, to tell the differences the fixes make.
      const load = async (path: string): Promise<PlanWithSource & { asRead: PlanWithSource['plan'] | null }> => {
        const read = await extractOptions(opts, [path]);
        const side = opts.format === 'html' ? await loadPlanWithSource(path, read) : { plan: await loadPlan(path, read), source: null };
        reportFixes(side.plan, read);
        const asRead = !opts.corrections ? null : read.fixes ? await loadPlan(path, { ...read, fixes: undefined, fixesPath: undefined }) : side.plan;
        return { ...side, asRead };
      };
      const [a, b] = await Promise.all([load(oldPath), load(newPath)]);
      const corrected = diffPlans(a.plan, b.plan);
      const changes = a.asRead && b.asRead ? markCorrections(corrected, diffPlans(a.asRead, b.asRead)) : corrected;
      if (opts.corrections) {
        const made = changes.changes.filter((c) => c.fromCorrections).length;
        const undone = changes.undoneByCorrections?.length ?? 0;
        printErr(`fenjie: 来自更正 ${made} 处，更正消除 ${undone} 处 (${made} differences come from corrections, ${undone} removed by them)\n`);
      }
      const meta = { oldLabel: oldPath, newLabel: newPath, plans: { old: a.plan, new: b.plan } };
      // The consistency check, on each version: an indicator the overall plan and an annex state differently.
      const { formatDiagnostics, targetConsistency } = await import('../api/extract.js');
      for (const [path, side] of [[oldPath, a], [newPath, b]] as const) printErr(formatDiagnostics(path, targetConsistency(side.plan)));
      let body: string | Uint8Array;
      if (opts.format === 'json') body = safeJson(`${JSON.stringify(changes, null, 2)}\n`);
      else if (opts.format === 'docx') body = await renderDiffDocx(changes, meta, { date: printedDate(opts.date), templatesDir: opts.templates });
      else if (opts.format === 'pdf') body = await renderDiffPdf(changes, meta, { date: printedDate(opts.date), templatesDir: opts.templates });
      // Markdown is read in a terminal as often as in a file: control characters from the notices are escaped.
      else if (opts.format === 'md') body = escapeControls(renderDiffMarkdown(changes, meta));
      else {
        const missing = [a, b].findIndex((side) => side.source === null);
        if (missing >= 0) throw new CliError(`--format html 需要通知原文 (the source of ${missing ? newPath : oldPath} is not at hand or has changed)`);
        const { renderDiffReview } = await import('../api/review.js');
        body = renderDiffReview(a.plan, a.source!, b.plan, b.source!, changes, meta);
      }
      if (opts.output) {
        await writeOutput(opts.output, body);
        const kinds = Object.entries(changes.summary.byKind).filter(([, n]) => n > 0);
        const { KIND_LABEL } = await import('../api/diff.js');
        printErr(
          `fenjie: 修订对照表 → ${opts.output} (${opts.format}): ` +
            (changes.summary.total === 0 ? '两个版本之间没有变化 (no changes)' : `共 ${changes.summary.total} 处变化 (${kinds.map(([k, n]) => `${KIND_LABEL[k as keyof typeof KIND_LABEL]} ${n}`).join('、')})`) +
            '\n',
        );
      } else process.stdout.write(typeof body === 'string' && process.stdout.isTTY ? escapeControls(body) : body);
      process.exitCode = changes.summary.total === 0 ? EXIT.ok : EXIT.findings;
    });
}
