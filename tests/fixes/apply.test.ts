// Corrections (更正): each operation on the sample as a person would make it, anchored by the task's text so a fix
// survives the renumbered revision, a stale fix reported and never applied to another task, and the file's validation.
import { describe, expect, it, beforeAll } from 'vitest';
import { addFix, applyFixes, emptyFixes, parseFixes, taskAnchor, type Fix, type FixesFile } from '../../src/api/fixes.js';
import { extractNotice } from '../../src/api/extract.js';
import { renderReview } from '../../src/api/review.js';
import type { Plan, Task } from '../../src/index.js';
import { allTasks, SAMPLE } from '../helpers.js';

const V2 = 'tests/fixtures/diff/wulingyuan-v2.txt';
const AT = '2026-12-02';
const file = (...fixes: Fix[]): FixesFile => fixes.reduce(addFix, emptyFixes());
const taskById = (plan: Plan, id: string): Task => allTasks(plan).find((t) => t.id === id)!;

let plan: Plan;
let source: string;
beforeAll(async () => {
  ({ plan, source } = await extractNotice(SAMPLE));
});

/** A task with a lead and at least one responsible unit, and one with no lead. */
const withLeadAndMore = () => allTasks(plan).find((t) => t.assignments.some((a) => a.role === 'lead') && t.assignments.some((a) => a.role === 'responsible' && !a.resolvedFrom))!;
const withoutLead = () => allTasks(plan).find((t) => t.assignments.length > 0 && !t.assignments.some((a) => a.role === 'lead'))!;

