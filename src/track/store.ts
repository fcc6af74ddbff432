// The tracking workspace's store (issue 17): one SQLite file, <workspace>/fenjie.db, in WAL mode with a busy
// timeout so two collects at once serialize instead of failing. Reports are append-only; the current state is the
// latest seq per (plan, round, task, unit). Only paths relative to the workspace are stored, so a copied workspace works.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plan } from '../model/schema.js';
import type { Handout, ReturnedFile, TaskReport, TrackedPlan, Status } from './model.js';
import { LATEST_REPORTS_SQL, MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

/** A workspace store that cannot be opened or used: a newer schema, or a file that is not a fenjie store. */
export class StoreError extends Error {
  constructor(
    message: string,
    /** the database's path */
    readonly file: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const DB_NAME = 'fenjie.db';

export interface StoreExport {
  readonly schemaVersion: number;
  readonly plans: TrackedPlan[];
  readonly handouts: Handout[];
  readonly files: ReturnedFile[];
  readonly reports: TaskReport[];
}

type NewReport = Omit<TaskReport, 'seq' | 'file'>;

export interface Store {
  readonly dir: string;
  recordPlan(plan: TrackedPlan): void;
  recordHandout(handout: Handout): void;
  hasFile(sha256: string): boolean;
  /** The file and all its reports in ONE transaction: if anything fails nothing is stored. */
  recordReturn(file: ReturnedFile, reports: readonly NewReport[]): void;
  plans(): TrackedPlan[];
  handouts(planId?: string, round?: string): Handout[];
  latestReports(planId: string, round?: string): TaskReport[];
  history(planId: string, round?: string, taskId?: string): TaskReport[];
  rounds(planId: string): string[];
  files(): ReturnedFile[];
  /** The whole store as plain data in a fixed order (plans, handouts, files, reports by seq), for `track export`. */
  exportAll(): StoreExport;
  close(): void;
}

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new StoreError(`${file}: 工作区版本 ${version} 比本程序新 / store schema ${version} is newer than this fenjie (${SCHEMA_VERSION})`, file);
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

function toReport(row: Record<string, unknown>): TaskReport {
  return {
    planId: row.plan_id as string,
    round: row.round as string,
    taskId: row.task_id as string,
    unit: row.unit as string,
    status: (row.status as Status | null) ?? null,
    progress: row.progress as string,
    evidence: row.evidence as string,
    reporter: row.reporter as string,
    reportedOn: (row.reported_on as string | null) ?? null,
    file: row.file as string,
    sheet: row.sheet as string,
    row: row.row as number,
    seq: row.seq as number,
  };
}

/** Opens (creating and migrating when needed) the store of `workspaceDir`. */
export function openStore(workspaceDir: string): Store {
  mkdirSync(workspaceDir, { recursive: true });
  const file = join(workspaceDir, DB_NAME);
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 10000');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
  } catch (err) {
    if (err instanceof StoreError) throw err;
    throw new StoreError(`${file}: 无法打开工作区数据库 / cannot open the workspace store: ${(err as Error).message}`, file);
  }
  const insertReport = db.prepare(
    `INSERT INTO reports (plan_id, round, task_id, unit, status, progress, evidence, reporter, reported_on, file, sheet, row)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFile = db.prepare(
    'INSERT INTO files (sha256, name, stored, plan_id, round, unit, collected_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const recordReturn = db.transaction((f: ReturnedFile, reports: readonly NewReport[]) => {
    insertFile.run(f.sha256, f.name, f.stored, f.planId, f.round, f.unit, f.collectedAt);
    for (const r of reports) {
      insertReport.run(r.planId, r.round, r.taskId, r.unit, r.status, r.progress, r.evidence, r.reporter, r.reportedOn, f.sha256, r.sheet, r.row);
    }
  });
  return {
    dir: workspaceDir,
    recordPlan(p) {
      // Idempotent: the same source recorded twice keeps the first record.
      db.prepare('INSERT OR IGNORE INTO plans (plan_id, sha256, doc_number, title, plan_json, recorded_on) VALUES (?, ?, ?, ?, ?, ?)')
        .run(p.planId, p.sha256, p.docNumber, p.title, JSON.stringify(p.plan), p.recordedOn);
    },
    recordHandout(h) {
      db.prepare('INSERT OR REPLACE INTO handouts (plan_id, round, unit, file, sha256, date) VALUES (?, ?, ?, ?, ?, ?)')
        .run(h.planId, h.round, h.unit, h.file, h.sha256, h.date);
    },
    hasFile(sha256) {
      return db.prepare('SELECT 1 FROM files WHERE sha256 = ?').get(sha256) !== undefined;
    },
    recordReturn(f, reports) {
      recordReturn.immediate(f, reports);
    },
    plans() {
      return (db.prepare('SELECT * FROM plans ORDER BY plan_id').all() as Record<string, unknown>[]).map((r) => ({
        planId: r.plan_id as string,
        sha256: r.sha256 as string,
        docNumber: (r.doc_number as string | null) ?? null,
        title: (r.title as string | null) ?? null,
        plan: JSON.parse(r.plan_json as string) as Plan,
        recordedOn: r.recorded_on as string,
      }));
    },
    handouts(planId, round) {
      const rows = db
        .prepare('SELECT * FROM handouts WHERE (:p IS NULL OR plan_id = :p) AND (:r IS NULL OR round = :r) ORDER BY plan_id, round, unit')
        .all({ p: planId ?? null, r: round ?? null }) as Record<string, unknown>[];
      return rows.map((r) => ({
        planId: r.plan_id as string, round: r.round as string, unit: r.unit as string,
        file: r.file as string, sha256: r.sha256 as string, date: r.date as string,
      }));
    },
    latestReports(planId, round) {
      return (db.prepare(LATEST_REPORTS_SQL).all({ planId, round: round ?? null }) as Record<string, unknown>[]).map(toReport);
    },
    history(planId, round, taskId) {
      const rows = db
        .prepare('SELECT * FROM reports WHERE plan_id = :p AND (:r IS NULL OR round = :r) AND (:t IS NULL OR task_id = :t) ORDER BY seq')
        .all({ p: planId, r: round ?? null, t: taskId ?? null }) as Record<string, unknown>[];
      return rows.map(toReport);
    },
    rounds(planId) {
      const rows = db.prepare('SELECT round FROM handouts WHERE plan_id = ? UNION SELECT round FROM reports WHERE plan_id = ? ORDER BY round').all(planId, planId) as { round: string }[];
      return rows.map((r) => r.round);
    },
    files() {
      return (db.prepare('SELECT * FROM files ORDER BY collected_at, sha256').all() as Record<string, unknown>[]).map((r) => ({
        sha256: r.sha256 as string, name: r.name as string, stored: r.stored as string, planId: r.plan_id as string,
        round: r.round as string, unit: r.unit as string, collectedAt: r.collected_at as string,
      }));
    },
    exportAll() {
      const reports = (db.prepare('SELECT * FROM reports ORDER BY seq').all() as Record<string, unknown>[]).map(toReport);
      return { schemaVersion: SCHEMA_VERSION, plans: this.plans(), handouts: this.handouts(), files: this.files(), reports };
    },
    close() {
      db.close();
    },
  };
}
