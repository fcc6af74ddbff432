// Documents an office can circulate as they are: who gets what (collectives, scope, desks, no lead), the task table
// laid out from its content, read back from the files and from the PDF layout model.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan, Task } from '../../src/index.js';
import { drawTaskTable } from '../../src/render/pdf/pdf-task-table.js';
import type { CellRecord } from '../../src/render/pdf/pdf-doc.js';
import { taskTableColumns } from '../../src/render/task-table-view.js';
import { loadTemplates, type Templates } from '../../src/render/templates.js';
import { smallPlan } from './fixtures/small-plan.js';
import { build, DATE, docxPart, docxTables, idsIn, samplePlan } from './helpers.js';

const span = (start: number, end: number) => ({ start, end, line: 1, column: start + 1, endLine: 1, endColumn: end + 1 });

/** smallPlan with A2.T2's two leads each answering for one sentence, and leaders on A1.T1. */
function scopedPlan(): Plan {
  const plan = structuredClone(smallPlan);
  const task = plan.annexes[1]!.tasks[1]! as Task;
  const base = 1000;
  const text = '推进健康建设。新增托位100个（区卫生健康局牵头）。开展托育人员培训（区教育局牵头）。';
  task.text = text;
  const clause = (index: number, raw: string, sentence: string) => {
    const at = text.indexOf(raw);
    const from = text.indexOf(sentence);
    return { index, form: 'parenthetical' as const, raw, span: span(base + at, base + at + raw.length), scope: { kind: 'sentence' as const, span: span(base + from, base + from + sentence.length) } };
  };
  task.clauses = [clause(0, '区卫生健康局牵头', '新增托位100个（区卫生健康局牵头）。'), clause(1, '区教育局牵头', '开展托育人员培训（区教育局牵头）。')];
  task.assignments = task.assignments.map((a) => ({ ...a, clause: a.unit === '区教育局' ? 1 : 0 }));
  plan.annexes[0]!.tasks[0]!.leaders = [{ name: '周建华', title: '副区长', raw: '周建华（副区长）', span: span(0, 1) }];
  return plan;
}

