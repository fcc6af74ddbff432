// The tracking store's schema (issue 17), inlined as TS strings rather than a .sql file so esbuild's single-file
// dist needs nothing beside it. Each entry upgrades PRAGMA user_version by one; migrations are never edited once
// released, only appended. Paths are stored relative to the workspace so a copied workspace keeps working.

/** Migration i (0-based) takes a database from user_version i to i + 1. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE plans (
    plan_id     TEXT PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    doc_number  TEXT,
    title       TEXT,
    plan_json   TEXT NOT NULL,
    recorded_on TEXT NOT NULL
  );
  CREATE TABLE handouts (
    plan_id TEXT NOT NULL REFERENCES plans(plan_id),
    round   TEXT NOT NULL,
    unit    TEXT NOT NULL,
    file    TEXT NOT NULL,
    sha256  TEXT NOT NULL,
    date    TEXT NOT NULL,
    PRIMARY KEY (plan_id, round, unit)
  );
  CREATE TABLE files (
    sha256       TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    stored       TEXT NOT NULL,
    plan_id      TEXT NOT NULL REFERENCES plans(plan_id),
    round        TEXT NOT NULL,
    unit         TEXT NOT NULL,
    collected_at TEXT NOT NULL
  );
  -- Append-only: a newer return supersedes by a larger seq, never by UPDATE, so history stays whole.
  CREATE TABLE reports (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    plan_id     TEXT NOT NULL REFERENCES plans(plan_id),
    round       TEXT NOT NULL,
    task_id     TEXT NOT NULL,
    unit        TEXT NOT NULL,
    status      TEXT,
    progress    TEXT NOT NULL,
    evidence    TEXT NOT NULL,
    reporter    TEXT NOT NULL,
    reported_on TEXT,
    file        TEXT NOT NULL REFERENCES files(sha256),
    sheet       TEXT NOT NULL,
    row         INTEGER NOT NULL
  );
  CREATE INDEX reports_key ON reports (plan_id, round, task_id, unit, seq);
  `,
];

/** The schema version a fully migrated store has. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Current state as a query: for each (plan, round, task, unit) the report with the largest seq.
 * Parameters: :planId, and :round (null for every round).
 */
export const LATEST_REPORTS_SQL = `
  SELECT r.* FROM reports r
  JOIN (SELECT plan_id, round, task_id, unit, MAX(seq) AS seq FROM reports
        WHERE plan_id = :planId AND (:round IS NULL OR round = :round)
        GROUP BY plan_id, round, task_id, unit) latest ON latest.seq = r.seq
  ORDER BY r.round, r.task_id, r.unit`;
