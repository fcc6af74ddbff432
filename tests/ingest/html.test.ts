// HTML pages: a GBK county-portal page built from the sample, and the real State Council page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { contentLines, gbk, GUOFA_PATH, isSampleChrome, portalPage, sampleText } from './builders.js';

const expectedLines = contentLines(sampleText()).filter((line) => !isSampleChrome(line));
const CHROME = /您当前的位置|打印本页|关闭窗口|分享到|热点信息|主办单位|统计代码|互动交流|办事服务|索 引 号|湘ICP备|window\.|_hmt|<\/?p>/;

describe('GBK portal page built from the sample', () => {
  for (const declare of ['meta', 'http-equiv', 'none'] as const) {
    it(`gives the sample's paragraphs and no chrome (charset: ${declare})`, async () => {
      const result = await ingest(gbk(portalPage({ declare })), 'notice.html');
      expect(result.format).toBe('html');
      expect(result.encoding).toBe('gb18030');
      expect(result.encodingSource).toBe(declare === 'none' ? 'detected' : 'declared');
      expect(result.root).toBe('div#zoom');
      const lines = contentLines(result.text);
      expect(lines).toEqual(expectedLines);
      expect(result.text).not.toMatch(CHROME);
    });
  }

  it('finds the article without a known container (most paragraph text wins)', async () => {
    const result = await ingest(gbk(portalPage({ declare: 'none', container: 'anonymous' })), 'notice.htm');
    expect(result.root).toBe('div.bd-main');
    expect(contentLines(result.text)).toEqual(expectedLines);
    expect(result.text).not.toMatch(CHROME);
  });

  it('reads the metadata table into meta', async () => {
    const result = await ingest(gbk(portalPage()), 'notice.html');
    expect(result.meta).toEqual({
      indexNumber: '43081100-7/2024-00012',
      issuer: '张家界市武陵源区人民政府办公室',
      docNumber: '张武政办发〔2024〕2号',
      date: '2024-04-12',
      title: '关于印发《张家界市武陵源区实施“八大行动”总体方案》的通知',
    });
  });

  it('keeps NBSP as written (the signature block is indented with NBSP in the sample)', async () => {
    const result = await ingest(gbk(portalPage()), 'notice.html');
    const signature = result.text.split('\n').find((line) => line.trim() === '张家界市武陵源区人民政府办公室');
    expect(signature).toMatch(/^\u00a0.*\u00a0$/);
  });
});

describe('the State Council page (国发〔2018〕39号)', () => {
  it('gives the article text only', async () => {
    const result = await ingest(readFileSync(GUOFA_PATH), GUOFA_PATH);
    const lines = contentLines(result.text);
    expect(result.format).toBe('html');
    expect(result.encoding).toBe('utf-8');
    expect(result.root).toBe('td#UCAP-CONTENT.b12c');
    expect(lines.slice(0, 4)).toEqual(['国务院关于做好当前和今后一个时期', '促进就业工作的若干意见', '国发〔2018〕39号', '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：']);
    expect(lines.slice(-3)).toEqual(['国务院', '2018年11月16日', '（此件公开发布）']);
    expect(lines.filter((line) => /^[一二三四五]、/.test(line))).toHaveLength(5);
    expect(lines.filter((line) => /^（[一二三四五六七八九十]+）/.test(line))).toHaveLength(15);
    expect(result.text).not.toMatch(/首页|政府信息公开专栏|我要纠错|责任编辑|【打印】|【关闭】/);
    expect(result.text).toContain('（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）');
  });
});
