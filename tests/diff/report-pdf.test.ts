import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPlans, PDF_LEGEND, renderDiffPdf } from '../../src/diff/index.js';
import { pdfPages } from '../render/helpers.js';
import { BASE, editTasks, makePlan } from './factory.js';

describe('renderDiffPdf', () => {
  it('writes the 修订对照表 as PDF: every change a row, edits bracketed, the same bytes for the same date', async () => {
    const spec = editTasks({ ...BASE, docNumber: '某政办发〔2024〕3号' }, 2, (t) => [t[0], { ...t[1], body: '积极组织市场主体参与省级夜间消费聚集示范区创建。' }, ...t.slice(2)]);
    const changes = diffPlans(makePlan(BASE), makePlan(spec));
    const bytes = await renderDiffPdf(changes, {}, { date: '2026-11-27' });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(await renderDiffPdf(changes, {}, { date: '2026-11-27' })))).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'fenjie-diff-pdf-')), 'report.pdf');
    writeFileSync(file, bytes);
    const text = (await pdfPages(file)).join('\n').replace(/\s+/g, '');
    for (const label of ['修订对照表', '序号', '位置', '原内容', '修改后', '变化说明', PDF_LEGEND.replace(/\s+/g, '')]) expect(text).toContain(label);
    expect(text).toContain(`共${changes.summary.total}处变化`);
    // 原内容 keeps the deleted 评选 bracketed 〖〗, 修改后 the inserted 创建 bracketed 【】.
    expect(text).toContain('〖评选〗');
    expect(text).toContain('【创建】');
    expect(text).toContain('某政办发〔2024〕3号');
  });
});
