import { describe, expect, it } from 'vitest';
import { diffPlans, renderDiffMarkdown } from '../../src/api/diff.js';
import { escapeMarkdown } from '../../src/render/changes/markdown.js';
import { BASE, editTasks, makePlan } from './factory.js';

describe('renderDiffMarkdown', () => {
  it('says so when nothing changed', () => {
    const md = renderDiffMarkdown(diffPlans(makePlan(BASE), makePlan(BASE)), { title: '对照' });
    expect(md).toContain('# 对照');
    expect(md).toContain('两个版本之间没有变化。');
  });

  it('puts summary counts first, then annex groups with Chinese labels and a redline', () => {
    const spec = editTasks(BASE, 2, (t) => [t[0], { ...t[1], body: '积极组织市场主体参与省级夜间消费聚集示范区创建。' }, ...t.slice(2)]);
    const md = renderDiffMarkdown(diffPlans(makePlan(BASE), makePlan(spec)), { oldLabel: '第一版', newLabel: '第二版' });
    expect(md.indexOf('## 变更汇总')).toBeLessThan(md.indexOf('## 附件2'));
    expect(md).toContain('- 原版本：第一版');
    expect(md).toContain('| 任务 | 0 | 0 | 1 | 0 | 0 | 1 |');
    expect(md).toContain('### 工作任务');
    expect(md).toContain('1. **修改** 任务 A2.T2 — 任务内容修改');
    expect(md).toContain('示范区~~评选~~<ins>创建</ins>。');
  });

  it('escapes markup characters that plan text may carry', () => {
    expect(escapeMarkdown('a*b_c|d<e>[f]#~')).toBe('a\\*b\\_c\\|d\\<e\\>\\[f\\]\\#\\~');
  });
});
