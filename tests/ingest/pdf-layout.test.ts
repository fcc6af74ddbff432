// PDF page geometry → text, on runs placed by hand: spaces only where the content stream has them, lines the layout
// wrapped joined again, page furniture dropped, tables rebuilt from their rulings. Also the .doc table rows.
import { describe, expect, it } from 'vitest';
import { docText } from '../../src/ingest/doc.js';
import { findFurniture } from '../../src/ingest/pdf/furniture.js';
import { continues, GAP, groupLines, resolveGaps, textColumn, type Line, type Run } from '../../src/ingest/pdf/layout.js';
import { layoutPages } from '../../src/ingest/pdf/pages.js';
import { findTables, type Segment } from '../../src/ingest/pdf/tables.js';

const SIZE = 16;
/** A run of text starting at x on baseline y, each character one em wide (CJK) or half (ASCII). */
const run = (str: string, x: number, y: number): Run => ({ str, x, y, size: SIZE, width: [...str].reduce((w, c) => w + (c.charCodeAt(0) < 0x2e80 ? SIZE / 2 : SIZE), 0) });
const line = (text: string, x0: number, x1: number, y: number): Line => ({ text, x0, x1, y, size: SIZE });

describe('spaces', () => {
  it('a guessed gap is a space between narrow characters only; a space of the content stream stays', () => {
    expect(resolveGaps(`2024${GAP}年${GAP}4${GAP}月`)).toBe('2024年4月');
    expect(resolveGaps(`RCEP${GAP}and${GAP}CPTPP`)).toBe('RCEP and CPTPP');
    expect(resolveGaps(`办公室 关于${GAP}印发`)).toBe('办公室 关于印发');
  });

  it('runs on one baseline become one line left to right; text drawn twice (fake bold) is kept once', () => {
    // LibreOffice draws a fallback font's glyphs (“”) after the line, at their places.
    const lines = groupLines([run('持续推进', 100, 700), run('仙境张家界', 164 + 2, 700), run('“', 164, 700.4), run('重点', 100, 680), run('重点', 100.3, 680)]);
    expect(lines.map((l) => resolveGaps(l.text))).toEqual(['持续推进“仙境张家界', '重点']);
  });
});

describe('wrapped lines', () => {
  const column = { left: 100, right: 500 };

  it('a line running to the right edge continues on the next line at the left edge: 每月25⏎日前 reads whole', () => {
    const a = line('各单位每月25', 100, 499, 700);
    const b = line('日前报送进展情况。', 100, 244, 680);
    expect(continues(a, b, column, true)).toBe(true);
    expect(resolveGaps(`${a.text}${GAP}${b.text}`)).toBe('各单位每月25日前报送进展情况。');
  });

  it('a short line, an indented next line, or a new numbered item after a finished one start a paragraph', () => {
    expect(continues(line('短行。', 100, 148, 700), line('下一段', 100, 148, 680), column, true)).toBe(false);
    expect(continues(line('满行', 100, 499, 700), line('缩进的新段', 132, 212, 680), column, true)).toBe(false);
    expect(continues(line('……(区财政局牵头)', 100, 499, 700), line('2.第二项任务', 100, 212, 680), column, true)).toBe(false);
  });

  it('the column is where most lines start and end', () => {
    expect(textColumn([line('a', 100, 500, 1), line('b', 132, 480, 2), line('c', 240, 360, 3)])).toEqual({ left: 100, right: 500 });
  });
});

describe('page furniture', () => {
  it('drops page numbers and a header repeated on the pages, keeps body lines', () => {
    const page = (n: number) => ({ height: 842, lines: [line('某某市人民政府办公室文件', 200, 392, 800), line(`正文第${n}页的内容`, 100, 260, 500), line(`— ${n} —`, 280, 320, 40)] });
    const furniture = findFurniture([page(1), page(2), page(3)]);
    expect(furniture.map((s) => [...s].sort())).toEqual([[0, 2], [0, 2], [0, 2]]);
    // One page alone: only the page number is furniture.
    expect([...findFurniture([page(1)])[0]]).toEqual([2]);
    expect(findFurniture([{ height: 842, lines: [line('第 3 页 共 9 页', 250, 350, 30), line('3/9', 290, 310, 810)] }])[0].size).toBe(2);
  });

  it('a paragraph goes on across the page break; a table continued on the next page keeps its header once', () => {
    const tableRows = (rows: string[][]) => ({ left: 100, right: 500, top: 600, bottom: 400, rowEdges: rows.concat([[]]).map((_, k) => 600 - (200 * k) / rows.length), rows });
    const { text, places, boxes } = layoutPages([
      { number: 1, height: 842, lines: [line('第一段到页尾写满了', 100, 500, 700)], tables: [] },
      { number: 2, height: 842, lines: [line('到下一页。', 100, 180, 780)], tables: [tableRows([['序号', '任务'], ['1', '甲']])] },
      { number: 3, height: 842, lines: [], tables: [{ ...tableRows([['序号', '任务'], ['2', '乙']]), top: 800 }] },
    ]);
    expect(text).toBe('第一段到页尾写满了到下一页。\n\n序号\t任务\n1\t甲\n2\t乙\n');
    expect(places.map((p) => [text.slice(p.start, p.end), p.page])).toEqual([
      ['第一段到页尾写满了', 1],
      ['到下一页。\n\n序号\t任务\n1\t甲\n', 2],
      ['2\t乙\n', 3],
    ]);
    // Each line and table row keeps its box from the page's top-left corner; the repeated header has none.
    expect(boxes.map((b) => [text.slice(b.start, b.end), b.page, b.box])).toEqual([
      ['第一段到页尾写满了', 1, [100, 842 - 700 - SIZE, 500, 842 - 700 + 0.2 * SIZE]],
      ['到下一页。', 2, [100, 842 - 780 - SIZE, 180, 842 - 780 + 0.2 * SIZE]],
      ['序号\t任务', 2, [100, 242, 500, 342]],
      ['1\t甲', 2, [100, 342, 500, 442]],
      ['2\t乙', 3, [100, 342, 500, 442]],
    ]);
  });
});

