import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/track/store.js';
import { SCHEMA_VERSION } from '../../src/track/migrations.js';
import type { Plan } from '../../src/model/schema.js';

const dirs: string[] = [];
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fenjie-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const plan = { planId: 'abcdef012345', sha256: 'abcdef012345'.padEnd(64, '0'), docNumber: '武政办〔2024〕1号', title: '八大行动', plan: {} as Plan, recordedOn: '2024-06-01' };
const file = (sha: string, unit = '区发展和改革局') => ({ sha256: sha, name: `${unit}.xlsx`, stored: `returns/${sha}.xlsx`, planId: plan.planId, round: '2024-06', unit, collectedAt: '2024-06-20T00:00:00.000Z' });
const report = (status: '推进中' | '已完成', row = 5) => ({ planId: plan.planId, round: '2024-06', taskId: '1', unit: '区发展和改革局', status, progress: 'p', evidence: '', reporter: '张三', reportedOn: '2024-06-18', sheet: '台账', row });

describe('track store', () => {
  it('migrates to the current schema version, once', () => {
    const dir = workspace();
    openStore(dir).close();
    const store = openStore(dir);
    store.close();
    const db = new Database(join(dir, 'fenjie.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps reports append-only: a newer return supersedes, both stay in history', () => {
    const store = openStore(workspace());
    store.recordPlan(plan);
    store.recordPlan(plan); // idempotent
    store.recordReturn(file('a'.repeat(64)), [report('推进中')]);
    store.recordReturn(file('b'.repeat(64)), [report('已完成')]);
    expect(store.plans()).toHaveLength(1);
    expect(store.latestReports(plan.planId).map((r) => r.status)).toEqual(['已完成']);
    expect(store.history(plan.planId).map((r) => r.status)).toEqual(['推进中', '已完成']);
    expect(store.hasFile('a'.repeat(64))).toBe(true);
    const all = store.exportAll();
    expect([all.plans.length, all.files.length, all.reports.map((r) => r.seq)]).toEqual([1, 2, [1, 2]]);
    store.close();
  });

  it('stores nothing of a file whose reports fail (one transaction)', () => {
    const store = openStore(workspace());
    store.recordPlan(plan);
    const bad = { ...report('推进中'), row: null as unknown as number }; // NOT NULL violation on the second row
    expect(() => store.recordReturn(file('c'.repeat(64)), [report('推进中'), bad])).toThrow();
    expect(store.hasFile('c'.repeat(64))).toBe(false);
    expect(store.history(plan.planId)).toEqual([]);
    store.close();
  });

  it('serializes two connections writing at once and works when the workspace is copied', () => {
    const dir = workspace();
    const one = openStore(dir);
    const two = openStore(dir);
    one.recordPlan(plan);
    one.recordReturn(file('d'.repeat(64)), [report('推进中')]);
    two.recordReturn(file('e'.repeat(64)), [report('已完成', 6)]);
    expect(one.history(plan.planId)).toHaveLength(2);
    one.close();
    two.close();
    const copy = join(workspace(), 'moved');
    cpSync(dir, copy, { recursive: true });
    const moved = openStore(copy);
    expect(moved.files().map((f) => f.stored)).toEqual([`returns/${'d'.repeat(64)}.xlsx`, `returns/${'e'.repeat(64)}.xlsx`]);
    moved.close();
  });
});
