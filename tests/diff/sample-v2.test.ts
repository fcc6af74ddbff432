// End to end on the sample notice and its hand-edited second version (tests/fixtures/diff/CHANGES.md).
import { readFileSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffPlans, renderDiffMarkdown, type ChangeSet } from '../../src/api/diff.js';
import { extractNotice, type Plan } from '../../src/index.js';

const SAMPLE = 'input/wulingyuan-2024-ba-da-xing-dong.txt';
const V2 = 'tests/fixtures/diff/wulingyuan-v2.txt';
const GOLDEN = 'tests/fixtures/diff/expected-report.md';

let v1: Plan;
let v2: Plan;
let set: ChangeSet;

beforeAll(async () => {
  v1 = (await extractNotice(SAMPLE)).plan;
  v2 = (await extractNotice(V2)).plan;
  set = diffPlans(v1, v2);
});

const brief = (c: ChangeSet['changes'][number]): string =>
  [c.kind, c.entity, c.field, c.key ?? '-', c.oldId ?? '-', c.newId ?? '-'].join(' ');

describe('sample vs v2', () => {
  it('reports a notice compared with itself as unchanged', () => {
    expect(diffPlans(v1, v1).changes).toEqual([]);
    expect(diffPlans(v2, structuredClone(v2)).changes).toEqual([]);
  });

  it('lists exactly the edits of CHANGES.md', () => {
    expect(set.changes.map(brief)).toEqual([
      'modified notice docNumber - - -',
      'modified notice date - - -',
      'modified goal value 旅游总收入 - -',
      'modified goal value 旅游总收入 A1 A1',
      'added assignment role 区教育局 A1.T5 A1.T5',
      'modified task text - A2.T5 A2.T5',
      'modified task text - A3.T3 A3.T3',
      'modified target value 家电家装、零售等消费促进活动 A3.T3 A3.T3',
      'added task text - - A3.T6',
      ...[6, 7, 8, 9, 10, 11, 12, 13, 14].map((n) => `renumbered task number - A3.T${n} A3.T${n + 1}`),
      'modified workGroup convener - A3 A3',
      'modified workGroup office - A3 A3',
      'added workGroup members 区税务局 A3 A3',
      'modified assignment lead - A5.T4 A5.T4',
      'moved task section - A5.T12 A5.T12',
      'removed task text - A6.T21 -',
      'renumbered task number - A6.T22 A6.T21',
      'modified unit counts 区卫生健康局 - -',
      'modified unit counts 区商务和投资事务中心 - -',
      'modified unit counts 区审计局 - -',
      'modified unit counts 区市场监督管理局 - -',
      'modified unit counts 区教育局 - -',
      'modified unit counts 区文化旅游广电体育局 - -',
      'modified unit counts 区民政局 - -',
    ]);
  });

  it('pairs shifted tasks by text with full score, and the reworded task by id', () => {
    const renumbered = set.changes.filter((c) => c.kind === 'renumbered');
    expect(renumbered.every((c) => c.match?.method === 'text' && c.match.score === 1)).toBe(true);
    const reworded = set.changes.find((c) => c.newId === 'A2.T5')!;
    expect(reworded.match).toEqual({ method: 'id', score: expect.any(Number) });
    expect(reworded.match!.score).toBeGreaterThan(0.6);
  });

  it('renders the golden Markdown report: tasks placed as 第n项《title》 with the id, renumbering as one run', () => {
    const md = renderDiffMarkdown(set, { oldLabel: SAMPLE, newLabel: V2, plans: { old: v1, new: v2 } });
    expect(md).toContain('第6项起各项序号顺延1位（第6—14项，共9项）');
    expect(md).not.toContain('任务重新编号（7 → 8）');
    expect(md).toContain('第4项《健全经营主体评价体系》（A5.T4） 牵头单位');
    expect(md).toContain('~~区市场监督管理局~~<ins>区统计局</ins>');
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, md);
    expect(md).toBe(readFileSync(GOLDEN, 'utf8'));
  });
});
