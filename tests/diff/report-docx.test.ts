import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { diffPlans, PDF_LEGEND, renderDiffDocx } from '../../src/api/diff.js';
import { BASE, editTasks, makePlan } from './factory.js';

async function parts(bytes: Uint8Array): Promise<{ document: string; styles: string }> {
  const zip = await JSZip.loadAsync(bytes);
  return { document: await zip.file('word/document.xml')!.async('string'), styles: await zip.file('word/styles.xml')!.async('string') };
}

describe('renderDiffDocx', () => {
  it('writes a landscape A4 修订对照表 with a repeated header row and marked edits', async () => {
    const spec = editTasks({ ...BASE, docNumber: '某政办发〔2024〕3号' }, 2, (t) => [t[0], { ...t[1], body: '积极组织市场主体参与省级夜间消费聚集示范区创建。' }, ...t.slice(2)]);
    const { document, styles } = await parts(await renderDiffDocx(diffPlans(makePlan(BASE), makePlan(spec))));
    expect(document).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(document).toContain('<w:tblHeader/>');
    for (const label of ['序号', '位置', '原内容', '修改后', '变化说明']) expect(document).toContain(label);
    // 原内容 keeps the deleted 评选 (struck), 修改后 the inserted 创建 (underlined).
    expect(document).toMatch(/<w:rStyle w:val="DiffDeleted"\/><\/w:rPr><w:t xml:space="preserve">评选<\/w:t>/);
    expect(document).toMatch(/<w:rStyle w:val="DiffInserted"\/><\/w:rPr><w:t xml:space="preserve">创建<\/w:t>/);
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toMatch(/w:styleId="DiffDeleted"[\s\S]*?<w:strike\/>/);
    expect(styles).toMatch(/w:styleId="DiffInserted"[\s\S]*?<w:u w:val="single"\/>/);
    // The PDF report's legend, and the changed 文号 digit marked like a text edit.
    expect(document).toContain(PDF_LEGEND);
    expect(document).toMatch(/<w:rStyle w:val="DiffDeleted"\/><\/w:rPr><w:t xml:space="preserve">2<\/w:t>/);
  });

  it('is the same file for the same change set and date', async () => {
    const changes = diffPlans(makePlan(BASE), makePlan({ ...BASE, docNumber: '某政办发〔2024〕3号' }));
    const a = await renderDiffDocx(changes, {}, { date: '2026-11-27' });
    const b = await renderDiffDocx(changes, {}, { date: '2026-11-27' });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const core = await (await JSZip.loadAsync(a)).file('docProps/core.xml')!.async('string');
    expect(core).toContain('2026-11-27T00:00:00Z');
  });
});
