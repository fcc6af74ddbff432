// Which differences are corrections (fenjie diff --corrections): the diff of the corrected plans set beside the diff
// of the plans as read. A fix on one version only makes a difference (marked 【更正】); a fix that brings the old
// version in line with the new removes one (listed as undone); a fix on both changes nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { diffPlans, markCorrections, renderDiffMarkdown } from '../../src/api/diff.js';
import { extractNotice } from '../../src/api/extract.js';
import { addFix, applyFixes, emptyFixes, taskAnchor, type Fix } from '../../src/api/fixes.js';
import type { Plan } from '../../src/index.js';
import { allTasks, SAMPLE } from '../helpers.js';
import { fenjie } from '../cli/run-cli.js';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

const V2 = 'tests/fixtures/diff/wulingyuan-v2.txt';
const AT = '2026-12-02';
let v1: { plan: Plan; source: string };
let v2: { plan: Plan; source: string };
beforeAll(async () => {
  [v1, v2] = await Promise.all([extractNotice(SAMPLE), extractNotice(V2)]);
});

const fixed = (side: { plan: Plan; source: string }, ...fixes: Fix[]) => applyFixes(side.plan, fixes.reduce(addFix, emptyFixes()), side.source).plan;

/** A responsible unit of a task that both versions hold with the same text (so the anchor finds it in each). */
function sharedResponsible(): { fix: Fix; unit: string } {
  const texts = new Set(allTasks(v2.plan).map((t) => t.text));
  const task = allTasks(v1.plan).find((t) => texts.has(t.text) && t.assignments.some((a) => a.role === 'responsible' && !a.resolvedFrom))!;
  const unit = task.assignments.find((a) => a.role === 'responsible' && !a.resolvedFrom)!.unit;
  return { unit, fix: { op: 'set-role', task: taskAnchor(task), unit, role: 'cooperate', reason: '原文为配合', at: AT } };
}

describe('markCorrections', () => {
  it('marks exactly the changes a fix on one version makes, and nothing when no fix was applied', () => {
    const raw = diffPlans(v1.plan, v2.plan);
    const plain = markCorrections(raw, raw);
    expect(plain.changes.some((c) => c.fromCorrections)).toBe(false);
    expect(plain.undoneByCorrections).toEqual([]);

    const { fix, unit } = sharedResponsible();
    const marked = markCorrections(diffPlans(v1.plan, fixed(v2, fix)), raw);
    const made = marked.changes.filter((c) => c.fromCorrections);
    expect(made.length).toBeGreaterThan(0);
    // Every marked change concerns the corrected unit; every unmarked one is in the raw diff.
    for (const c of made) expect(JSON.stringify(c)).toContain(unit);
    expect(marked.changes.length - made.length + marked.undoneByCorrections!.length).toBe(raw.changes.length);

    const both = markCorrections(diffPlans(fixed(v1, fix), fixed(v2, fix)), raw);
    expect(both.changes.filter((c) => c.fromCorrections)).toEqual([]);
  });

  it('lists as undone a difference of the plans as read that a fix on one version removes', () => {
    const raw = diffPlans(v1.plan, v2.plan);
    // A unit the revision added to a task: a fix removing that mention from the new version undoes the addition.
    const change = raw.changes.find((c) => c.entity === 'assignment' && c.kind === 'added' && c.newId && c.key);
    expect(change, 'the revision adds a unit to some task').toBeDefined();
    const task = allTasks(v2.plan).find((t) => t.id === change!.newId)!;
    const corrected = fixed(v2, { op: 'remove-mention', task: taskAnchor(task), unit: change!.key!, reason: '误读', at: AT });
    const marked = markCorrections(diffPlans(v1.plan, corrected), raw);
    expect(marked.undoneByCorrections!.map((c) => [c.newId, c.key, c.kind])).toContainEqual([change!.newId, change!.key, 'added']);
    const md = renderDiffMarkdown(marked, { plans: { old: v1.plan, new: corrected } });
    expect(md).toContain('## 更正消除的差异');
  });
});

describe('fenjie diff --corrections', () => {
  it('tags the differences a corrections file makes 【更正】 in the report and says how many', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fenjie-corrections-'));
    const notice = path.join(dir, 'v2.txt');
    await copyFile(V2, notice);
    const { fix } = sharedResponsible();
    await writeFile(path.join(dir, 'v2.fixes.json'), JSON.stringify({ fenjie: 'fixes', version: 1, fixes: [fix] }));
    const json = await fenjie('diff', SAMPLE, notice, '-f', 'json', '--corrections');
    expect(json.code, json.stderr).toBe(1);
    const set = JSON.parse(json.stdout);
    const made = set.changes.filter((c: { fromCorrections?: boolean }) => c.fromCorrections).length;
    expect(made).toBeGreaterThan(0);
    expect(json.stderr).toContain(`${made} differences come from corrections`);
    const md = await fenjie('diff', SAMPLE, notice, '--corrections');
    expect(md.stdout.match(/^\d+\. .*【更正】/gm)?.length).toBe(made);
    expect(md.stdout).toContain(`其中 ${made} 处来自更正文件`);
    // Without the flag the report is as before: nothing tagged.
    const plain = await fenjie('diff', SAMPLE, notice);
    expect(plain.stdout).not.toContain('【更正】');
    const clash = await fenjie('diff', SAMPLE, notice, '--corrections', '--no-fixes');
    expect(clash.code).toBe(2);
  });
});
