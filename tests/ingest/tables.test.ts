// HTML → text: block elements, white space, entities and tables (rowspan, colspan, layout tables).
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/ingest/html.js';
import { collapseWhitespace } from '../../src/ingest/html-text.js';

const text = (html: string): string => htmlToText(html, { site: false }).text;

describe('blocks and white space', () => {
  it('puts each block on its own line, <br> breaks lines, entities decoded, NBSP kept', () => {
    expect(text('<div>一、总体要求<p>（一）目标&amp;任务</p>正文<br>第二行&nbsp;&nbsp;</div><ul><li>甲</li><li>乙</li></ul><h2>二、措施</h2>')).toBe(
      '一、总体要求\n（一）目标&任务\n正文\n第二行\u00a0\u00a0\n甲\n乙\n二、措施\n',
    );
  });

  it('drops a source line break between Chinese characters but keeps a space between Latin words', () => {
    expect(collapseWhitespace('加快发展\n   新质生产力 and\n  more')).toBe('加快发展新质生产力 and more');
    expect(collapseWhitespace('  区财政局  区商务局 ')).toBe('区财政局 区商务局');
  });
});

describe('tables', () => {
  it('one row per line, TAB between cells, blank line before and after, rowspan text repeated down its column (a merged 牵头单位 holds for each row), colspan then empty cells', () => {
    const html = `<p>前文</p><table>
      <thead><tr><th>序号</th><th>重点任务</th><th>具体措施</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr></thead>
      <tbody>
        <tr><td colspan="6">一、产业培塑</td></tr>
        <tr><td>1</td><td rowspan="2">发展康养产业</td><td><p>打造品牌。</p><p>建设基地。</p></td><td rowspan="2">区文旅局</td><td>区民政局、区发改局</td><td>2024年底</td></tr>
        <tr><td>2</td><td>完善设施</td><td>区住建局</td><td>长期</td></tr>
        <tr><td>3</td><td colspan="2">开展营销</td><td>区商务中心</td><td></td><td>每季度</td></tr>
      </tbody></table><p>后文</p>`;
    expect(text(html)).toBe(
      [
        '前文',
        '',
        '序号\t重点任务\t具体措施\t牵头单位\t责任单位\t完成时限',
        '一、产业培塑\t\t\t\t\t',
        '1\t发展康养产业\t打造品牌。 建设基地。\t区文旅局\t区民政局、区发改局\t2024年底',
        '2\t发展康养产业\t完善设施\t区文旅局\t区住建局\t长期',
        '3\t开展营销\t\t区商务中心\t\t每季度',
        '',
        '后文',
        '',
      ].join('\n'),
    );
  });

  it('reads layout tables (one column, or a nested table) as blocks', () => {
    const html = `<table><tr><td><p>第一段</p><p>第二段</p></td></tr><tr><td>第三段</td></tr></table>
      <table><tr><td>左栏</td><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr></table>`;
    expect(text(html)).toBe('第一段\n第二段\n第三段\n左栏\n\n甲\t乙\n');
  });

  it('turns a TAB inside a cell into a space', () => {
    expect(text('<table><tr><td>a\tb</td><td>c</td></tr></table>')).toBe('a b\tc\n');
  });
});