describe('each operation on the sample', () => {
  it('set-role changes one unit in one task, marked as corrected; the plan given is untouched', () => {
    const task = withLeadAndMore();
    const unit = task.assignments.find((a) => a.role === 'responsible' && !a.resolvedFrom)!.unit;
    const before = JSON.stringify(plan);
    const { plan: out, applied, stale } = applyFixes(plan, file({ op: 'set-role', task: taskAnchor(task), unit, role: 'cooperate', reason: '通知原文为配合', at: AT }), source);
    expect([applied, stale.length]).toEqual([1, 0]);
    const a = taskById(out, task.id).assignments.find((x) => x.unit === unit)!;
    expect(a.role).toBe('cooperate');
    expect(a.corrected).toEqual({ op: 'set-role', reason: '通知原文为配合', at: AT });
    // Only that task: elsewhere the unit keeps what extraction read.
    for (const t of allTasks(out)) if (t.id !== task.id) expect(t.assignments.some((x) => x.corrected)).toBe(false);
    expect(out.units.find((u) => u.name === unit)!.counts.cooperate).toBe(plan.units.find((u) => u.name === unit)!.counts.cooperate + 1);
    expect(JSON.stringify(plan)).toBe(before);
  });

  it('set-lead makes a task without a lead have one', () => {
    const task = withoutLead();
    const unit = task.assignments[0].unit;
    const { plan: out } = applyFixes(plan, file({ op: 'set-lead', task: taskAnchor(task), unit, reason: '办公室确认', at: AT }), source);
    const leads = taskById(out, task.id).assignments.filter((a) => a.role === 'lead');
    expect(leads.map((a) => [a.unit, a.corrected?.op])).toEqual([[unit, 'set-lead']]);
  });

  it('remove-mention takes a name out of a task; add-unit puts it back with its span in the source', () => {
    const task = withLeadAndMore();
    const a = task.assignments.find((x) => x.role === 'responsible' && !x.resolvedFrom)!;
    const removed = applyFixes(plan, file({ op: 'remove-mention', task: taskAnchor(task), unit: a.unit, reason: '不是单位', at: AT }), source).plan;
    expect(taskById(removed, task.id).assignments.some((x) => x.unit === a.unit)).toBe(false);
    const { plan: out, applied } = applyFixes(removed, file({ op: 'add-unit', task: taskAnchor(task), written: a.raw, unit: a.unit, role: 'responsible', reason: '漏读', at: AT }), source);
    expect(applied).toBe(1);
    const added = taskById(out, task.id).assignments.find((x) => x.unit === a.unit)!;
    expect(added.corrected?.op).toBe('add-unit');
    // Provenance holds: the span points at the unit as written, inside the task, with its line and column.
    expect(source.slice(added.span.start, added.span.end)).toBe(a.raw);
    expect(added.span.start).toBeGreaterThanOrEqual(task.span.start);
    expect(added.span.end).toBeLessThanOrEqual(task.span.end);
    expect(added.mention?.raw).toBe(a.raw);
    const lineStart = source.lastIndexOf('\n', added.span.start - 1) + 1;
    expect(added.span.column).toBe(added.span.start - lineStart + 1);
  });

  it('merge-units makes two names one unit: assignments move, the other name becomes an alias', () => {
    const [keep, other] = plan.units.filter((u) => u.kind === 'unit' && u.counts.lead + u.counts.responsible > 0).slice(0, 2);
    const { plan: out } = applyFixes(plan, file({ op: 'merge-units', units: [keep.name, other.name], into: keep.name, reason: '同一单位', at: AT }), source);
    expect(out.units.some((u) => u.name === other.name)).toBe(false);
    const merged = out.units.find((u) => u.name === keep.name)!;
    expect(merged.aliases).toContain(other.name);
    expect(merged.corrected?.op).toBe('merge-units');
    expect(allTasks(out).some((t) => t.assignments.some((a) => a.unit === other.name))).toBe(false);
    const tasksOf = (p: Plan, n: string) => new Set(allTasks(p).filter((t) => t.assignments.some((a) => a.unit === n)).map((t) => t.id));
    expect(tasksOf(out, keep.name)).toEqual(new Set([...tasksOf(plan, keep.name), ...tasksOf(plan, other.name)]));
  });

  it('rename-unit changes a canonical name everywhere and keeps the old one as an alias', () => {
    const unit = plan.units.find((u) => u.kind === 'unit' && u.counts.lead > 0)!;
    const { plan: out } = applyFixes(plan, file({ op: 'rename-unit', from: unit.name, to: `${unit.name}（更名）`, reason: '机构改革后更名', at: AT }), source);
    expect(out.units.find((u) => u.name === `${unit.name}（更名）`)!.aliases).toContain(unit.name);
    expect(allTasks(out).filter((t) => t.assignments.some((a) => a.unit === `${unit.name}（更名）`)).length).toBe(unit.counts.lead + unit.counts.responsible + unit.counts.cooperate > 0 ? allTasks(plan).filter((t) => t.assignments.some((a) => a.unit === unit.name)).length : 0);
  });

  it('mark-person turns a name into a leader of the task; split-unit makes one name two units', () => {
    const task = withLeadAndMore();
    const a = task.assignments.find((x) => x.role === 'responsible' && !x.resolvedFrom)!;
    const person = applyFixes(plan, file({ op: 'mark-person', task: taskAnchor(task), name: a.unit, title: '副区长', reason: '是人名', at: AT }), source).plan;
    const t = taskById(person, task.id);
    expect(t.assignments.some((x) => x.unit === a.unit)).toBe(false);
    expect(t.leaders.find((l) => l.name === a.unit)?.corrected?.op).toBe('mark-person');
    const split = applyFixes(plan, file({ op: 'split-unit', task: taskAnchor(task), unit: a.unit, into: [a.unit, '区某某中心'], reason: '两个单位连写', at: AT }), source).plan;
    const roles = taskById(split, task.id).assignments.filter((x) => x.unit === a.unit || x.unit === '区某某中心').map((x) => [x.unit, x.role, x.corrected?.op]);
    expect(roles).toEqual([
      [a.unit, 'responsible', 'split-unit'],
      ['区某某中心', 'responsible', 'split-unit'],
    ]);
  });
});