describe('tables from ruling lines', () => {
  const h = (y: number, x0 = 100, x1 = 400): Segment => ({ x0, x1, y0: y, y1: y });
  const v = (x: number, y0 = 500, y1 = 600): Segment => ({ x0: x, x1: x, y0, y1 });

  it('rebuilds cells, a merged row, and a cell whose text wraps', () => {
    // 3 columns × 3 rows; the middle row has no inner verticals (a category row merged across the table).
    const rules = [h(600), h(570), h(540), h(500), v(100), v(400), v(200, 570, 600), v(300, 570, 600), v(200, 500, 540), v(300, 500, 540)];
    const runs = [run('序号', 110, 580), run('任务', 210, 580), run('牵头单位', 310, 580), run('一、城市更新', 110, 550), run('1', 110, 520), run('改造', 210, 520), run('市住房和', 310, 525), run('城乡建设局', 310, 507)];
    const { tables, rest } = findTables(rules, [...runs, run('表外文字', 100, 700)]);
    expect(rest.map((r) => r.str)).toEqual(['表外文字']);
    expect(tables[0].rows).toEqual([
      ['序号', '任务', '牵头单位'],
      ['一、城市更新', '', ''],
      ['1', '改造', '市住房和城乡建设局'],
    ]);
  });

  it('one ruling (a red header rule) is no table', () => {
    expect(findTables([h(700, 50, 550)], [run('正文', 100, 650)]).tables).toEqual([]);
  });
});

describe('.doc tables (word-extractor: a TAB ends each cell)', () => {
  it('rows padded to the table width, a cell of two paragraphs on one row, a blank line around', () => {
    const body = '前文\n序号\t任务\t牵头单位\t\n一、城市更新\t\n1\t改造管网\n更换燃气管\t市城市管理局\t\n后文\n';
    expect(docText(body)).toBe('前文\n\n序号\t任务\t牵头单位\n一、城市更新\t\t\n1\t改造管网 更换燃气管\t市城市管理局\n\n后文\n');
  });
});

describe('glyphs placed from the drawing operations', () => {
  // Operator codes as pdf.js numbers them (only their being distinct matters here).
  const OPS = Object.fromEntries(
    ['save', 'restore', 'transform', 'beginText', 'setFont', 'setTextMatrix', 'moveText', 'setLeadingMoveText', 'nextLine', 'setLeading', 'setCharSpacing', 'setWordSpacing', 'setHScale', 'setTextRise', 'showText', 'showSpacedText', 'paintFormXObjectBegin', 'paintFormXObjectEnd', 'paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat', 'constructPath', 'endPath', 'fill', 'eoFill'].map((k, i) => [k, i + 1]),
  ) as unknown as import('../../src/ingest/pdf/operators.js').OpCodes;
  const g = (unicode: string, width = 1000) => ({ unicode, width });

  it('places runs by text matrix, font size, TJ offsets and the CTM; a space glyph is kept, a gap is not one', async () => {
    const { readDrawing } = await import('../../src/ingest/pdf/operators.js');
    const ops: Array<[number, unknown[]]> = [
      [OPS.transform, [2, 0, 0, 2, 0, 0]],
      [OPS.beginText, []],
      [OPS.setFont, ['F1', 10]],
      [OPS.setTextMatrix, [[1, 0, 0, 1, 50, 300]]],
      // 方 as the Kangxi radical ⽅, a TJ gap of 300/1000 em, then a space glyph between two words.
      [OPS.showText, [[g('⽅'), g('案'), -300, g('2', 500), g('0', 500), g(' ', 250), g('年')]]],
      [OPS.nextLine, []],
    ];
    const { runs } = readDrawing(ops.map((o) => o[0]), ops.map((o) => o[1]), OPS, () => undefined);
    expect(runs.map((r) => [r.str, r.x, r.y, r.size])).toEqual([
      ['方案', 100, 600, 20],
      ['20 ', 100 + 40 + 6, 600, 20],
      ['年', 100 + 40 + 6 + 20 + 5, 600, 20],
    ]);
    expect(groupLines(runs).map((l) => resolveGaps(l.text))).toEqual(['方案20 年']);
  });
});
