// The tracking model (issue 17): what a workspace holds once a plan is decomposed — the plans it follows, the
// ledgers handed out for each reporting round, and the reports units return — and the shape of the status the
// 督办通报 is written from. The store (store.ts) persists these; status.ts computes from them; nothing here does I/O.
import type { Plan } from '../model/schema.js';

/** 完成状态 as the ledger's drop-down offers them (templates/ledger.json `statuses`). 已完成 is 办结 in a bulletin. */
export const STATUSES = ['未启动', '推进中', '已完成', '滞后'] as const;
export type Status = (typeof STATUSES)[number];

/** A plan the workspace follows: recorded once by `track init`, keyed by the source's sha256. */
export interface TrackedPlan {
  /** Stable id within the workspace: the first 12 hex digits of the source sha256. */
  readonly planId: string;
  readonly sha256: string;
  readonly docNumber: string | null;
  readonly title: string | null;
  /** The plan as recorded (plan.json's object), corrections applied. */
  readonly plan: Plan;
  /** YYYY-MM-DD it was recorded. */
  readonly recordedOn: string;
}

/** One ledger handed out: a unit's own (or 全部, the master) for one round of one plan. */
export interface Handout {
  readonly planId: string;
  /** The reporting round, e.g. 2024-06 or 第3期: stamped into the ledger, compared when it comes back. */
  readonly round: string;
  /** Canonical unit name, or 全部 for the master ledger. */
  readonly unit: string;
  /** Path of the file within the workspace (forward slashes). */
  readonly file: string;
  readonly sha256: string;
  /** YYYY-MM-DD handed out. */
  readonly date: string;
}

/** The returned file one or more reports came from; kept in the workspace as the record. */
export interface ReturnedFile {
  readonly sha256: string;
  /** The file's name as it was collected (base name only). */
  readonly name: string;
  /** Where the copy is kept within the workspace (forward slashes). */
  readonly stored: string;
  readonly planId: string;
  readonly round: string;
  readonly unit: string;
  /** ISO timestamp of the collect (from `--as-of` when given, so tests are deterministic). */
  readonly collectedAt: string;
}

/** One row of a returned ledger: a unit's report on one task for one round. Append-only in the store. */
export interface TaskReport {
  readonly planId: string;
  readonly round: string;
  readonly taskId: string;
  readonly unit: string;
  /** null where the row's 完成状态 was left empty. */
  readonly status: Status | null;
  readonly progress: string;
  readonly evidence: string;
  readonly reporter: string;
  /** 填报日期 as an ISO date, or null where empty. */
  readonly reportedOn: string | null;
  /** The file (sha256) and place it came from, for the auditor. */
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
  /** Order of collection within the store; a later report of the same unit, round and task supersedes an earlier. */
  readonly seq: number;
}

/** 预警 levels as offices use them. */
export type Warning = 'blue' | 'yellow' | 'red';

/** What a bulletin and `track status` are written from: pure data, computed as of one date for one round. */
export interface TaskState {
  readonly planId: string;
  readonly annexId: string;
  readonly taskId: string;
  readonly title: string;
  readonly lead: readonly string[];
  /** Units that report on it (lead and responsible and cooperating, canonical). */
  readonly units: readonly string[];
  /** The latest status across its units' reports (worst of lead's reports first), 未启动 where nobody reported. */
  readonly status: Status;
  /** The next (or last passed) due date, ISO, or null for ongoing / none. */
  readonly due: string | null;
  readonly warning: Warning | null;
  /** The latest progress text reported on it, with who said it. */
  readonly lastReport: { readonly unit: string; readonly progress: string; readonly reportedOn: string | null } | null;
  /** 完成时限 as the plan writes it (its deadlines' raw text joined with 、), '' where none. */
  readonly deadlines: string;
  /** Where `due` comes from: a dated deadline, the task's own cadence, 长期 (never due), the plan's cadence, none. */
  readonly dueKind: 'by-date' | 'recurring' | 'ongoing' | 'cadence' | 'none';
  /** The reporting period that applies (week, ten-days, month, quarter, half-year, year), or null. */
  readonly cadence: string | null;
  /** Each unit's standing report on it, in the task's unit order: the round's, else its latest of an earlier round. */
  readonly reports: readonly UnitReport[];
}

/** One unit's standing report on a task, as status and the bulletin use it. */
export interface UnitReport {
  readonly unit: string;
  /** The round it was reported for (an earlier one when the unit did not report again). */
  readonly round: string;
  readonly status: Status | null;
  readonly progress: string;
  readonly evidence: string;
  readonly reporter: string;
  readonly reportedOn: string | null;
  readonly lead: boolean;
}

export interface TrackStatus {
  readonly asOf: string;
  readonly round: string;
  readonly plans: readonly {
    readonly planId: string;
    readonly docNumber: string | null;
    readonly title: string | null;
    readonly totals: Readonly<Record<Status, number>>;
    readonly annexes: readonly { readonly annexId: string; readonly label: string; readonly totals: Readonly<Record<Status, number>> }[];
    readonly tasks: readonly TaskState[];
    /** Units handed a ledger for the round that returned nothing. */
    readonly silent: readonly string[];
    /** The round this plan's figures are for (the plan's latest handed out, unless one was asked for). */
    readonly round: string;
    /** Units handed a ledger for the round (the master ledger 全部 not counted), in the plan's unit order. */
    readonly handedOut: readonly string[];
  }[];
  /** The unit `--unit` filtered to, or null. */
  readonly unit: string | null;
  /** The blue-warning window in days. */
  readonly dueSoonDays: number;
}

/**
 * What `readWorkspace(ws)` reads out of a workspace (task A): every plan, handout and returned file, and the latest
 * report per plan, round, task and unit for all rounds. Status and the bulletin are pure functions of it.
 */
export interface WorkspaceData {
  readonly plans: readonly TrackedPlan[];
  readonly handouts: readonly Handout[];
  readonly reports: readonly TaskReport[];
  readonly files: readonly ReturnedFile[];
}
