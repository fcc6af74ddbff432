// The bundled notice as it really arrives elsewhere — a GBK portal page, a Word file, traditional characters
// with full-width punctuation — must give the same tasks, assignments, targets and work groups as the .txt.
import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import * as OpenCC from 'opencc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/index.js';
import { essence, planOf } from '../ingest/essence.js';
import { gbk, portalPage, sampleBodyLines } from '../ingest/builders.js';
import { SAMPLE } from '../helpers.js';


let txt: Plan;
beforeAll(async () => {
  txt = await planOf(readFileSync(SAMPLE), SAMPLE);
});

describe('the sample in other clothes gives the same Plan', () => {
  it('as a GBK portal page with site chrome and no charset declared', async () => {
    const plan = await planOf(gbk(portalPage({ declare: 'none' })), 'notice.html');
    expect(plan.source).toMatchObject({ format: 'html', encoding: 'gb18030' });
    expect(essence(plan)).toEqual(essence(txt));
    expect(plan.notice).toMatchObject({ docNumber: txt.notice.docNumber, date: txt.notice.date, issuer: txt.notice.issuer });
  });

  it('as a .docx', async () => {
    const children = sampleBodyLines()
      .filter((line) => line.trim() !== '')
      .map((line) => new Paragraph({ children: [new TextRun(line.trim())] }));
    const bytes = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
    const plan = await planOf(bytes, 'notice.docx');
    expect(plan.source.format).toBe('docx');
    expect(essence(plan)).toEqual(essence(txt));
  });

  it('in traditional characters with full-width punctuation', async () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
    const fullWidth: Record<string, string> = { '(': '（', ')': '）', ',': '，', ':': '：', ';': '；' };
    const text = toTraditional(readFileSync(SAMPLE, 'utf8')).replace(/[(),:;]/g, (c: string) => fullWidth[c]);
    expect(text).toContain('牽頭');
    const plan = await planOf(new TextEncoder().encode(text), 'notice-tw.txt');
    expect(plan.source.script).toBe('traditional');
    expect(essence(plan)).toEqual(essence(txt));
    // raw stays as written; text fields are simplified.
    const t = plan.annexes[0].tasks[0];
    expect(t.clauses[0].raw).toContain('牽頭');
    expect(text.slice(t.clauses[0].span.start, t.clauses[0].span.end)).toBe(t.clauses[0].raw);
    const a = t.assignments[0];
    expect(a.raw).toBe('區文化旅遊廣電體育局');
    expect(text.slice(a.span.start, a.span.end)).toBe(a.raw);
  });
});
