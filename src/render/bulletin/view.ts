// The 督办通报 and the 催办单 as neutral blocks (title, headings, paragraphs, tables), laid out by docx.ts and pdf.ts
// alike so the Word and PDF files say the same. Pure: TrackStatus and the plans → blocks.
import type { Plan } from '../../model/schema.js';
import { daysBetween } from '../../track/due.js';
import type { Status, TaskState, TrackStatus } from '../../track/model.js';
import { STATUSES } from '../../track/model.js';
import { doneShare } from '../../track/status-text.js';
import { fill } from '../layout.js';
import { printedPlanName } from '../plan-view.js';
import type { BulletinTemplate } from '../templates.js';

export interface BulletinColumn {
  readonly label: string;
  readonly width: number;
  readonly align?: 'left' | 'center';
}

export type BulletinBlock =
  | { readonly kind: 'title' | 'subtitle' | 'note' | 'heading1' | 'paragraph' | 'addressee' | 'signature'; readonly text: string }
  | { readonly kind: 'table'; readonly columns: readonly BulletinColumn[]; readonly rows: readonly (readonly string[])[] };

export interface BulletinDoc {
  readonly title: string;
  readonly blocks: readonly BulletinBlock[];
}

export interface Reminder extends BulletinDoc {
  readonly unit: string;
}

type Plans = ReadonlyMap<string, Plan>;
type Tracked = TrackStatus['plans'][number];

const sum = (totals: Readonly<Record<Status, number>>) => STATUSES.reduce((n, s) => n + totals[s], 0);
const CENTERED = new Set(['no', 'id', 'tasks', 'done', 'progress', 'late', 'notStarted', 'share', 'status', 'deadline', 'overdue', 'role']);

function columns(cols: readonly { key: string; label: string; width: number }[]): BulletinColumn[] {
  return cols.map((c) => ({ label: c.label, width: c.width, align: CENTERED.has(c.key) ? 'center' : 'left' }));
}

function addTotals(a: Record<Status, number>, b: Readonly<Record<Status, number>>): void {
  for (const s of STATUSES) a[s] += b[s];
}

/** 2026-01-15 → 2026年1月15日. */
function chinese(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function lastText(task: TaskState, round: string, unit?: string): string {
  // A desk (区发展和改革局〈工信〉) may be reported on by its bureau.
  const r = unit ? task.reports.find((x) => x.unit === unit) ?? task.reports.find((x) => unit.startsWith(`${x.unit}〈`)) : task.lastReport ? task.reports.find((x) => x.unit === task.lastReport!.unit) : undefined;
  if (!r) return unit ? '未报送' : '—';
  // The round only where the words are from an earlier one (the unit did not report again).
  const when = [r.round !== round ? `${r.round}轮` : '', r.reportedOn ?? ''].filter(Boolean).join('，');
  return `${unit ? '' : `${r.unit}：`}${r.status ?? '未填状态'}${r.progress ? `，${r.progress}` : ''}${when ? `（${when}）` : ''}`;
}

const CADENCE: Readonly<Record<string, string>> = { week: '每周', 'ten-days': '每旬', month: '每月', quarter: '每季度', 'half-year': '每半年', year: '每年' };

/** 完成时限 as the plan writes it, with the date a dated one comes to; where none, 未明确 and the reporting cadence. */
function deadlineText(task: TaskState, noLead: string): string {
  const dated = task.dueKind === 'by-date' && task.due && !task.deadlines.includes(task.due) ? `\n${task.due}` : '';
  if (task.deadlines) return task.deadlines + dated;
  const cadence = task.cadence ? CADENCE[task.cadence] : undefined;
  return cadence ? `${noLead}\n${cadence}报送` : noLead;
}

function taskRows(tpl: BulletinTemplate, tasks: readonly TaskState[], plans: Plans, many: boolean, round: string): string[][] {
  return tasks.map((t, i) => {
    const plan = plans.get(t.planId);
    const id = many && plan ? `${t.taskId}（${plan.notice.docNumber ?? t.planId}）` : t.taskId;
    const cells: Record<BulletinTemplate['taskColumns'][number]['key'], string> = {
      no: String(i + 1), id, task: t.title, lead: t.lead.length ? t.lead.join('、') : tpl.noLead, deadline: deadlineText(t, tpl.noLead), status: t.status, last: lastText(t, round),
    };
    return tpl.taskColumns.map((c) => cells[c.key]);
  });
}

function planNameOf(status: TrackStatus, plans: Plans): { planName: string; docNumber: string; planTitle: string } {
  if (status.plans.length === 1) {
    const plan = plans.get(status.plans[0]!.planId);
    if (plan) return { planName: printedPlanName(plan), docNumber: plan.notice.docNumber ?? '', planTitle: plan.notice.planTitle ?? plan.notice.title ?? '' };
  }
  return { planName: '', docNumber: status.plans.map((p) => p.docNumber ?? p.planId).join('、'), planTitle: status.plans.map((p) => p.title ?? '').join('》《') };
}

/** The 督办通报: the round's totals, progress by annex, overdue, lagging and due-soon tasks, silent units. */
export function bulletinView(status: TrackStatus, plans: Plans, tpl: BulletinTemplate, date: string): BulletinDoc {
  const names = planNameOf(status, plans);
  const values = { ...names, round: status.round, asOf: chinese(status.asOf), date: chinese(date) };
  const title = fill(tpl.title, values);
  const many = status.plans.length > 1;
  const totals = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const p of status.plans) addTotals(totals, p.totals);
  const tasks = status.plans.flatMap((p) => p.tasks);
  const red = tasks.filter((t) => t.warning === 'red');
  const yellow = tasks.filter((t) => t.warning === 'yellow');
  const blue = tasks.filter((t) => t.warning === 'blue');
  const handed = status.plans.reduce((n, p) => n + p.handedOut.length, 0);
  const silent = status.plans.flatMap((p) => p.silent.map((u) => (many ? `${u}（${p.docNumber ?? p.planId}）` : u)));

  const blocks: BulletinBlock[] = [
    { kind: 'title', text: title },
    { kind: 'subtitle', text: fill(tpl.subtitle, values) },
    { kind: 'note', text: fill(tpl.source, values) },
    { kind: 'heading1', text: tpl.headings.overview },
    {
      kind: 'paragraph',
      text:
        `本轮（${status.round}）应报送单位${handed}个，已报送${handed - silent.length}个，未报送${silent.length}个。` +
        `共有重点任务${sum(totals)}项，其中办结${totals['已完成']}项，推进中${totals['推进中']}项，滞后${totals['滞后']}项，未启动${totals['未启动']}项，办结率${doneShare(totals)}。` +
        `逾期（红色预警）${red.length}项，滞后（黄色预警）${yellow.length}项，${status.dueSoonDays}日内到期（蓝色预警）${blue.length}项。`,
    },
    { kind: 'heading1', text: tpl.headings.annexes },
  ];
  const annexRows: string[][] = [];
  const row = (label: string, t: Readonly<Record<Status, number>>) => {
    const cells: Record<BulletinTemplate['annexColumns'][number]['key'], string> = {
      annex: label, tasks: String(sum(t)), done: String(t['已完成']), progress: String(t['推进中']), late: String(t['滞后']), notStarted: String(t['未启动']), share: doneShare(t),
    };
    return tpl.annexColumns.map((c) => cells[c.key]);
  };
  for (const p of status.plans as readonly Tracked[]) for (const a of p.annexes) annexRows.push(row(many ? `${p.docNumber ?? p.planId} ${a.label}` : a.label, a.totals));
  annexRows.push(row('合计', totals));
  blocks.push({ kind: 'table', columns: columns(tpl.annexColumns), rows: annexRows });
  const taskSection = (heading: string, list: readonly TaskState[]) => {
    blocks.push({ kind: 'heading1', text: heading });
    if (list.length === 0) blocks.push({ kind: 'paragraph', text: tpl.none });
    else blocks.push({ kind: 'table', columns: columns(tpl.taskColumns), rows: taskRows(tpl, list, plans, many, status.round) });
  };
  taskSection(tpl.headings.overdue, red);
  taskSection(tpl.headings.lagging, yellow);
  taskSection(tpl.headings.dueSoon, blue);
  blocks.push({ kind: 'heading1', text: tpl.headings.silent });
  blocks.push({ kind: 'paragraph', text: silent.length ? `${silent.join('、')}（共${silent.length}个）。` : tpl.none });
  blocks.push({ kind: 'heading1', text: tpl.headings.requirements });
  blocks.push({ kind: 'paragraph', text: tpl.requirements });
  blocks.push({ kind: 'signature', text: chinese(date) });
  return { title, blocks };
}

