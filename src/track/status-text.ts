// `fenjie track status`: the terminal summary (issue 17 point 3) — per plan and annex, tasks by status; the overdue
// (red) and due-soon (blue) tasks with their lead units; the units that have not reported for the round. Plain text,
// columns aligned by display width (a CJK character takes two cells).
import type { Status, TaskState, TrackStatus } from './model.js';
import { STATUSES } from './model.js';

/** 已完成 is 办结 in a bulletin; the order offices count in. */
export const STATUS_ORDER: readonly Status[] = ['已完成', '推进中', '滞后', '未启动'];

/** Terminal cells a string takes: East Asian wide and fullwidth characters count two. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return n;
}

const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));
const padStart = (text: string, width: number) => ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** Rows of cells as aligned text: the first column left-aligned, the others right-aligned. */
function table(rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => displayWidth(r[i] ?? ''))));
  return rows.map((r) => indent + r.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ').trimEnd());
}

/** 办结率 as a percentage with one decimal, e.g. 12.6%. */
export function doneShare(totals: Readonly<Record<Status, number>>): string {
  const all = STATUSES.reduce((n, s) => n + totals[s], 0);
  return all === 0 ? '—' : `${((totals['已完成'] * 100) / all).toFixed(1)}%`;
}

export const leadText = (task: TaskState): string => (task.lead.length ? task.lead.join('、') : '未明确');

function taskLines(tasks: readonly TaskState[], label: (t: TaskState) => string): string[] {
  const rows = tasks.map((t) => [t.taskId, label(t), t.title, leadText(t)]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => displayWidth(r[i]!))));
  return rows.map((r) => `  ${padEnd(r[0]!, widths[0]!)}  ${padEnd(r[1]!, widths[1]!)}  ${padEnd(r[2]!, widths[2]!)}  牵头：${r[3]}`);
}

export function statusText(status: TrackStatus): string {
  const out: string[] = [];
  out.push(`截至 ${status.asOf}${status.unit ? `  单位：${status.unit}` : ''}`);
  if (status.plans.length === 0) out.push('工作区没有方案 / no plan in the workspace');
  for (const p of status.plans) {
    const all = STATUSES.reduce((n, s) => n + p.totals[s], 0);
    out.push('');
    out.push(`${p.docNumber ?? p.planId}  ${p.title ?? ''}`.trimEnd());
    out.push(`报送轮次：${p.round || '（未下发）'}  任务 ${all} 项  办结率 ${doneShare(p.totals)}`);
    out.push(
      ...table([
        ['', '任务', ...STATUS_ORDER.map((s) => (s === '已完成' ? '办结' : s))],
        ...p.annexes.map((a) => [a.label, String(STATUSES.reduce((n, s) => n + a.totals[s], 0)), ...STATUS_ORDER.map((s) => String(a.totals[s]))]),
        ['合计', String(all), ...STATUS_ORDER.map((s) => String(p.totals[s]))],
      ]),
    );
    const red = p.tasks.filter((t) => t.warning === 'red');
    const blue = p.tasks.filter((t) => t.warning === 'blue');
    const yellow = p.tasks.filter((t) => t.warning === 'yellow');
    out.push(`逾期（红色预警）${red.length} 项`);
    if (red.length) out.push(...taskLines(red, (t) => `时限 ${t.due}  ${t.status}`));
    out.push(`临期（${status.dueSoonDays} 日内到期，蓝色预警）${blue.length} 项`);
    if (blue.length) out.push(...taskLines(blue, (t) => `时限 ${t.due}  ${t.status}`));
    out.push(`滞后（黄色预警）${yellow.length} 项`);
    if (yellow.length) out.push(...taskLines(yellow, (t) => t.status));
    out.push(`未报送单位 ${p.silent.length} 个${p.silent.length ? `：${p.silent.join('、')}` : ''}`);
  }
  return out.join('\n') + '\n';
}
