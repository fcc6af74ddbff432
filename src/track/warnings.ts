// 预警 levels as offices use them (issue 17), as of one day. Only a dated deadline (by-date) makes a task red or
// blue: a recurring or cadence date is when to report, not when the task must be done.
//   red    — past its dated deadline and not 已完成
//   yellow — reported 滞后; or past half its time (from the notice date to the dated deadline) and still 未启动
//   blue   — its dated deadline falls within `dueSoonDays` days and it is not 已完成
// The most severe level applies; a task that is 已完成 has none.
import type { Due } from './due.js';
import { daysBetween } from './due.js';
import type { Status, Warning } from './model.js';

export const DUE_SOON_DAYS = 15;

export interface WarningInput {
  readonly status: Status;
  readonly due: Due;
  /** YYYY-MM-DD the day it is computed for. */
  readonly asOf: string;
  /** The notice's date, where the plan gives one: the start of a task's time. */
  readonly start: string | null;
  /** Blue within this many days of the deadline (default 15). */
  readonly dueSoonDays?: number;
}

export const WARNING_LABELS: Readonly<Record<Warning, string>> = { red: '红色预警', yellow: '黄色预警', blue: '蓝色预警' };

export function warningOf({ status, due, asOf, start, dueSoonDays = DUE_SOON_DAYS }: WarningInput): Warning | null {
  if (status === '已完成') return null;
  const dated = due.kind === 'by-date' && due.due !== null ? due.due : null;
  if (dated !== null && asOf > dated) return 'red';
  if (status === '滞后') return 'yellow';
  if (dated !== null && status === '未启动' && start !== null && start < dated) {
    // Past half the time: more of it behind than ahead.
    if (daysBetween(start, asOf) * 2 > daysBetween(start, dated)) return 'yellow';
  }
  if (dated !== null && daysBetween(asOf, dated) <= dueSoonDays) return 'blue';
  return null;
}
