// Layout templates: the shipped defaults follow GB/T 9704-2012; an override folder replaces files one by one.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fill } from '../../src/render/layout.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from '../../src/render/templates.js';

describe('loadTemplates', () => {
  it('defaults to A4 with 37/35/28/26 mm margins, a 22 pt title, 16 pt 仿宋 body, 黑体 and 楷体 headings', async () => {
    const t = await loadTemplates();
    expect(t.document.page).toMatchObject({ size: 'A4', margins: { top: 37, bottom: 35, left: 28, right: 26 } });
    expect(t.document.fonts.title).toMatchObject({ word: '方正小标宋简体', size: 22 });
    expect(t.document.fonts.body).toMatchObject({ word: '仿宋_GB2312', size: 16 });
    expect(t.document.fonts.heading1.word).toBe('黑体');
    expect(t.document.fonts.heading2.word).toBe('楷体_GB2312');
    expect(t.document.pageNumber).toBe('— {n} —');
    expect(t.taskTable.orientation).toBe('landscape');
    expect(t.taskTable.columns.map((c) => c.label)).toEqual(['序号', '类别', '重点任务', '具体内容', '牵头单位', '责任单位', '配合单位', '责任领导', '量化指标', '完成时限']);
  });

  it('takes a file from the override folder and keeps the defaults for the others', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fenjie-tpl-'));
    const matrix = JSON.parse(await readFile(path.join(DEFAULT_TEMPLATES_DIR, 'matrix.json'), 'utf8'));
    await writeFile(path.join(dir, 'matrix.json'), JSON.stringify({ ...matrix, legend: '★ 牵头' }));
    const t = await loadTemplates(dir);
    expect(t.matrix.legend).toBe('★ 牵头');
    expect(t.document.page.margins.top).toBe(37);
  });

  it('names the file and the field when an override does not match the schema', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fenjie-tpl-'));
    const doc = JSON.parse(await readFile(path.join(DEFAULT_TEMPLATES_DIR, 'document.json'), 'utf8'));
    doc.fonts.body.size = 'big';
    await writeFile(path.join(dir, 'document.json'), JSON.stringify(doc));
    await expect(loadTemplates(dir)).rejects.toThrow(/document\.json: fonts\.body\.size/);
    await writeFile(path.join(dir, 'document.json'), '{ not json');
    await expect(loadTemplates(dir)).rejects.toThrow(/document\.json is not valid JSON/);
  });
});

describe('fill', () => {
  it('fills placeholders and blanks unknown ones', () => {
    expect(fill('{unit}{planName}任务责任清单', { unit: '区财政局', planName: '实施“八大行动”' })).toBe('区财政局实施“八大行动”任务责任清单');
    expect(fill('{missing}表', {})).toBe('表');
  });
});
