// The real sample rendered once, then each output read back and checked against the Plan.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/index.js';
import type { BuildResult } from '../../src/render/index.js';
import { build, docxPart, docxTables, expectedUnitTasks, idsIn, pdfPages, samplePlan, workbook } from './helpers.js';

let plan: Plan;
let result: BuildResult & { dir: string };
const file = (name: string) => path.join(result.dir, name);
/** Units that get a sheet: every real unit, and every collective a task names itself (各乡〈街道〉…). */
const named = () => new Set(plan.annexes.flatMap((a) => a.tasks.flatMap((t) => t.assignments.map((x) => x.unit))));
const sheetUnits = () => plan.units.filter((u) => u.kind === 'unit' || named().has(u.name));
const unitFile = (unit: string, ext: string) => result.files.find((f) => f.unit === unit && f.path.endsWith(ext))!.path;

beforeAll(async () => {
  plan = await samplePlan();
  result = await build(plan);
});

describe('files', () => {
  it('writes the whole-plan files and a Word and PDF sheet for every unit, nothing else', async () => {
    const units = sheetUnits();
    expect(units.length).toBeGreaterThan(50);
    expect(result.files).toHaveLength(6 + 2 * units.length + 1);
    for (const f of result.files) expect(existsSync(f.path)).toBe(true);
    const top = (await readdir(result.dir)).sort();
    expect(top).toEqual(['.fenjie-manifest.json', 'index.md', 'units', '任务分解表.docx', '任务分解表.pdf', '台账.xlsx', '责任矩阵.docx', '责任矩阵.pdf', '责任矩阵.xlsx'].sort());
    expect(await readdir(path.join(result.dir, 'units'))).toHaveLength(2 * units.length);
  });

  it('index.md links every file produced, each unit under its own heading', async () => {
    const md = await readFile(file('index.md'), 'utf8');
    for (const f of result.files.filter((f) => f.kind !== 'index')) {
      expect(md).toContain(`(<${path.relative(result.dir, f.path)}>)`);
    }
    for (const u of sheetUnits()) expect(md).toContain(`### ${u.name}`);
  });
});

describe('任务分解表.docx', () => {
  let xml: string;
  beforeAll(async () => {
    xml = await docxPart(file('任务分解表.docx'));
  });

  it('has one landscape section, the annexes running on, and one table per annex with a repeated header row', () => {
    const sections = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)!;
    expect(sections).toHaveLength(1);
    for (const s of sections) expect(s).toMatch(/w:orient="landscape"/);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    expect(tables).toHaveLength(plan.annexes.length);
    for (const t of tables) {
      const rows = t.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    }
  });

  it('has a row per task with its id and lead, and every row shows or inherits its category', () => {
    const tables = docxTables(xml);
    const rawTables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    let merged = 0;
    plan.annexes.forEach((annex, i) => {
      const rows = tables[i]!.slice(1);
      const rawRows = rawTables[i]!.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!.slice(1);
      expect(rows).toHaveLength(annex.tasks.length);
      let inherited = '';
      annex.tasks.forEach((task, r) => {
        expect(rows[r]!.join('|')).toContain(task.id);
        const lead = task.assignments.find((a) => a.role === 'lead' && !a.resolvedFrom && !a.desk);
        if (lead) expect(rows[r]!.join('|')).toContain(lead.unit);
        // The category column (second cell): its own text, or a vMerge continuation of the restart above.
        const categoryCell = rawRows[r]!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)![1]!;
        const label = task.section ? `${task.section}${task.sectionTitle ?? ''}` : '—';
        if (/<w:vMerge\/>/.test(categoryCell)) {
          expect(inherited, task.id).toBe(label);
        } else {
          expect(rows[r]![1], task.id).toBe(label);
          inherited = /<w:vMerge w:val="restart"\/>/.test(categoryCell) ? label : '';
          if (inherited) merged++;
        }
      });
    });
    expect(merged).toBeGreaterThan(3);
  });

  it('names the standard Chinese fonts through eastAsia in named styles', async () => {
    const styles = await docxPart(file('任务分解表.docx'), 'word/styles.xml');
    for (const font of ['仿宋_GB2312', '黑体', '楷体_GB2312', '方正小标宋简体']) expect(styles).toContain(`w:eastAsia="${font}"`);
    expect(xml).not.toMatch(/<w:rFonts/); // formatting lives in the styles, not repeated inline
    expect(xml).toContain('w:pStyle w:val="FjTitle"');
  });

  it('sets GB/T 9704 margins, turned with the landscape page, and a "— n —" page number in the footer', async () => {
    const twips = (mm: number) => (mm * 1440) / 25.4;
    const pgMar = (doc: string) => [...doc.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => Object.fromEntries([...m[1]!.matchAll(/w:(\w+)="(\d+)"/g)].map((a) => [a[1], Number(a[2])])));
    const close = (m: Record<string, number>, [top, bottom, left, right]: number[]) =>
      [m.top - twips(top), m.bottom - twips(bottom), m.left - twips(left), m.right - twips(right)].every((d) => Math.abs(d) < 2);
    const margins = pgMar(xml);
    expect(margins).toHaveLength(1);
    // A landscape table faces the binding edge: the portrait 37/35/28/26 mm become top 28, bottom 26, left 35, right 37.
    for (const m of margins) expect(close(m, [28, 26, 35, 37]), JSON.stringify(m)).toBe(true);
    const sheet = result.files.find((f) => f.kind === 'unit-sheet' && f.path.endsWith('.docx'))!;
    for (const m of pgMar(await docxPart(sheet.path))) expect(close(m, [37, 35, 28, 26]), JSON.stringify(m)).toBe(true);
    const footer = await docxPart(file('任务分解表.docx'), 'word/footer1.xml');
    expect(footer).toMatch(/PAGE/);
    expect(footer.match(/—/g)).toHaveLength(2);
  });
});

