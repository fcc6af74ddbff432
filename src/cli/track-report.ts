// fenjie track status | report: the round's state of every task, on the terminal or as the 督办通报 (issue 17 points
// 3 and 4). Both read the workspace once (readWorkspace) and compute with the pure trackStatus.
import { join } from 'node:path';
import type { Command } from 'commander';
import { printedDate } from './build.js';
import { CliError, EXIT } from './errors.js';
import { checkOutputFolder, refuseLinkedFolders } from './output-place.js';
import { printErr } from './terminal.js';
import { asOfDate, userErrors } from './track.js';

const WORKSPACE_HELP = '工作区目录 (the workspace folder made by fenjie track init)';

interface StatusCliOptions {
  readonly workspace: string;
  readonly asOf?: string;
  readonly round?: string;
  readonly unit?: string;
  readonly dueSoon: string;
  readonly json?: boolean;
}

interface ReportCliOptions extends StatusCliOptions {
  readonly output: string;
  readonly date?: string;
  readonly templates?: string;
  readonly quiet?: boolean;
}

function days(value: string): number {
  if (!/^\d{1,4}$/.test(value)) throw new CliError(`--due-soon 需为天数 (a number of days, got "${value}")`);
  return Number(value);
}

/** The workspace read and the status computed; a workspace error or an unknown round/unit is one line, exit 2. */
async function computeStatus(opts: StatusCliOptions) {
  const asOf = printedDate(asOfDate(opts.asOf));
  const { readWorkspace } = await import('../api/track.js');
  const { trackStatus } = await import('../api/status.js');
  const data = await userErrors(async () => readWorkspace(opts.workspace));
  if (data.plans.length === 0) throw new CliError(`${opts.workspace}: 工作区里没有方案，请先运行 fenjie track init / no plan recorded: run \`fenjie track init\` first`);
  if (opts.round !== undefined && !data.handouts.some((h) => h.round === opts.round)) {
    const rounds = [...new Set(data.handouts.map((h) => h.round))].sort();
    throw new CliError(`${opts.workspace}: 没有发放过第 ${opts.round} 轮台账 (no ledgers handed out for round ${opts.round}; rounds: ${rounds.join(', ')})`);
  }
  if (opts.unit !== undefined && !data.plans.some((p) => p.plan.units.some((u) => u.name === opts.unit || u.aliases.includes(opts.unit!)))) {
    throw new CliError(`${opts.workspace}: 方案中没有单位"${opts.unit}" (no unit named "${opts.unit}" in the recorded plans)`);
  }
  const status = trackStatus(data, { asOf, round: opts.round, unit: opts.unit, dueSoonDays: days(opts.dueSoon) });
  return { data, status };
}

function statusOptions(command: Command): Command {
  return command
    .option('-w, --workspace <dir>', WORKSPACE_HELP, './fenjie-work')
    .option('--as-of <YYYY-MM-DD>', '统计日期: 预警按此日计算 (the day warnings are computed for; default SOURCE_DATE_EPOCH, else today)')
    .option('--round <round>', '报送轮次 (the reporting round; default: each plan\'s latest round handed out)')
    .option('--unit <name>', '只看该单位的任务 (only this unit\'s tasks, its desks included)')
    .option('--due-soon <days>', '蓝色预警的天数 (days before a dated deadline that make a blue warning)', '15');
}

export function registerTrackReport(track: Command): void {
  statusOptions(
    track
      .command('status')
      .description('本轮落实情况: 按方案和附件统计各状态任务数，列出逾期、临期任务及牵头单位和未报送单位 (the round\'s status: tasks by status per plan and annex, overdue and due-soon tasks with their leads, units that have not reported)'),
  )
    .option('--json', 'print the status as JSON instead of text')
    .addHelpText('after', '\n预警 (warnings): 红 red — 已过期限未完成; 黄 yellow — 报告滞后，或过半时限仍未启动; 蓝 blue — 期限在 --due-soon 天内且未完成。\nOnly dated deadlines (2025年底前) make red and blue; 每月/每季度 are reporting dates.')
    .action(async (opts: StatusCliOptions) => {
      const { status } = await computeStatus(opts);
      if (opts.json) {
        const { safeJson } = await import('../api/plan-file.js');
        process.stdout.write(`${safeJson(JSON.stringify(status, null, 2))}\n`);
      } else {
        const { statusText } = await import('../api/status.js');
        process.stdout.write(statusText(status));
      }
      process.exitCode = EXIT.ok;
    });

  statusOptions(
    track
      .command('report')
      .description('督办通报: 写出督办通报 (Word、PDF)、各逾期单位的催办单和合并各单位最新填报的总台账 (write the supervision bulletin, a 催办单 per unit with overdue tasks, and the merged 总台账.xlsx)'),
  )
    .requiredOption('-o, --output <dir>', '输出目录 (the folder the bulletin is written into)')
    .option('--date <YYYY-MM-DD>', '通报日期 (the bulletin\'s date; default: --as-of)')
    .option('--templates <dir>', 'template overrides (bulletin.json, document.json, ledger.json)')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (opts: ReportCliOptions) => {
      await checkOutputFolder(opts.output);
      const { data, status } = await computeStatus(opts);
      const { bulletinFiles } = await import('../api/status.js');
      const { makeFolders, writeFileAtomic } = await import('../api/write.js');
      const files = await bulletinFiles(status, data, opts.templates, { date: opts.date ? printedDate(opts.date) : status.asOf });
      await refuseLinkedFolders(opts.output, files.map((f) => f.path));
      for (const file of files) {
        const target = join(opts.output, ...file.path.split('/'));
        await makeFolders(join(target, '..'));
        await writeFileAtomic(target, file.bytes);
      }
      if (!opts.quiet) {
        const reminders = files.filter((f) => f.path.startsWith('催办单/') && f.path.endsWith('.docx')).length;
        printErr(`督办通报 (第 ${status.round} 轮，截至 ${status.asOf}) → ${opts.output}: ${files.length} 个文件，催办单 ${reminders} 份 / bulletin for round ${status.round} as of ${status.asOf}: ${files.length} files, ${reminders} reminders\n`);
      }
      process.exitCode = EXIT.ok;
    });
}
