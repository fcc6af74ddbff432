// The public API of tracking (issue 17): a workspace folder that records plans, hands out stamped ledgers per unit
// and round, collects the returned ledgers into an SQLite store (append-only reports) and reads it back whole.
//
//   trackInit(inputs, options)     notice or plan.json → plan recorded, ledgers in <ws>/handouts/<planId>/<round>/
//   trackCollect(paths, options)   returned .xlsx/.xls files or folders → reports stored, files kept in <ws>/returns/
//   readWorkspace(workspace)       → { plans, handouts, reports (latest per plan, round, task, unit), files }
//   trackExport(workspace)         → the whole store, history included, for an auditor
import { ledgerXlsx } from '../render/xlsx/xlsx-ledger.js';
import { allocateFileNames } from '../render/safe-filename.js';
import { loadTemplates } from '../render/templates.js';
import { namesCovered, sheetUnits } from '../render/unit-view.js';
import { collectReturns, type CollectOutcome } from '../track/collect.js';
import { ALL_UNITS, handOut, type InitResult } from '../track/init.js';
import { DEFAULT_WORKSPACE } from '../track/workspace.js';
import type { ReadOptions } from './extract.js';
import { loadPlan } from './plan-file.js';

export { STATUSES, type Handout, type ReturnedFile, type Status, type TaskReport, type TrackedPlan, type TrackStatus, type TaskState, type Warning } from '../track/model.js';
export { StoreError, type StoreExport } from '../track/store.js';
export { readWorkspace, trackExport, DEFAULT_WORKSPACE } from '../track/workspace.js';
export { readReturn, openLedger, handoutRows, readDate, MAX_RETURN_BYTES, type ReturnRead, type ReturnedRow, type ReadStamp, type LedgerLayout, type OpenedLedger, type LedgerRows, type ReadReturnOptions } from '../track/read-return.js';
export { listReturns, type CollectOutcome, type CollectedFile, type FailedFile } from '../track/collect.js';
export { ALL_UNITS, type InitResult, type HandedOut } from '../track/init.js';

const today = (): string => new Date().toISOString().slice(0, 10);

export interface TrackInitOptions extends ReadOptions {
  /** The workspace folder (default: ./fenjie-work), created when missing. */
  readonly workspace?: string;
  /** The reporting round stamped into the ledgers (default: the month of `date`, YYYY-MM). */
  readonly round?: string;
  /** YYYY-MM-DD printed in the ledgers and recorded (default: today). */
  readonly date?: string;
  /** A folder of template overrides (default: the shipped templates). */
  readonly templates?: string;
}

/**
 * Record a plan in a workspace and hand out its ledgers for a round: one per unit with tasks (its own tasks only)
 * and the master ledger (全部), in `<workspace>/handouts/<planId>/<round>/<unit>.xlsx`. Idempotent: the same plan and
 * round again keeps the ledgers handed out.
 *
 * @param inputs the notice (its file(s) or folder, extracted now with `options`' ReadOptions) or a plan.json
 * @returns the plan's id and what was handed out
 * @throws IngestError / PlanFileError for unusable input, TemplateError, WriteError, StoreError
 */
export async function trackInit(inputs: string | readonly string[], options: TrackInitOptions = {}): Promise<InitResult> {
  const plan = await loadPlan(inputs, options);
  const templates = await loadTemplates(options.templates);
  const date = options.date ?? today();
  const round = options.round ?? date.slice(0, 7);
  const units = sheetUnits(plan)
    .filter((u) => {
      const names = namesCovered(plan, u);
      return plan.annexes.some((a) => a.tasks.some((t) => t.assignments.some((x) => names.has(x.unit))));
    })
    .map((u) => u.name);
  return handOut(plan, {
    workspace: options.workspace ?? DEFAULT_WORKSPACE,
    round,
    date,
    units,
    ledger: (unit) => ledgerXlsx(plan, templates, date, { unit: unit === ALL_UNITS ? undefined : unit, round }),
    fileNames: allocateFileNames,
  });
}

export interface TrackCollectOptions {
  /** The workspace folder (default: ./fenjie-work); it must have been made by trackInit. */
  readonly workspace?: string;
  /** YYYY-MM-DD recorded as the collect's date (default: now). */
  readonly asOf?: string;
  /** A folder of template overrides, for the ledger's column labels (default: the shipped templates). */
  readonly templates?: string;
}

/**
 * Collect returned ledgers: files and folders (every .xlsx/.xls inside, sorted). Each file: collected before →
 * `unchanged`; else read, matched to its plan and handout by its stamp, kept as `returns/<sha256>.<ext>` and stored
 * with its reports in one transaction (`new`). A file that cannot be used is `failed`, with its message; the rest go on.
 *
 * @throws TrackError when the workspace does not exist; StoreError when its store cannot be used
 */
export async function trackCollect(paths: readonly string[], options: TrackCollectOptions = {}): Promise<CollectOutcome[]> {
  const templates = await loadTemplates(options.templates);
  return collectReturns(paths, { workspace: options.workspace ?? DEFAULT_WORKSPACE, asOf: options.asOf, templates });
}
