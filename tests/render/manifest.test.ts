// Re-runs into the same folder: files the previous run wrote and this one no longer writes are removed and named;
// nothing else is touched.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST } from '../../src/render/manifest.js';
import { smallPlan } from './fixtures/small-plan.js';
import { build, freshDir } from './helpers.js';

/** smallPlan without 区卫生健康局 (its one task given to 区教育局 alone). */
function withoutUnit() {
  const plan = structuredClone(smallPlan);
  const t = plan.annexes[1]!.tasks[1]!;
  t.assignments = t.assignments.filter((a) => a.unit !== '区卫生健康局');
  plan.units = plan.units.filter((u) => u.name !== '区卫生健康局');
  return plan;
}

describe('manifest', () => {
  it('removes the sheets of a unit dropped from the plan, names them, and leaves other files alone', async () => {
    const dir = await freshDir();
    const first = await build(smallPlan, { outDir: dir, formats: ['docx', 'pdf'] });
    expect(first.removed).toEqual([]);
    expect(existsSync(path.join(dir, MANIFEST))).toBe(true);
    await writeFile(path.join(dir, 'notes.txt'), 'mine');
    await writeFile(path.join(dir, 'units', '区卫生健康局-备注.docx'), 'mine too');
    const second = await build(withoutUnit(), { outDir: dir, formats: ['docx', 'pdf'] });
    expect(second.removed).toEqual(['units/区卫生健康局.docx', 'units/区卫生健康局.pdf']);
    expect(existsSync(path.join(dir, 'units', '区卫生健康局.pdf'))).toBe(false);
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(path.join(dir, 'units', '区卫生健康局-备注.docx'))).toBe(true);
  });

  it('keeps files of formats or units the run was not asked for, and a file changed since it was written', async () => {
    const dir = await freshDir();
    await build(smallPlan, { outDir: dir, formats: ['docx', 'pdf'] });
    // Only PDFs now: the Word files are not this run's to remove.
    const pdfOnly = await build(smallPlan, { outDir: dir, formats: ['pdf'] });
    expect(pdfOnly.removed).toEqual([]);
    expect(existsSync(path.join(dir, '任务分解表.docx'))).toBe(true);
    // Someone edits a unit's sheet; the unit then leaves the plan: the edited file stays, and is named as kept.
    await writeFile(path.join(dir, 'units', '区卫生健康局.docx'), 'edited by hand');
    const again = await build(withoutUnit(), { outDir: dir, formats: ['docx', 'pdf'] });
    expect(again.removed).toEqual(['units/区卫生健康局.pdf']);
    expect(again.kept).toEqual(['units/区卫生健康局.docx']);
    expect(await readFile(path.join(dir, 'units', '区卫生健康局.docx'), 'utf8')).toBe('edited by hand');
  });
});