describe('the review page', () => {
  it('marks corrected items with the operation, reason and date, and nothing else', () => {
    const task = withLeadAndMore();
    const unit = task.assignments.find((a) => a.role === 'responsible' && !a.resolvedFrom)!.unit;
    expect(renderReview(plan, source)).not.toContain('class="fix"');
    const { plan: out } = applyFixes(plan, file({ op: 'set-role', task: taskAnchor(task), unit, role: 'cooperate', reason: '通知原文为配合', at: AT }), source);
    const page = renderReview(out, source);
    expect(page.match(/class="fix"/g)).toHaveLength(1);
    expect(page).toContain(`title="更正 set-role：通知原文为配合（${AT}）(corrected by a person)"> 已更正</span>`);
  });
});

describe('anchors', () => {
  it('a fix made on the sample finds its task in the renumbered revision, by its text', async () => {
    const v2 = (await extractNotice(V2)).plan;
    // A task the revision renumbered: same heading, another id.
    const task = allTasks(plan).find((t) => {
      const there = allTasks(v2).filter((u) => u.title === t.title);
      return there.length === 1 && there[0].id !== t.id && t.assignments.some((a) => a.role === 'responsible' && !a.resolvedFrom);
    })!;
    expect(task).toBeDefined();
    const unit = task.assignments.find((a) => a.role === 'responsible' && !a.resolvedFrom)!.unit;
    const fixes = file({ op: 'set-role', task: taskAnchor(task), unit, role: 'cooperate', reason: '通知原文为配合', at: AT });
    const { plan: out } = await extractNotice(V2, { fixes });
    const moved = allTasks(out).find((t) => t.title === task.title)!;
    expect(moved.id).not.toBe(task.id);
    expect(moved.assignments.find((a) => a.unit === unit)).toMatchObject({ role: 'cooperate', corrected: { op: 'set-role' } });
    // The task that now has the old id is not touched.
    expect(taskById(out, task.id).assignments.some((a) => a.corrected)).toBe(false);
    // And the same fix re-applied to a fresh extraction of the same notice gives the same plan, byte for byte.
    const again = await extractNotice(SAMPLE, { fixes });
    expect(JSON.stringify(again.plan)).toBe(JSON.stringify((await extractNotice(SAMPLE, { fixes })).plan));
  });

  it('a fix whose task is gone is reported as stale by index and title, and changes nothing', () => {
    const task = withLeadAndMore();
    const unit = task.assignments[0].unit;
    const { plan: out, applied, stale } = applyFixes(plan, file({ op: 'set-role', task: { ...taskAnchor(task), title: '已删去的任务' }, unit, role: 'cooperate', reason: 'x', at: AT }), source);
    expect([applied, stale.length]).toEqual([0, 1]);
    expect(stale[0].message).toMatch(/更正 #0 set-role .*已删去的任务/);
    expect(out.diagnostics.some((d) => d.ruleId === 'stale-fix' && d.severity === 'warning')).toBe(true);
    expect(JSON.stringify(out.annexes)).toBe(JSON.stringify(plan.annexes));
  });
});

describe('the corrections file', () => {
  const good = { op: 'set-role', task: { title: '某任务' }, unit: '区财政局', role: 'lead', reason: '原文', at: AT };
  it.each([
    ['a valid file', { fenjie: 'fixes', version: 1, fixes: [good] }, null],
    ['an unknown operation', { fenjie: 'fixes', version: 1, fixes: [{ ...good, op: 'delete-task' }] }, /entry 0/],
    ['a fix without its reason', { fenjie: 'fixes', version: 1, fixes: [good, { ...good, reason: '' }] }, /entry 1.*reason/],
    ['a date that is not ISO', { fenjie: 'fixes', version: 1, fixes: [{ ...good, at: '2026年12月2日' }] }, /entry 0.*at/],
    ['a role outside the three', { fenjie: 'fixes', version: 1, fixes: [{ ...good, role: 'owner' }] }, /entry 0.*role/],
    ['another kind of file', { schemaVersion: '2.2.0' }, /fixes\.json/],
  ])('%s', (_, data, error) => {
    if (error === null) expect(parseFixes(data, 'a.fixes.json').fixes).toHaveLength(1);
    else expect(() => parseFixes(data, 'a.fixes.json')).toThrow(error);
  });
});
