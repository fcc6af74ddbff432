// .docx: the sample written with the docx package, read back through mammoth and the HTML-to-text path.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { contentLines, isSampleChrome, sampleDocx, sampleText } from './builders.js';

const expectedLines = contentLines(sampleText()).filter((line) => !isSampleChrome(line));

describe('.docx of the sample', () => {
  it('gives the same paragraphs as the .txt, plus the table as TAB-separated rows', async () => {
    const bytes = await sampleDocx();
    const result = await ingest(bytes, 'notice.docx');
    expect(result.format).toBe('docx');
    expect(result.encoding).toBe('utf-8');
    const paragraphs = result.text.split('\n').filter((line) => !line.includes('\t'));
    expect(contentLines(paragraphs.join('\n'))).toEqual(expectedLines);
  });

  it('writes the table with a blank line around it, rowspan text repeated down its column, colspan then empty cells', async () => {
    const result = await ingest(await sampleDocx(), 'notice.docx');
    const all = result.text.split('\n');
    const at = all.indexOf('序号\t重点任务\t牵头单位\t完成时限');
    expect(at).toBeGreaterThan(0);
    expect(all.slice(at - 2, at + 5)).toEqual([
      '附件1',
      '',
      '序号\t重点任务\t牵头单位\t完成时限',
      '一、产业培塑\t\t\t',
      '1\t发展康养度假产业 打造康养休闲品牌\t区文化旅游广电体育局\t2024年底',
      '2\t培育多元业态\t区文化旅游广电体育局\t长期',
      '',
    ]);
  });

  it('is detected from the content, whatever the file is called', async () => {
    const result = await ingest(await sampleDocx(), 'notice.txt');
    expect(result.format).toBe('docx');
    expect(result.warnings?.some((w) => w.includes('.txt'))).toBe(true);
  });
});
