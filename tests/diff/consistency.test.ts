// The consistency check: the overall plan and an annex stating the same indicator with different values.
import { describe, expect, it } from 'vitest';
import { CONSISTENCY_RULE, targetConsistency } from '../../src/model/consistency.js';
import { extractNotice } from '../../src/index.js';

describe('targetConsistency', () => {
  it('finds nothing in the sample, where both say 旅游总收入增长15%', async () => {
    const { plan } = await extractNotice('input/wulingyuan-2024-ba-da-xing-dong.txt');
    expect(plan.goals.some((g) => g.indicator === '旅游总收入')).toBe(true);
    expect(targetConsistency(plan)).toEqual([]);
  });

  it('reports an annex that states the overall plan’s indicator with another value, placed at the annex’s target', async () => {
    const { plan } = await extractNotice('input/wulingyuan-2024-ba-da-xing-dong.txt');
    const annex = plan.annexes[0]!;
    const goal = annex.goals.find((g) => g.indicator === '旅游总收入')!;
    goal.value = 12;
    const found = targetConsistency(plan);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: CONSISTENCY_RULE, severity: 'warning', annex: 'A1', span: goal.span });
    expect(found[0]!.message).toContain('总体方案为增长15%左右');
    expect(found[0]!.message).toContain('附件1为增长12%左右');
  });
});
