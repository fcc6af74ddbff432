// Encodings and format detection.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { sampleText } from './builders.js';

const NOTICE = '关于印发《某某县实施方案》的通知\n各乡镇人民政府，县直各单位：\n一、工作目标\n（一）加快发展。（县发展改革局牵头，县财政局配合）\n';
const page = (charset: string | null, body = NOTICE): string =>
  `<html><head>${charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : ''}<title>t</title></head><body><div id="zoom">${body
    .trim()
    .split('\n')
    .map((l) => `<p>${l}</p>`)
    .join('')}</div></body></html>`;

describe('encodings', () => {
  it('reads a GBK text file as gb18030', async () => {
    const result = await ingest(iconv.encode(sampleText().replace(/\u00a0/g, ' '), 'gbk'), 'notice.txt');
    expect(result).toMatchObject({ format: 'text', encoding: 'gb18030', encodingSource: 'detected' });
    expect(result.text.startsWith('您当前的位置')).toBe(true);
  });

  it('reads UTF-8 with a BOM, and UTF-16 with a BOM', async () => {
    const bom = await ingest(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NOTICE)]), 'a.txt');
    expect(bom).toMatchObject({ text: NOTICE, encoding: 'utf-8-bom', encodingSource: 'bom' });
    const utf16 = await ingest(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTICE, 'utf16le')]), 'a.txt');
    expect(utf16).toMatchObject({ text: NOTICE, format: 'text', encoding: 'utf-16le' });
  });

  it('follows a declared gb2312 charset (decoded as its superset gb18030)', async () => {
    const result = await ingest(iconv.encode(page('gb2312'), 'gbk'), 'a.html');
    expect(result).toMatchObject({ format: 'html', encoding: 'gb18030', encodingSource: 'declared' });
    expect(result.text).toBe(NOTICE);
  });

  it('overrules a declared utf-8 when the bytes are GBK', async () => {
    const result = await ingest(iconv.encode(page('utf-8'), 'gbk'), 'a.html');
    expect(result).toMatchObject({ encoding: 'gb18030', encodingSource: 'detected', text: NOTICE });
    expect(result.warnings?.[0]).toMatch(/declared charset utf-8/);
  });

  it('overrules a declared gbk when the bytes are valid UTF-8', async () => {
    const result = await ingest(Buffer.from(page('gbk')), 'a.html');
    expect(result).toMatchObject({ encoding: 'utf-8', encodingSource: 'utf-8-valid', text: NOTICE });
    expect(result.warnings?.[0]).toMatch(/declared charset gbk ignored/);
  });
});

describe('format detection', () => {
  it('knows HTML by its content, whatever the extension', async () => {
    expect((await ingest(Buffer.from(page(null)), 'notice.txt')).format).toBe('html');
    expect((await ingest(Buffer.from('<p>一、总体要求</p>\n<p>二、重点任务</p>'), 'fragment')).format).toBe('html');
  });

  it('keeps plain text that mentions a tag as text', async () => {
    const result = await ingest(Buffer.from('关于网页<p>标签的说明\n正文'), 'note.txt');
    expect(result.format).toBe('text');
  });
});
