import { describe, expect, it } from 'vitest';
import { visit } from 'unist-util-visit';
import { readFileSync } from 'node:fs';
import { noticeParser, parseNotice, readMarker } from '../../src/parse/index.js';
import type { ItemNode, RootNode } from '../../src/parse/types.js';
import { normalizeText } from '../../src/normalize/index.js';
import { unified } from 'unified';
import { SAMPLE } from '../helpers.js';

const shape = (root: RootNode) =>
  root.children.map((d) => ({
    annex: d.annex,
    items: d.children.filter((c): c is ItemNode => c.type === 'item').map(function walk(i: ItemNode): unknown {
      const kids = i.children.filter((c): c is ItemNode => c.type === 'item');
      return kids.length ? { [i.number]: kids.map(walk) } : i.number;
    }),
  }));

describe('numbering markers', () => {
  it.each([
    ['一、总体要求', 'cn', '一', 1],
    ['(十二)推进城乡环境建设', 'paren-cn', '(十二)', 12],
    ['3.强化要素保障', 'arabic', '3', 3],
    ['12、加强督查', 'arabic', '12', 12],
    ['(4)开展培训', 'paren-arabic', '(4)', 4],
    ['②健全机制', 'circled', '②', 2],
    ['3) 提高课后服务质量', 'arabic-paren', '3)', 3],
    ['第十二项 开展专项整治', 'ordinal-cn', '第十二项', 12],
    ['第三条:加强督查', 'ordinal-cn', '第三条', 3],
    ['任务七:整治夜间烧烤摊点', 'named-cn', '任务七', 7],
  ])('%s', (line, style, number, ordinal) => {
    expect(readMarker(line)).toMatchObject({ style, number, ordinal });
  });

  it.each(['1.2亿元用于建设', '2024年4月12日', '(骨灰堂)或集中治丧场所', '一是加强领导', '2024) 年度', '30)%', '第一部分 总体要求', '任务一览表', '第一责任人要…', '第一项工作是…'])('is not a marker: %s', (line) => {
    expect(readMarker(line)).toBeNull();
  });
});

describe('notice tree', () => {
  it('nests numbering styles in the order they appear, and splits at 附件N', () => {
    const text = ['通知正文', '附件1', '某方案', '一、目标', '(一)目标甲', '二、任务', '(一)类别', '1.任务一', '(1)细项', '2.任务二', '(二)类别二', '3.任务三', '附件2', '另一方案', '一、任务', '1、任务'].join('\n');
    expect(shape(parseNotice(text))).toEqual([
      { annex: 0, items: [] },
      { annex: 1, items: [{ 一: ['(一)'] }, { 二: [{ '(一)': [{ 1: ['(1)'] }, '2'] }, { '(二)': ['3'] }] }] },
      { annex: 2, items: [{ 一: ['1'] }] },
    ]);
  });

  it('gives every node a position, and item values sit at their offsets in the parse view', () => {
    const source = normalizeText(readFileSync(SAMPLE, 'utf8')).parse;
    const root = unified().use(noticeParser).parse(source) as RootNode;
    let nodes = 0;
    visit(root, (node) => {
      nodes++;
      expect(node.position?.start.offset).toBeTypeOf('number');
      expect(node.position?.end.offset).toBeGreaterThanOrEqual(node.position!.start.offset!);
      if (node.type === 'item') {
        const item = node as ItemNode;
        expect(source.slice(item.valueStart, item.valueStart + item.value.length)).toBe(item.value);
      }
    });
    expect(nodes).toBeGreaterThan(250);
  });

  it('keeps web-page chrome and the signature out of the items', () => {
    const root = parseNotice(['您当前的位置: 首页>政务公开', '一、任务', '(一)任务甲。', '国务院', '2018年11月16日', '(此件公开发布)', '【打印本页】 【关闭窗口】'].join('\n'));
    const doc = root.children[0];
    const item = doc.children[1] as ItemNode;
    expect(item.children[0]).toMatchObject({ type: 'item', number: '(一)' });
    expect((item.children[0] as ItemNode).children).toEqual([]);
    expect(doc.children.filter((c) => c.type === 'paragraph').map((c) => c.type === 'paragraph' && c.value)).toEqual(['您当前的位置: 首页>政务公开', '国务院', '2018年11月16日', '(此件公开发布)', '【打印本页】 【关闭窗口】']);
  });

  it('reads numbering past three digits where it continues, Chinese numerals past 百, circled numbers past ⑳ and annexes past 999', () => {
    const arabic = parseNotice(['一、任务', ...Array.from({ length: 1200 }, (_, i) => `${i + 1}.任务${i + 1}。`)].join('\n'));
    const items = (arabic.children[0].children[0] as ItemNode).children as ItemNode[];
    expect(items).toHaveLength(1200);
    expect(items.slice(998, 1001).map((i) => i.number)).toEqual(['999', '1000', '1001']);
    // A line that starts with a year is not item 2023: it does not continue the numbering.
    const years = parseNotice(['一、任务', '1.任务甲。', '2023、2024年连续增长。'].join('\n'));
    const one = years.children[0].children[0] as ItemNode;
    expect(one.children.map((c) => c.type)).toEqual(['item']);
    expect((one.children[0] as ItemNode).children[0]).toMatchObject({ type: 'paragraph', value: '2023、2024年连续增长。' });
    const markers = parseNotice(['一百一十一、甲', '(一千零一)乙', '㉑丙', '㊿丁'].join('\n')).children[0].children as ItemNode[];
    expect(markers.map((m) => [m.style, m.ordinal])).toEqual([['cn', 111]]);
    const nested = markers[0].children as ItemNode[];
    expect(nested.map((m) => [m.style, m.ordinal])).toEqual([['paren-cn', 1001]]);
    expect((nested[0].children as ItemNode[]).map((m) => [m.style, m.ordinal])).toEqual([['circled', 21], ['circled', 50]]);
    expect(parseNotice(['附件1000', '某方案', '1.任务。'].join('\n')).children.map((d) => d.annex)).toEqual([1000]);
  });

  it('reads CR-only line ends (old Mac files) as lines, through the parse view', () => {
    const source = ['附件1', '某方案', '一、重点任务', '1.任务甲。', '2.任务乙。'].join('\r');
    const view = normalizeText(source).parse;
    expect(view.length).toBe(source.length);
    const root = parseNotice(view);
    expect(root.children.map((d) => d.annex)).toEqual([1]);
    expect(((root.children[0].children[1] as ItemNode).children as ItemNode[]).map((i) => i.position.start.line)).toEqual([4, 5]);
  });
});
