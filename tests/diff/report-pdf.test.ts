import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { diffPlans, PDF_LEGEND, renderDiffPdf } from '../../src/api/diff.js';
import { pdfPages } from '../render/helpers.js';
import { BASE, editTasks, makePlan } from './factory.js';

/** The straight rules a PDF draws ("x y m x y l S"), from its deflated content streams: table borders are rectangles. */
function rules(pdf: Uint8Array): Array<{ x1: number; y1: number; x2: number; y2: number }> {
  const out: Array<{ x1: number; y1: number; x2: number; y2: number }> = [];
  const bytes = Buffer.from(pdf);
  for (let at = bytes.indexOf('stream\n'); at >= 0; at = bytes.indexOf('stream\n', at + 1)) {
    const end = bytes.indexOf('\nendstream', at);
    let content: string;
    try {
      content = inflateSync(bytes.subarray(at + 7, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const m of content.matchAll(/([\d.-]+) ([\d.-]+) m\n([\d.-]+) ([\d.-]+) l\n/g)) out.push({ x1: +m[1], y1: +m[2], x2: +m[3], y2: +m[4] });
  }
  return out;
}

/** Fill-colour operators of the content streams. */
function colourOperators(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const out: string[] = [];
  for (let at = bytes.indexOf('stream\n'); at >= 0; at = bytes.indexOf('stream\n', at + 1)) {
    try {
      const content = inflateSync(bytes.subarray(at + 7, bytes.indexOf('\nendstream', at))).toString('latin1');
      for (const m of content.matchAll(/[\d.]+ [\d.]+ [\d.]+ rg/g)) out.push(m[0]);
    } catch {
      continue;
    }
  }
  return out;
}

describe('renderDiffPdf', () => {
  it('writes the 修订对照表 as PDF: every change a row, edits struck and underlined, the same bytes for the same date', async () => {
    const spec = editTasks({ ...BASE, docNumber: '某政办发〔2024〕3号' }, 2, (t) => [t[0], { ...t[1], body: '积极组织市场主体参与省级夜间消费聚集示范区创建。' }, ...t.slice(2)]);
    const changes = diffPlans(makePlan(BASE), makePlan(spec));
    const bytes = await renderDiffPdf(changes, {}, { date: '2026-11-27' });
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(await renderDiffPdf(changes, {}, { date: '2026-11-27' })))).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'fenjie-diff-pdf-')), 'report.pdf');
    writeFileSync(file, bytes);
    const text = (await pdfPages(file)).join('\n').replace(/\s+/g, '');
    for (const label of ['修订对照表', '序号', '位置', '原内容', '修改后', '变化说明', PDF_LEGEND.replace(/\s+/g, '')]) expect(text).toContain(label);
    expect(text).toContain(`共${changes.summary.total}处变化`);
    // 原内容 keeps the deleted 评选 (struck), 修改后 the inserted 创建 (underlined); the marks themselves are not text.
    expect(text).toContain('省级夜间消费聚集示范区评选');
    expect(text).toContain('省级夜间消费聚集示范区创建');
    expect(text).not.toMatch(/[\uE000-\uE003〖〗]/);
    // One horizontal rule for each: 2 characters wide at the table's text size; and the 文号's changed digit, struck
    // and underlined too (a modified value is marked like a text edit).
    const drawn = rules(bytes).filter((r) => r.y1 === r.y2);
    expect(drawn).toHaveLength(4);
    expect(drawn.filter((r) => Math.abs(r.x2 - r.x1 - 2 * 10.5) < 0.5)).toHaveLength(2);
    // In the Word report's colours: red (C00000) deletions, blue (0050B3) insertions.
    const colours = colourOperators(bytes);
    expect(colours).toContain('0.75 0 0 rg'); // C00000
    expect(colours).toContain('0 0.31 0.7 rg'); // 0050B3
    expect(text).toContain('某政办发〔2024〕3号');
  });
});
