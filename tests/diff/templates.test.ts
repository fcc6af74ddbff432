// The change reports take their layout from templates/diff.json, registered with the other templates: an override
// folder given to `fenjie diff --templates` (or to the API) restyles the Word and the PDF report.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { diffPlans, renderDiffDocx, renderDiffPdf } from '../../src/api/diff.js';
import { DEFAULT_TEMPLATES_DIR, loadTemplates } from '../../src/render/templates.js';
import { fenjie } from '../cli/run-cli.js';
import { pdfPages } from '../render/helpers.js';
import { BASE, makePlan } from './factory.js';

async function overrideDir(edit: (layout: Record<string, unknown>) => void): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fenjie-diff-tpl-'));
  const layout = JSON.parse(await readFile(path.join(DEFAULT_TEMPLATES_DIR, 'diff.json'), 'utf8'));
  edit(layout);
  await writeFile(path.join(dir, 'diff.json'), JSON.stringify(layout));
  return dir;
}

const documentXml = async (bytes: Uint8Array) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

describe('templates/diff.json', () => {
  const changes = diffPlans(makePlan(BASE), makePlan({ ...BASE, docNumber: '某政办发〔2024〕3号' }));

  it('is loaded with the other templates, and an override folder reaches the Word and PDF reports', async () => {
    expect((await loadTemplates()).diff.title).toBe('修订对照表');
    const dir = await overrideDir((l) => {
      l.title = '修改前后对照表';
      (l.columns as Array<{ key: string; label: string }>).find((c) => c.key === 'note')!.label = '修改理由';
    });
    const docx = await documentXml(await renderDiffDocx(changes, {}, { date: '2026-11-27', templatesDir: dir }));
    expect(docx).toContain('修改前后对照表');
    expect(docx).toContain('修改理由');
    expect(docx).not.toContain('变化说明');
    const out = path.join(dir, 'r.pdf');
    await writeFile(out, await renderDiffPdf(changes, {}, { date: '2026-11-27', templatesDir: dir }));
    const text = (await pdfPages(out)).join('');
    expect(text).toContain('修改前后对照表');
    expect(text).toContain('修改理由');
    // Without the folder: the shipped layout.
    expect(await documentXml(await renderDiffDocx(changes, {}, { date: '2026-11-27' }))).toContain('变化说明');
  });

  it('fenjie diff --templates uses it, and names the file and field of a bad override (exit 2)', async () => {
    const dir = await overrideDir((l) => {
      l.title = '修改前后对照表';
    });
    const out = path.join(dir, 'report.docx');
    const ok = await fenjie('diff', 'input/wulingyuan-2024-ba-da-xing-dong.txt', 'tests/fixtures/diff/wulingyuan-v2.txt', '-f', 'docx', '-o', out, '--templates', dir, '--date', '2026-11-27');
    // Exit 1 as diff(1): the versions differ.
    expect(ok.code, ok.stderr).toBe(1);
    expect(await documentXml(await readFile(out))).toContain('修改前后对照表');
    const bad = await overrideDir((l) => {
      l.columns = [];
    });
    const r = await fenjie('diff', 'input/wulingyuan-2024-ba-da-xing-dong.txt', 'tests/fixtures/diff/wulingyuan-v2.txt', '-f', 'pdf', '-o', path.join(bad, 'r.pdf'), '--templates', bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/diff\.json: columns/);
  });
});