describe('who gets what', () => {
  let plan: Plan;
  let dir: string;
  const unitDocx = (name: string) => docxPart(path.join(dir, 'units', `${name.replace(/〈/g, '（').replace(/〉/g, '）')}.docx`));
  beforeAll(async () => {
    plan = await samplePlan();
    dir = (await build(plan, { formats: ['docx'] })).dir;
  });

  it('gives every collective a task names its own sheet, listing its tasks', async () => {
    const collectives = plan.units.filter((u) => u.kind === 'collective');
    let checked = 0;
    for (const c of collectives) {
      const tasks = plan.annexes.flatMap((a) => a.tasks).filter((t) => t.assignments.some((a) => a.unit === c.name));
      if (tasks.length === 0) continue;
      const xml = await unitDocx(c.name);
      expect(xml).toContain(`本清单发“${c.name}”`);
      expect([...idsIn(xml)].sort(), c.name).toEqual(tasks.map((t) => t.id).sort());
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    // The townships, on the notice's 主送 list, receive their four tasks.
    expect([...idsIn(await unitDocx('各乡〈街道〉'))].sort()).toEqual(['A7.T1', 'A7.T16', 'A7.T18', 'A7.T23']);
  });

  it('marks on a member’s sheet a task that came through 各成员单位', async () => {
    const xml = await unitDocx('区财政局');
    expect(xml).toContain('A5.T13');
    expect(xml).toContain('〔经“各成员单位”分配〕');
  });

  it('counts a bureau with its desks the same in the matrix, its sheet and index.md', async () => {
    const md = await readFile(path.join(dir, 'index.md'), 'utf8');
    const matrix = docxTables(await docxPart(path.join(dir, '责任矩阵.docx')))[0]!;
    const total = (row: string[]) => row[row.length - 1]!.match(/牵头 (\d+)参与 (\d+)/)?.slice(1).map(Number) ?? [0, 0];
    let checked = 0;
    for (const row of matrix.slice(1)) {
      const unit = row[0]!;
      if (unit.startsWith('\u3000')) continue; // a desk's row under its bureau
      const index = md.match(new RegExp(`### ${unit.replace(/[\\[\]()*.?+〈〉]/g, '\\$&')}\\n\\n牵头 (\\d+) 项，参与 (\\d+) 项`));
      if (!index) continue;
      const sheet = (await unitDocx(unit)).match(/牵头任务(\d+)项，参与任务(\d+)项/)!;
      expect([Number(index[1]), Number(index[2])], unit).toEqual(total(row));
      expect([Number(sheet[1]), Number(sheet[2])], unit).toEqual(total(row));
      checked++;
    }
    expect(checked).toBeGreaterThan(60);
    // 区发展和改革局's desks stand under it, not as unrelated rows.
    const at = matrix.findIndex((r) => r[0] === '区发展和改革局');
    expect(matrix.slice(at + 1, at + 3).map((r) => r[0]).sort()).toEqual(['\u3000〈工信〉', '\u3000〈科技〉']);
  });

  it('shows 未明确 where no lead is named, never a blank', async () => {
    const rows = docxTables(await docxPart(path.join(dir, '任务分解表.docx'))).flatMap((t) => t.slice(1));
    const noLead = plan.annexes.flatMap((a) => a.tasks).filter((t) => !t.assignments.some((a) => a.role === 'lead'));
    expect(noLead.length).toBeGreaterThan(10);
    for (const t of noLead) expect(rows.find((r) => r[0]!.includes(t.id))!.join('|'), t.id).toContain('未明确');
  });

  it('labels the source document and the sheet’s own date, and counts work groups among the actions', async () => {
    const xml = await unitDocx('区发展和改革局');
    expect(xml).toContain(`依据：`);
    expect(xml).toContain(plan.notice.docNumber!);
    expect(xml).toContain('本清单印发日期：2026年11月27日');
    for (const file of ['区住房和城乡建设局〈住保中心〉']) {
      const text = await unitDocx(file);
      expect(text).not.toContain('涉及0个行动');
    }
  });

  it('lists under 调度报送要求 only duties that fall to the unit, each with its subject', async () => {
    const xml = await unitDocx('区发展和改革局');
    // Without the source text the build lists the cadences as written; with it (fenjie run), see the next test.
    expect(xml).toContain('每旬调度更新');
  });
});

describe('duties with the source text', () => {
  it('names each duty’s subject and leaves out the command office’s own duty from a bureau’s sheet', async () => {
    const { extractNotice } = await import('../../src/index.js');
    const { plan, source } = await extractNotice('input/wulingyuan-2024-ba-da-xing-dong.txt');
    const { dir } = await build(plan, { formats: ['docx'], unit: '区发展和改革局', source });
    const xml = await docxPart(path.join(dir, 'units', '区发展和改革局.docx'));
    expect(xml).toContain('〔区实施“八大行动”各工作专班〕'.replace(/"/g, '&quot;'));
    expect(xml).not.toContain('月底收集更新'); // 区指挥部办公室's
    expect(xml).not.toContain('不少于1次/月'); // the convener's, a person
  });
});

describe('scope and leaders (hand-made plan)', () => {
  it('marks the part a unit leads, in the task table and on its sheet, and shows 责任领导 only where named', async () => {
    const { dir } = await build(scopedPlan(), { formats: ['docx'] });
    const table = docxTables(await docxPart(path.join(dir, '任务分解表.docx'))).flat();
    expect(table[0]).toContain('责任领导');
    const row = table.find((r) => r[0]!.includes('A2.T2'))!.join('|');
    expect(row).toContain('①新增托位');
    expect(row).toContain('区卫生健康局①');
    expect(row).toContain('区教育局②');
    expect(table.find((r) => r[0]!.includes('A1.T1'))!.join('|')).toContain('周建华（副区长）');
    const sheet = await docxPart(path.join(dir, 'units', '区教育局.docx'));
    expect(sheet).toContain('〔本单位牵头②〕开展托育人员培训');
    // No leaders in the plan: no column for them.
    const plain = await build(smallPlan, { formats: ['docx'] });
    expect(docxTables(await docxPart(path.join(plain.dir, '任务分解表.docx')))[0]![0]).not.toContain('责任领导');
  });
});

describe('任务分解表 layout (PDF layout model of the sample)', () => {
  let templates: Templates;
  let cells: CellRecord[];
  let pages: number;
  let plan: Plan;
  beforeAll(async () => {
    plan = await samplePlan();
    templates = await loadTemplates();
    cells = [];
    const w = drawTaskTable(plan, templates, DATE, { record: (c) => cells.push(c) });
    pages = w.pages;
    (globalThis as { fill?: number[] }).fill = Array.from({ length: pages }, (_, p) => {
      const on = cells.filter((c) => c.page === p);
      return (Math.max(...on.map((c) => c.top + c.height)) - w.top) / (w.bottom - w.top);
    });
  });

  it('takes at most 50 pages, each but the last at least 70 % full', () => {
    expect(pages).toBeLessThanOrEqual(50);
    const fill = (globalThis as { fill?: number[] }).fill!;
    for (const [p, f] of fill.slice(0, -1).entries()) expect(f, `page ${p + 1}`).toBeGreaterThanOrEqual(0.7);
  });

  it('never wraps a header label inside a word, nor an id or 序号', () => {
    const layout = taskTableColumns(plan, templates.taskTable, templates.document);
    const no = layout.columns.findIndex((c) => c.key === 'no');
    for (const c of cells.filter((c) => c.header)) {
      const label = layout.headers[c.column]!;
      expect(c.lines, label).toEqual(label.split('\n'));
      for (const line of c.lines) expect([...line].length, label).toBeGreaterThanOrEqual(2);
    }
    const ids = cells.filter((c) => !c.header && c.column === no);
    expect(ids.length).toBeGreaterThan(130);
    for (const c of ids) for (const line of c.lines) expect(line, line).toMatch(/^(A\d+\.T\d+|[（(]?[一二三四五六七八九十\d]+[)）.、]?)$/);
  });

  it('leaves out a column empty for the whole plan, and folds the sparse 配合单位 into 责任单位', () => {
    const layout = taskTableColumns(plan, templates.taskTable, templates.document);
    const keys = layout.columns.map((c) => c.key);
    expect(keys).not.toContain('leaders');
    expect(keys).not.toContain('cooperate');
    for (const col of layout.columns.filter((c) => c.key !== 'category')) {
      expect(cells.some((c) => !c.header && c.column === keys.indexOf(col.key) && c.lines.join('') !== ''), col.key).toBe(true);
    }
    expect(layout.widths.reduce((a, b) => a + b, 0)).toBeCloseTo((225 * 72) / 25.4, 0);
  });

  it('starts no page with a fragment of fewer than three lines, and repeats 序号 and task with （续）', () => {
    const keys = taskTableColumns(plan, templates.taskTable, templates.document).columns.map((c) => c.key);
    const task = keys.indexOf('task');
    const no = keys.indexOf('no');
    const continued = cells.filter((c) => c.column === task && c.lines.join('').includes('（续）'));
    expect(continued.length).toBeGreaterThan(5);
    for (const c of continued) {
      const row = cells.filter((x) => x.page === c.page && x.top === c.top && !x.header && x.column !== task && x.column !== no && x.column !== keys.indexOf('category'));
      expect(Math.max(...row.map((x) => x.lines.length)), `page ${c.page + 1}`).toBeGreaterThanOrEqual(3);
      expect(cells.some((x) => x.page === c.page && x.top === c.top && x.column === no && x.lines.length > 0)).toBe(true);
    }
  });

  it('gives the Word table the PDF’s column widths', async () => {
    const { dir } = await build(smallPlan, { formats: ['docx'] });
    const xml = await docxPart(path.join(dir, '任务分解表.docx'));
    const grid = [...xml.match(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/)![1]!.matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    const layout = taskTableColumns(smallPlan, templates.taskTable, templates.document);
    expect(grid).toEqual(layout.widths.map((w) => Math.round(w * 20)));
    expect(xml).toContain('<w:cantSplit/>');
  });

  it('has a compact form without 具体内容, each annex on its own page', async () => {
    const { dir } = await build(smallPlan, { formats: ['docx'], table: 'compact' });
    const xml = await docxPart(path.join(dir, '任务分解表.docx'));
    expect(docxTables(xml)[0]![0]).not.toContain('具体内容');
    expect(xml).toContain('任务分解简表');
    expect(xml).toContain('<w:pageBreakBefore/>');
  });
});