/**
 * Who a 催办单 goes to for a red task: its lead units; where it has none (未明确), every unit that takes part, so the
 * reminder still reaches someone.
 */
function remindedUnits(task: TaskState): readonly string[] {
  return task.lead.length ? task.lead : task.units;
}

/** One 催办单 per unit with overdue (red) tasks, in the plan's unit order (units first seen first across plans). */
export function remindersView(status: TrackStatus, plans: Plans, tpl: BulletinTemplate, date: string): Reminder[] {
  const byUnit = new Map<string, TaskState[]>();
  const order: string[] = [];
  for (const p of status.plans) {
    const plan = plans.get(p.planId);
    const index = new Map((plan?.units ?? []).map((u, i) => [u.name, i]));
    const units = [...new Set(p.tasks.filter((t) => t.warning === 'red').flatMap(remindedUnits))].sort((a, b) => (index.get(a) ?? Infinity) - (index.get(b) ?? Infinity) || a.localeCompare(b, 'zh-CN'));
    for (const u of units) {
      if (!byUnit.has(u)) {
        byUnit.set(u, []);
        order.push(u);
      }
      byUnit.get(u)!.push(...p.tasks.filter((t) => t.warning === 'red' && remindedUnits(t).includes(u)));
    }
  }
  const many = status.plans.length > 1;
  const names = planNameOf(status, plans);
  return order.map((unit) => {
    const tasks = byUnit.get(unit)!;
    const values = { ...names, unit, count: tasks.length, round: status.round, asOf: chinese(status.asOf), date: chinese(date) };
    const title = fill(tpl.reminder.title, values);
    const rows = tasks.map((t, i) => {
      const plan = plans.get(t.planId);
      const cells: Record<BulletinTemplate['reminder']['columns'][number]['key'], string> = {
        no: String(i + 1),
        id: many && plan ? `${t.taskId}（${plan.notice.docNumber ?? t.planId}）` : t.taskId,
        task: t.title,
        role: t.lead.includes(unit) ? '牵头' : '参与',
        deadline: deadlineText(t, tpl.noLead),
        overdue: t.due ? String(daysBetween(t.due, status.asOf)) : '—',
        last: lastText(t, status.round, unit),
      };
      return tpl.reminder.columns.map((c) => cells[c.key]);
    });
    return {
      unit,
      title,
      blocks: [
        { kind: 'title', text: title },
        { kind: 'note', text: fill(tpl.source, values) },
        { kind: 'addressee', text: fill(tpl.reminder.addressee, values) },
        { kind: 'paragraph', text: fill(tpl.reminder.intro, values) },
        { kind: 'table', columns: columns(tpl.reminder.columns), rows },
        { kind: 'signature', text: fill(tpl.reminder.signature, values) },
      ],
    };
  });
}
