// The reading commands apply a corrections file: --fixes FILE, else <notice>.fixes.json beside the notice, --no-fixes
// to ignore it; a bad file is one line naming it and the entry, exit 2.
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice } from '../../src/api/extract.js';
import { taskAnchor } from '../../src/api/fixes.js';
import type { Plan } from '../../src/index.js';
import { fenjie } from '../cli/run-cli.js';
import { allTasks, SAMPLE } from '../helpers.js';

let dir: string;
let notice: string;
let fix: Record<string, unknown>;
let taskId: string;
let unit: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fenjie-fixes-'));
  notice = path.join(dir, '通知.txt');
  await copyFile(SAMPLE, notice);
  const { plan } = await extractNotice(SAMPLE);
  const task = allTasks(plan).find((t) => t.assignments.some((a) => a.role === 'responsible' && !a.resolvedFrom))!;
  taskId = task.id;
  unit = task.assignments.find((a) => a.role === 'responsible' && !a.resolvedFrom)!.unit;
  fix = { op: 'set-role', task: taskAnchor(task), unit, role: 'cooperate', reason: '原文为配合', at: '2026-12-02' };
});

const roleIn = (plan: Plan) => allTasks(plan).find((t) => t.id === taskId)!.assignments.find((a) => a.unit === unit)!.role;

describe('fenjie extract with corrections', () => {
  it('finds <notice>.fixes.json beside the notice, says so, and --no-fixes ignores it', async () => {
    await writeFile(path.join(dir, '通知.fixes.json'), JSON.stringify({ fenjie: 'fixes', version: 1, fixes: [fix] }));
    const out = path.join(dir, 'plan.json');
    const r = await fenjie('extract', notice, '-o', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/applied 1 of 1 fix/);
    expect(roleIn(JSON.parse(await readFile(out, 'utf8')))).toBe('cooperate');
    const plain = await fenjie('extract', notice, '-o', out, '-q', '--no-fixes');
    expect(plain.code).toBe(0);
    expect(roleIn(JSON.parse(await readFile(out, 'utf8')))).toBe('responsible');
  });

  it('a bad corrections file is one line naming the file and the entry, exit 2, nothing written', async () => {
    const bad = path.join(dir, 'bad.fixes.json');
    await writeFile(bad, JSON.stringify({ fenjie: 'fixes', version: 1, fixes: [fix, { ...fix, op: 'drop-task' }] }));
    const out = path.join(dir, 'bad-plan.json');
    const r = await fenjie('extract', notice, '--fixes', bad, '-o', out);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('bad.fixes.json');
    expect(r.stderr).toMatch(/entry 1/);
    await expect(readFile(out)).rejects.toThrow();
    await writeFile(bad, '{ not json');
    const broken = await fenjie('extract', notice, '--fixes', bad, '-o', out);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('bad.fixes.json');
  });

  it('fenjie diff compares corrected plans: a fix beside one version shows as a change, --fixes on both does not', async () => {
    const v2 = path.join(dir, 'v2.txt');
    await copyFile('tests/fixtures/diff/wulingyuan-v2.txt', v2);
    await writeFile(path.join(dir, 'v2.fixes.json'), JSON.stringify({ fenjie: 'fixes', version: 1, fixes: [fix] }));
    const one = await fenjie('diff', SAMPLE, v2, '-f', 'json');
    expect(one.stderr).toMatch(/v2\.fixes\.json \(applied 1 of 1 fixes\)/);
    const roleChanges = (out: string) => JSON.stringify(JSON.parse(out)).match(new RegExp(`${unit}[^{}]*cooperate|cooperate[^{}]*${unit}`, 'g'))?.length ?? 0;
    expect(roleChanges(one.stdout)).toBeGreaterThan(0);
    const fixesFile = path.join(dir, 'both.fixes.json');
    await writeFile(fixesFile, JSON.stringify({ fenjie: 'fixes', version: 1, fixes: [fix] }));
    const both = await fenjie('diff', SAMPLE, v2, '-f', 'json', '--fixes', fixesFile);
    expect(roleChanges(both.stdout)).toBe(0);
  });
});