describe('任务分解表.pdf', () => {
  let pages: string[];
  beforeAll(async () => {
    pages = await pdfPages(file('任务分解表.pdf'));
  });

  it('lists every task id once as a row start and repeats the header on every page with rows', () => {
    const seen = new Set(pages.flatMap((p) => [...idsIn(p)]));
    expect([...seen].sort()).toEqual(plan.annexes.flatMap((a) => a.tasks.map((t) => t.id)).sort());
    for (const page of pages) {
      if (page.replace(/[—\s\d]/g, '').length < 30) continue;
      expect(page).toContain('具体内容');
      expect(page).toContain('完成时限');
    }
  });

  it('never starts a page without the category of the tasks on it', () => {
    for (const page of pages) {
      for (const id of idsIn(page)) {
        const task = plan.annexes.flatMap((a) => a.tasks).find((t) => t.id === id)!;
        if (task.sectionTitle) expect(page.replace(/\s/g, '')).toContain(task.sectionTitle.replace(/\s/g, ''));
      }
    }
  });

  it('prints the full task text, not a truncated one', () => {
    const all = pages.join('').replace(/\s/g, '');
    const longest = plan.annexes.flatMap((a) => a.tasks).sort((a, b) => b.text.length - a.text.length)[0]!;
    // The last sentence before the responsibility clause is on some page.
    const tail = longest.text.replace(/[（(][^（(]*[）)][。.]?\s*$/, '').replace(/\s/g, '').slice(-12);
    expect(all).toContain(tail);
  });
});

describe('责任矩阵', () => {
  it('xlsx holds the full units × tasks matrix with ● ○ △ as the Plan assigns, frozen headers and a filter', async () => {
    const wb = await workbook(file('责任矩阵.xlsx'));
    const ws = wb.worksheets[0]!;
    const ids = plan.annexes.flatMap((a) => a.tasks.map((t) => t.id));
    // Each task header is its id over its short title; 单位 is one cell over both header rows.
    const header = ids.map((_, i) => String(ws.getRow(2).getCell(i + 2).value).split('\n'));
    expect(header.map((h) => h[0])).toEqual(ids);
    for (const h of header) expect(h[1]!.length).toBeGreaterThan(1);
    expect(ws.getCell('A2').isMerged).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    const marks = { lead: '●', responsible: '○', cooperate: '△' } as const;
    const rowOf = new Map<string, number>();
    ws.eachRow((row, n) => n > 2 && typeof row.getCell(1).value === 'string' && rowOf.set(row.getCell(1).value as string, n));
    let checked = 0;
    for (const unit of sheetUnits()) {
      const expected = expectedUnitTasks({ ...plan, units: [] }, unit); // own assignments only, no desks
      const n = rowOf.get(unit.name);
      if (expected.size === 0) continue;
      expect(n, unit.name).toBeDefined();
      ids.forEach((id, i) => {
        const role = expected.get(id);
        expect(ws.getRow(n!).getCell(i + 2).value ?? null, `${unit.name} ${id}`).toBe(role ? marks[role] : null);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('docx and pdf show the units × annexes counts and a legend', async () => {
    const xml = await docxPart(file('责任矩阵.docx'));
    const pages = await pdfPages(file('责任矩阵.pdf'));
    const text = pages.join('');
    for (const t of [docxTables(xml).flat(2).join('|') + xml, text]) {
      expect(t).toContain('● 牵头');
      expect(t).toMatch(/牵头 \d+\s*参与 \d+/);
    }
    const lead = sheetUnits().find((u) => u.name === '区文化旅游广电体育局')!;
    const a1 = plan.annexes[0]!.tasks.filter((t) => t.assignments.some((a) => a.unit === lead.name && a.role === 'lead')).length;
    expect(a1).toBeGreaterThan(0);
    const row = docxTables(xml)[0]!.find((r) => r[0] === lead.name)!;
    expect(row[1]).toMatch(new RegExp(`^牵头 ${a1}参与 \\d+$`));
  });
});

describe('台账.xlsx', () => {
  it('has a summary sheet, one sheet per annex with a row per task, and a status drop-down', async () => {
    const wb = await workbook(file('台账.xlsx'));
    // 汇总, one sheet per annex, and the hidden stamp sheet.
    expect(wb.worksheets).toHaveLength(plan.annexes.length + 2);
    plan.annexes.forEach((annex, i) => {
      const ws = wb.worksheets[i + 1]!;
      const header = (ws.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(expect.arrayContaining(['具体内容', '进展情况', '完成状态', '佐证材料', '填报人', '填报日期', '牵头单位']));
      expect(ws.rowCount).toBe(annex.tasks.length + 1);
      const status = header.indexOf('完成状态') + 1;
      annex.tasks.forEach((task, r) => {
        expect(ws.getRow(r + 2).getCell(1).value).toBe(task.id);
        expect(ws.getRow(r + 2).getCell(status).value).toBe('未启动');
        expect(ws.getRow(r + 2).getCell(status).dataValidation).toMatchObject({ type: 'list', formulae: ['"未启动,推进中,已完成,滞后"'] });
        expect(ws.getRow(r + 2).height).toBeGreaterThan(14);
      });
    });
  });
});

describe('unit sheets', () => {
  it('each lists exactly the tasks the Plan gives the unit and its desks, in Word and in PDF', async () => {
    // Word for every unit (cheap to read); PDF for a spread of units including a bureau with desks.
    for (const unit of sheetUnits()) {
      const expected = expectedUnitTasks(plan, unit);
      const xml = await docxPart(unitFile(unit.name, '.docx'));
      expect([...idsIn(xml)].sort(), unit.name).toEqual([...expected.keys()].sort());
    }
    const picks = ['区发展和改革局', '区财政局', '区妇联'].filter((n) => sheetUnits().some((u) => u.name === n));
    expect(picks.length).toBeGreaterThan(1);
    for (const name of picks) {
      const unit = sheetUnits().find((u) => u.name === name)!;
      const pages = await pdfPages(unitFile(name, '.pdf'));
      expect(pages[0]!.replace(/\s/g, '')).toContain(`${name}${plan.notice.planName}任务责任清单`);
      expect([...idsIn(pages.join(''))].sort(), name).toEqual([...expectedUnitTasks(plan, unit).keys()].sort());
    }
  });

  it('marks a desk task with its desk on the bureau sheet, and lists work groups with blanks for the liaison', async () => {
    const xml = await docxPart(unitFile('区发展和改革局', '.docx'));
    expect(xml).toContain('〔工信〕');
    // Each annex a run of tasks belongs to heads it as a row spanning the table (gridSpan over all columns).
    const banners = xml.match(/<w:gridSpan w:val="(\d+)"\/>/g) ?? [];
    expect(banners.length).toBeGreaterThanOrEqual(new Set([...idsIn(xml)].map((id) => id.split('.')[0])).size);
    expect(xml).toContain('〔科技〕');
    expect(xml).toMatch(/联络员：＿+　电话：＿+/);
    for (const c of plan.notice.cadences) expect(xml).toContain(c.raw.replace(/"/g, '&quot;'));
  });

  it('keeps unit PDFs small (fonts subsetted: the whole face is 15 MB)', () => {
    // With each task's full text the median sheet is ~73 KB and the largest bureau's ~300 KB (measured).
    const sizes = result.files.filter((f) => f.kind === 'unit-sheet' && f.path.endsWith('.pdf')).map((f) => f.bytes).sort((a, b) => a - b);
    expect(sizes[sizes.length >> 1]).toBeLessThan(100_000);
    expect(sizes[sizes.length - 1]).toBeLessThan(400_000);
  });
});
