// Ingest's limits (src/ingest/limits.ts): past each, one message naming the file, or the input read in bounded
// time and memory with a warning; never a parser's stack overflow or an unbounded grid.
import { describe, expect, it } from 'vitest';
import { splitBody } from '../../src/ingest/docx-chunks.js';
import { ingestDocx, openZip } from '../../src/ingest/docx.js';
import { htmlToText } from '../../src/ingest/html.js';
import { IngestError, ingest } from '../../src/ingest/index.js';
import { markupDepth } from '../../src/ingest/markup-depth.js';
import { AMPLIFIERS, docx, paragraph } from '../resource/amplifiers.js';

const amplified = (name: string, n: number): Uint8Array => AMPLIFIERS.find((a) => a.name === name)!.build(n);

async function refusal(bytes: Uint8Array, path: string): Promise<IngestError> {
  const error = await ingest(bytes, path).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('markupDepth', () => {
  it('counts nesting as the parser builds it: void elements, optional end tags and script text do not nest', () => {
    expect(markupDepth('<div><div><p>a<p>b<br><img src=x></div></div>', true).depth).toBe(2);
    expect(markupDepth('<ul><li>a<li>b<li>c</ul>', true).depth).toBe(1);
    expect(markupDepth('<div><script>document.write("<div><div><div>")</script><!-- <div><div> --></div>', true).depth).toBe(2);
    expect(markupDepth('<font><font><font>x', true).depth).toBe(3);
    expect(markupDepth('<a title="x>y"><b></b><c/></a>', false)).toEqual({ depth: 2, offset: 15, elements: 3 });
    expect(markupDepth('<?xml version="1.0"?><w:p><w:r/><w:r><w:t>x</w:t></w:r></w:p>', false).depth).toBe(3);
    expect(markupDepth('<div>'.repeat(100), true, 10).depth).toBe(11); // stops once past the limit
  });
});

describe('HTML', () => {
  it('refuses a page nested past 1,000 elements before parsing it, naming the file and the line', async () => {
    const error = await refusal(amplified('html-deep-nesting', 100_000), 'deep.html');
    expect(error.code).toBe('too-deep');
    expect(error.message).toBe('deep.html: HTML 嵌套过深 (elements nested more than 1,000 deep, line 1; limit 1,000)');
  });

  it('refuses a page of more than 200,000 elements before parsing it (the tree takes ~500 bytes a node)', async () => {
    const error = await refusal(amplified('html-many-rows', 60_000), 'rows.html');
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/^rows\.html: HTML 元素过多 \(240,0\d\d elements; limit 200,000/);
    expect((await ingest(amplified('html-many-rows', 40_000), 'rows.html')).text.split('\n').length).toBeGreaterThan(40_000);
  });

  it('caps the cells rowspan and colspan fill in total, with a warning, and keeps every cell written', async () => {
    const result = await ingest(amplified('html-span-total', 600), 'spans.html');
    expect(result.text.length).toBeLessThan(2_000_000);
    expect(result.warnings?.join('\n')).toMatch(/table cell spans cover more than 200,000 cells; later spans are read as one cell/);
    expect(result.text.match(/推进工作/g)).toHaveLength(600);
  });

  it('a normal rowspan and colspan are still filled', () => {
    const { text, warnings } = htmlToText('<table><tr><td rowspan="2">甲</td><td colspan="2">乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>', { site: false });
    // A cell merged down repeats its text on each row it spans; merged across, the cells right of it stay empty.
    expect(text).toBe('甲\t乙\t\n甲\t丙\t丁\n');
    expect(warnings).toEqual([]);
  });

  it('finds the article among a thousand nested content blocks, reading each subtree once', async () => {
    const started = performance.now();
    const result = await ingest(amplified('html-nested-blocks', 1000), 'blocks.html');
    expect(result.root).toBe('div.content');
    expect(result.text.match(/推进第\d+项工作/g)).toHaveLength(1000);
    expect(performance.now() - started).toBeLessThan(5000); // 18.7 s before
  });
});

describe('.docx', () => {
  it('refuses a part nested past 256 elements before mammoth reads it', async () => {
    const error = await refusal(amplified('docx-deep-xml', 10_000), 'deep.docx');
    expect(error.code).toBe('too-deep');
    expect(error.message).toMatch(/^deep\.docx: \.docx 结构嵌套过深 \(word\/document\.xml nests elements more than 256 deep/);
  });

  it('gives mammoth a long body in pieces of whole blocks, with the same text as read whole', async () => {
    const body = Array.from({ length: 40 }, (_, i) => paragraph(`${i + 1}.第${i + 1}段。`)).join('') + '<w:tbl><w:tr><w:tc>' + paragraph('表格') + '</w:tc></w:tr></w:tbl><w:sectPr><w:pgSz w:w="11906"/></w:sectPr>';
    const bytes = docx(body);
    const xml = `<w:document><w:body>${body}</w:body></w:document>`;
    const pieces = splitBody(xml, 20);
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) expect(piece).toMatch(/^<w:document><w:body>(<w:p>|<w:tbl>).*<w:sectPr><w:pgSz w:w="11906"\/><\/w:sectPr><\/w:body><\/w:document>$/);
    expect(pieces.join('').match(/<w:tbl>/g)).toHaveLength(1);
    const whole = await ingestDocx(bytes, openZip(bytes, 'a.docx'), 'a.docx');
    const cut = await ingestDocx(bytes, openZip(bytes, 'a.docx'), 'a.docx', { pieceElements: 20 });
    expect(cut.text).toBe(whole.text);
    expect(whole.text).toContain('40.第40段。\n');
  });
});
