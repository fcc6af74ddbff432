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
  ])('%s', (line, style, number, ordinal) => {
    expect(readMarker(line)).toMatchObject({ style, number, ordinal });
  });

  it.each(['1.2亿元用于建设', '2024年4月12日', '(骨灰堂)或集中治丧场所', '一是加强领导'])('is not a marker: %s', (line) => {
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
});
