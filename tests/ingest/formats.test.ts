// The bundled notice as offices receive it, made with LibreOffice (tests/fixtures/formats/make.ts): as a PDF with a
// text layer (header and "— N —" on every page), as a Word 97 .doc and .wps, and a ruled task table as PDF and .docx.
// Each must read to the text, and the Plan, the .txt and the .docx give.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/index.js';
import { ingest } from '../../src/ingest/index.js';
import { allTasks, SAMPLE } from '../helpers.js';
import { renderReview } from '../../src/review/index.js';
import { pdfPages } from '../render/helpers.js';
import { contentLines, isSampleChrome, sampleText } from './builders.js';
import { essence, planOf } from './essence.js';

const FIXTURES = 'tests/fixtures/formats';
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURES}/${name}`));
const sampleDoc = (): Uint8Array => new Uint8Array(gunzipSync(readFileSync(`${FIXTURES}/sample.doc.gz`)));

/** The sample's lines as LibreOffice was given them (trimmed, NBSP as a space: pdf.js reads the glyph as one). */
const expectedLines = () =>
  contentLines(sampleText())
    .filter((l) => !isSampleChrome(l))
    .map((l) => l.replace(/\u00a0/g, ' '));

/** A Plan's notice without its spans (offsets differ between formats). */
const noticeFacts = (plan: Plan) => {
  const { command, cadences, ...rest } = plan.notice;
  return { ...rest, command: command && { ...command, span: undefined }, cadences: cadences.map((c) => [c.period, c.raw]) };
};

let txt: Plan;
beforeAll(async () => {
  txt = await planOf(readFileSync(SAMPLE), SAMPLE);
});

describe('PDF with a text layer (LibreOffice export, 27 pages)', () => {
  let plan: Plan;
  let text: string;
  beforeAll(async () => {
    const ingested = await ingest(fixture('sample.pdf'), 'sample.pdf');
    text = ingested.text;
    plan = await planOf(fixture('sample.pdf'), 'sample.pdf');
  });

  it('reads every paragraph whole, in order, without the running header, the page numbers or invented spaces', () => {
    expect(text).not.toContain('张家界市武陵源区人民政府办公室文件');
    expect(text).not.toMatch(/—\s*\d+\s*—/);
    // Paragraph for paragraph the text LibreOffice was given: wrapped lines joined (also across pages), and no
    // space where the layout only left a gap (2024 年, 区 政府).
    expect(contentLines(text).map((l) => l.replace(/\u00a0/g, ' '))).toEqual(expectedLines());
  });

  it('gives the same tasks, assignments, targets and work groups as the .txt, and the same notice', () => {
    expect(plan.source).toMatchObject({ format: 'pdf', pages: 27 });
    expect(essence(plan)).toEqual(essence(txt));
    expect(noticeFacts(plan)).toEqual(noticeFacts(txt));
  });

  it('keeps the page of every item, and the page holds it', async () => {
    const tasks = allTasks(plan);
    expect(tasks.every((t) => t.span.page !== undefined && t.assignments.every((a) => a.span.page !== undefined))).toBe(true);
    // Checked against pdf.js's raw text of each page (runs joined, no layout): each task opens on its page.
    // Chinese characters only: LibreOffice draws some punctuation (“”) apart from its line, in another font.
    const han = (s: string) => s.replace(/[^\u4e00-\u9fff]+/g, '');
    const pages = (await pdfPages(`${FIXTURES}/sample.pdf`)).map(han);
    for (const task of tasks) expect(pages[task.span.page! - 1], task.id).toContain(han(text.slice(task.span.start, task.span.start + 12)).slice(0, 5));
    expect(new Set(tasks.map((t) => t.span.page)).size).toBeGreaterThan(20);
    // The review page shows them.
    const page = renderReview(plan, text);
    expect(page).toContain('27 页');
    expect(page).toMatch(new RegExp(`<span class="count where"[^>]*> 第${tasks.at(-1)!.span.page}页</span>`));
  });

  it('keeps the box of every item on its page, and the text pdf.js places there is the item’s', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(fixture('sample.pdf')), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
    // Each page's text items with their baseline measured from the top-left corner, as the boxes are.
    const items: Array<Array<{ str: string; x: number; y: number }>> = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const height = page.view[3] - page.view[1];
      const content = await page.getTextContent();
      // Items on one baseline joined left to right (pdf.js splits a line where the font changes).
      const lines = new Map<number, Array<{ str: string; x: number }>>();
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const y = Math.round(height - item.transform[5]);
        lines.set(y, [...(lines.get(y) ?? []), { str: item.str, x: item.transform[4] }]);
      }
      items.push([...lines].map(([y, parts]) => ({ y, x: Math.min(...parts.map((p) => p.x)), str: parts.sort((p, q) => p.x - q.x).map((p) => p.str).join('') })));
    }
    await doc.destroy();
    const han = (s: string) => s.replace(/[^\u4e00-\u9fff]+/g, '');
    const tasks = allTasks(plan);
    for (const task of tasks) {
      const [left, top, right, bottom] = task.span.box!;
      expect(left < right && top < bottom && right <= 595.3 && bottom <= 841.9, task.id).toBe(true);
      const head = han(task.title).slice(0, 4);
      const placed = items[task.span.page! - 1].filter((i) => han(i.str).includes(head));
      expect(placed.some((i) => i.y >= top && i.y <= bottom && i.x >= left - 1 && i.x <= right + 1), `${task.id} ${head} in ${task.span.box}`).toBe(true);
      for (const a of task.assignments) {
        // A unit's box lies within its task's box when both start on one page (the lines it covers are the task's).
        if (a.span.page === task.span.page) expect(a.span.box![1] >= top && a.span.box![3] <= bottom + 0.1, `${task.id} ${a.unit}`).toBe(true);
      }
    }
    // The review page tells the box.
    expect(renderReview(plan, text)).toContain(`data-box="${tasks[0].span.box!.join(' ')}"`);
  });
});

describe('Word 97 .doc and WPS .wps (word-extractor)', () => {
  it('reads the .doc to the same lines and the same Plan as the .txt; “” stay typographic', async () => {
    const ingested = await ingest(sampleDoc(), 'sample.doc');
    expect(ingested.format).toBe('doc');
    expect(ingested.text).toContain('“八大行动”');
    expect(contentLines(ingested.text).map((l) => l.replace(/\u00a0/g, ' '))).toEqual(expectedLines());
    expect(essence(await planOf(sampleDoc(), 'sample.doc'))).toEqual(essence(txt));
  });

  it('reads a WPS file in the Word 97 format as .wps', async () => {
    const plan = await planOf(sampleDoc(), '通知.wps');
    expect(plan.source.format).toBe('wps');
    expect(essence(plan)).toEqual(essence(txt));
  });
});

describe('a ruled task table', () => {
  const rows = (text: string) => text.split('\n').filter((l) => l.includes('\t'));

  it('reads from the PDF to the same TAB-separated rows as from the .docx', async () => {
    const [pdf, docx] = await Promise.all([ingest(fixture('table.pdf'), 'table.pdf'), ingest(fixture('table.docx'), 'table.docx')]);
    expect(rows(docx.text)).toHaveLength(7);
    expect(rows(pdf.text)).toEqual(rows(docx.text));
    // Cells the layout wrapped (各县（市、区）人民政府 over two lines) read whole.
    expect(rows(pdf.text)[2]).toContain('各县（市、区）人民政府');
  });

  it('gives the hand-checked tasks of tests/fixtures/forms/city-task-table', async () => {
    const expected = JSON.parse(readFileSync('tests/fixtures/forms/city-task-table/expected.json', 'utf8')) as { tasks: unknown };
    for (const [bytes, name] of [
      [fixture('table.pdf'), 'table.pdf'],
      [fixture('table.docx'), 'table.docx'],
    ] as const) {
      const plan = await planOf(bytes, name);
      const got = allTasks(plan).map((t) => ({ number: t.number, assignments: t.assignments.map((a) => ({ role: a.role, unit: a.unit, inferred: a.inferred })) }));
      expect(got, name).toEqual(expected.tasks);
    }
  });
});

describe('workbooks', () => {
  it('reads .xlsx (exceljs) and .xls (SheetJS) to the same text, the sheet kept', async () => {
    const [xlsx, xls] = await Promise.all([ingest(fixture('annex3.xlsx'), 'annex3.xlsx'), ingest(fixture('annex3.xls'), 'annex3.xls')]);
    expect(xlsx.format).toBe('xlsx');
    expect(xls.format).toBe('xls');
    expect(xls.text).toBe(xlsx.text);
    expect(xlsx.places).toEqual([{ start: 0, end: xlsx.text.trimEnd().length, sheet: '附件3' }]);
    const lines = xlsx.text.split('\n');
    // The title rows merged across the sheet are paragraphs; the table is padded to its width, category rows too.
    expect(lines.slice(0, 2)).toEqual(['附件3', '张家界市武陵源区激发需求行动实施方案']);
    expect(lines).toContain('序号\t重点任务\t具体措施\t牵头单位\t责任单位');
    expect(lines).toContain('(一)激发有潜能的消费\t\t\t\t');
    // A cell of two paragraphs (rich text in exceljs) reads as one, joined by a space as a .docx cell's are.
    expect(lines.find((l) => l.startsWith('1\t'))).toMatch(/合理增长。 贯彻落实/);
  });
});
