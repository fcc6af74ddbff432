// fenjie track init | collect | export: the tracking workspace (issue 17). `status` and `report` are added to the
// returned `track` command elsewhere.
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { printedDate } from './build.js';
import { CliError, EXIT } from './errors.js';
import { addReadOptions, extractOptions, NOTICE_ARGUMENT, reportDiagnostics, reportFixes, type ReadOptions } from './extract.js';
import { writeOutput } from './io.js';
import { printErr } from './terminal.js';
import { safeJson } from '../api/plan-file.js';

const WORKSPACE_HELP = '工作区目录 (the workspace folder: fenjie.db, handouts/, returns/)';

interface InitCliOptions extends ReadOptions {
  readonly workspace: string;
  readonly round?: string;
  readonly date?: string;
  readonly templates?: string;
}

interface CollectCliOptions {
  readonly workspace: string;
  readonly asOf?: string;
  readonly quiet?: boolean;
}

/** TrackError and StoreError are the user's to fix: one line, exit 2 (the API's own messages name the file). */
export async function userErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'TrackError' || name === 'StoreError') throw new CliError((error as Error).message);
    throw error;
  }
}

export function asOfDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new CliError(`--as-of 需为 YYYY-MM-DD (got "${value}")`);
  return value;
}

export function registerTrack(program: Command): Command {
  const track = program
    .command('track')
    .description('跟踪落实: 发放台账、收集回执、查看落实情况、生成督办通报、导出记录 (track a plan: hand out ledgers, collect the returns, the round\'s status, the 督办通报, export the record)')
    .addHelpText(
      'after',
      '\n工作区 (workspace): fenjie.db (SQLite), handouts/<planId>/<round>/<单位>.xlsx, returns/<sha256>.xlsx\n' +
        'Example:\n  fenjie track init 通知.docx --round 2024-05\n  fenjie track collect 回执/\n  fenjie track status --as-of 2024-06-30\n  fenjie track report --as-of 2024-06-30 -o 通报/\n  fenjie track export -o 记录.json',
    );

  addReadOptions(
    track
      .command('init')
      .description('登记方案并发放本轮台账: 每个有任务的单位一份(只含其任务)和总台账(全部)，均带方案、单位和轮次标记 (record a plan and hand out the round\'s ledgers: one per unit with tasks, and the master)')
      .argument('<notice...>', `${NOTICE_ARGUMENT}; or a plan.json`)
      .option('-w, --workspace <dir>', WORKSPACE_HELP, './fenjie-work')
      .option('--round <round>', '报送轮次，写入台账标记 (the reporting round stamped into the ledgers; default: the month of --date, YYYY-MM)')
      .option('--date <YYYY-MM-DD>', '台账日期 (the ledgers\' date; default SOURCE_DATE_EPOCH, else today)')
      .option('--templates <dir>', 'template overrides (ledger.json)'),
  ).action(async (notices: string[], opts: InitCliOptions) => {
    const date = printedDate(opts.date);
    if (opts.round !== undefined && !opts.round.trim()) throw new CliError('--round 不能为空 (--round must not be empty)');
    const { trackInit } = await import('../api/track.js');
    const read = await extractOptions(opts, notices);
    const result = await userErrors(() => trackInit(notices, { ...read, workspace: opts.workspace, round: opts.round, date, templates: opts.templates }));
    reportFixes(result.plan, read, opts.quiet);
    // A plan.json was checked when it was made; a notice's diagnostics are shown as `extract` shows them.
    const code = notices.length === 1 && /\.json$/i.test(notices[0]!) ? EXIT.ok : reportDiagnostics(result.plan, opts);
    const written = result.handouts.filter((h) => h.state === 'written').length;
    const kept = result.handouts.length - written;
    const name = [result.title && `《${result.title}》`, result.docNumber].filter(Boolean).join(' ') || result.sha256.slice(0, 12);
    if (!opts.quiet) {
      printErr(
        `${result.recorded ? '已登记' : '已在工作区'} ${name} (${result.planId}) / ${result.recorded ? 'recorded plan' : 'plan already recorded'} ${result.planId}\n` +
          `第 ${result.round} 轮台账 ${result.handouts.length} 份${kept ? `（新写 ${written}，保留 ${kept}）` : ''} → ${join(result.workspace, ...dirname(result.handouts[0]!.file).split('/'))} / round ${result.round}: ${result.handouts.length} ledgers (${written} written${kept ? `, ${kept} kept` : ''})\n`,
      );
    }
    process.exitCode = code;
  });

  track
    .command('collect')
    .description('收集各单位交回的台账 (.xlsx/.xls 文件或目录): 按标记匹配方案和轮次，逐行读取填报内容并存档；同一文件再收无变化，同单位同轮的新回执取代旧的，历史都保留 (collect returned ledgers; exit 1 with warnings, 2 when a file failed)')
    .argument('<paths...>', 'returned ledgers: files, or folders (every .xlsx/.xls inside)')
    .option('-w, --workspace <dir>', WORKSPACE_HELP, './fenjie-work')
    .option('--as-of <YYYY-MM-DD>', '收集日期 (the collect\'s date, recorded; default: now)')
    .option('-q, --quiet', 'print only warnings and failures')
    .action(async (paths: string[], opts: CollectCliOptions) => {
      const asOf = asOfDate(opts.asOf);
      const { trackCollect } = await import('../api/track.js');
      const results = await userErrors(() => trackCollect(paths, { workspace: opts.workspace, asOf }));
      if (results.length === 0) throw new CliError(`${paths.join(' ')}: 没有找到 .xlsx/.xls 文件 (no .xlsx or .xls file found)`);
      let failed = 0;
      let warned = 0;
      for (const r of results) {
        if (r.state === 'failed') {
          failed++;
          printErr(`fenjie: ${r.error}\n`);
          continue;
        }
        if (!opts.quiet) {
          const note = r.state === 'new' ? 'new' : 'unchanged, 已收过 / collected before';
          printErr(`${r.name} ${r.unit} ${r.round}: ${r.reports} 条 (${note})\n`);
        }
        for (const w of r.warnings) printErr(`  ${w}\n`);
        if (r.warnings.length) warned++;
      }
      const added = results.filter((r) => r.state === 'new').length;
      if (!opts.quiet && results.length > 1) printErr(`共 ${results.length} 个文件: 新 ${added}，未变 ${results.length - added - failed}，失败 ${failed} / ${results.length} files: ${added} new, ${results.length - added - failed} unchanged, ${failed} failed\n`);
      process.exitCode = failed ? EXIT.failure : warned ? EXIT.findings : EXIT.ok;
    });

  track
    .command('export')
    .description('导出整个工作区记录为 JSON (方案、发放、回执文件、全部填报历史)，供审计 (the whole store as JSON, history included, for an auditor)')
    .option('-w, --workspace <dir>', WORKSPACE_HELP, './fenjie-work')
    .option('-o, --output <file>', 'write the JSON here instead of stdout')
    .action(async (opts: { workspace: string; output?: string }) => {
      const { trackExport } = await import('../api/track.js');
      const data = await userErrors(async () => trackExport(opts.workspace));
      const json = `${safeJson(JSON.stringify(data, null, 2))}\n`;
      if (opts.output) await writeOutput(opts.output, json);
      else process.stdout.write(json);
    });

  return track;
}
