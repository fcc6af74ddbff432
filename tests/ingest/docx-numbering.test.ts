// Word's automatic numbering: a .docx numbered by lists (w:numPr) reads like the same notice with typed numbers.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { formatNumber, writeListNumbers } from '../../src/ingest/docx-numbering.js';
import { findDocxParts, relationshipsOf } from '../../src/ingest/docx-parts.js';
import { ingest } from '../../src/ingest/index.js';
import { extractIngested } from '../../src/index.js';

const HEADER = ['关于印发《某县优化营商环境实施方案》的通知', '各乡镇人民政府，县直各单位：', '现将《某县优化营商环境实施方案》印发给你们，请认真贯彻执行。', '某县人民政府办公室', '2024年3月1日', '某县优化营商环境实施方案'];
/** [level, text]: level 0 headings 一、, level 1 items 1., level 2 sub-items （1） */
const BODY: Array<[number, string]> = [
  [0, '重点任务'],
  [1, '推进政务服务标准化。全面推行政务服务事项清单管理。（县政务服务中心牵头，县直各单位配合）'],
  [2, '编制事项清单。'],
  [2, '公开办事指南。'],
  [1, '优化企业开办流程。企业开办时间压缩至1个工作日以内。（县市场监督管理局牵头，县税务局、县公安局配合）'],
  [0, '保障措施'],
  [1, '加强组织领导。（县政府办牵头）'],
];
const TYPED = ['一、', '1.', '（1）'];

async function notice(automatic: boolean): Promise<Uint8Array> {
  const counters = [0, 0, 0];
  const body = BODY.map(([level, text]) => {
    if (automatic) return new Paragraph({ text, numbering: { reference: 'plan', level } });
    counters[level]++;
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    const n = counters[level];
    return new Paragraph(TYPED[level] === '一、' ? `${'一二三四五'[n - 1]}、${text}` : TYPED[level] === '1.' ? `${n}.${text}` : `（${n}）${text}`);
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
            { level: 2, format: LevelFormat.DECIMAL, text: '（%3）', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children: [...HEADER.map((t) => new Paragraph(t)), ...body] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('automatic list numbers in .docx', () => {
  it('reads an auto-numbered notice exactly as the same notice with typed numbers, and finds its tasks', async () => {
    const [auto, typed] = await Promise.all([notice(true), notice(false)]);
    const [a, t] = await Promise.all([ingest(auto, 'auto.docx'), ingest(typed, 'typed.docx')]);
    expect(a.text).toBe(t.text);
    expect(a.text).toContain('\n二、保障措施\n1.加强组织领导');
    expect(a.text).toContain('\n（2）公开办事指南。\n');
    const plan = extractIngested(a, 'auto.docx', auto).plan;
    const tasks = plan.annexes.flatMap((x) => x.tasks);
    expect(tasks.map((x) => x.title)).toEqual(['推进政务服务标准化', '优化企业开办流程']);
    expect(tasks[1].assignments.map((x) => `${x.role}:${x.unit}`)).toEqual(['lead:县市场监督管理局', 'cooperate:县税务局', 'cooperate:县公安局']);
  });

  it('finds the document and its list definitions through the package relationships, whatever their names', async () => {
    // As another writer might lay the package out: the main document and numbering parts renamed and moved.
    const auto = await notice(true);
    const files = unzipSync(auto);
    const text = (name: string) => strFromU8(files[name]);
    const moved: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(files)) {
      if (name === 'word/document.xml') moved['content/main.xml'] = data;
      else if (name === 'word/numbering.xml') moved['content/parts/lists.xml'] = data;
      else if (name === 'word/_rels/document.xml.rels') {
        // Targets relative to the new folder; styles and the rest stay where they were.
        const rels = text(name).replace(/Target="numbering\.xml"/, 'Target="parts/lists.xml"').replace(/Target="(?!parts\/)([^"]+)"/g, 'Target="../word/$1"');
        moved['content/_rels/main.xml.rels'] = strToU8(rels);
      } else if (name === '_rels/.rels') moved[name] = strToU8(text(name).replace('word/document.xml', 'content/main.xml'));
      else if (name === '[Content_Types].xml') moved[name] = strToU8(text(name).replace('/word/document.xml', '/content/main.xml').replace('/word/numbering.xml', '/content/parts/lists.xml'));
      else moved[name] = data;
    }
    expect(Object.keys(moved).filter((n) => n.startsWith('word/document') || n.startsWith('word/numbering'))).toEqual([]);
    const [a, b] = await Promise.all([ingest(auto, 'auto.docx'), ingest(zipSync(moved), 'moved.docx')]);
    expect(b.text).toBe(a.text);
    expect(b.text).toContain('\n二、保障措施\n1.加强组织领导');
  });

  it('resolves relationship targets as mammoth does: relative or absolute, external ones skipped, Word\'s names as fallback', () => {
    const type = (t: string) => `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${t}`;
    const rel = (t: string, target: string, external = false) => `<Relationship Id="r${target.length}" Type="${type(t)}" Target="${target}"${external ? ' TargetMode="External"' : ''}/>`;
    const parts = (entries: Record<string, string>) => (name: string) => entries[name] ?? null;
    expect(relationshipsOf('doc/a.xml')).toBe('doc/_rels/a.xml.rels');
    expect(relationshipsOf('a.xml')).toBe('_rels/a.xml.rels');
    const read = parts({
      '_rels/.rels': `<Relationships>${rel('officeDocument', '/doc/./body.xml')}</Relationships>`,
      'doc/body.xml': '<w:document/>',
      'doc/_rels/body.xml.rels': `<Relationships>${rel('numbering', 'http://example.com/n.xml', true)}${rel('numbering', '../shared/n.xml')}${rel('styles', 'missing.xml')}</Relationships>`,
      'shared/n.xml': '<w:numbering/>',
    });
    expect(findDocxParts(read)).toEqual({ document: 'doc/body.xml', numbering: 'shared/n.xml', styles: 'word/styles.xml' });
    expect(findDocxParts(parts({}))).toEqual({ document: 'word/document.xml', numbering: 'word/numbering.xml', styles: 'word/styles.xml' });
  });

  it('follows numbering.xml: start values, overrides that restart a list, lists shared through one definition, style numbering', () => {
    const numbering = `<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%2"/><w:suff w:val="nothing"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="2">
        <w:lvl w:ilvl="0"><w:start w:val="9"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
    </w:numbering>`;
    const styles = `<w:styles xmlns:w="w"><w:style w:styleId="Item"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style></w:styles>`;
    const p = (numId: number | null, ilvl: number, text: string, style?: string) =>
      `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId === null ? '' : `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const doc = `<w:document xmlns:w="w"><w:body>${[
      p(1, 0, '甲'),
      p(1, 1, '甲一'),
      p(1, 1, '甲二'),
      p(2, 0, '乙'), // another list on the same definition continues: （二）
      p(2, 1, '乙一'), // deeper levels start again under a new （二）
      p(3, 0, '丙'), // a list that overrides the start begins again: （一）
      p(null, 0, '无编号'),
      p(null, 0, '样式编号', 'Item'), // numbered through its paragraph style, starting at 9
      p(null, 0, '又一个', 'Item'),
    ].join('')}</w:body></w:document>`;
    const out = writeListNumbers(doc, numbering, styles)!;
    const texts = [...out.matchAll(/<w:p>.*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(texts).toEqual(['（一）甲', '①甲一', '②甲二', '（二）乙', '①乙一', '（一）丙', '无编号', '9 样式编号', '10 又一个']);
    // Every numbered paragraph leaves the list, so a reader shows the written label only.
    expect(out.match(/<w:numId w:val="0"\/>/g)).toHaveLength(8);
    expect(writeListNumbers(doc.replace(/<w:numPr>.*?<\/w:numPr>/g, '').replace(/<w:pStyle[^>]*>/g, ''), numbering, styles)).toBeNull();
  });

  it('follows w:basedOn to a numbered style, and w:numStyleLink to the list style that holds the levels', () => {
    // The way Word templates number headings: 标题 1/2 based on a numbered list style, the list defined once.
    const numbering = `<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="10"><w:styleLink w:val="HeadingList"/>
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="HeadingList"/></w:abstractNum>
      <w:num w:numId="20"><w:abstractNumId w:val="10"/></w:num>
      <w:num w:numId="21"><w:abstractNumId w:val="11"/></w:num>
    </w:numbering>`;
    const styles = `<w:styles xmlns:w="w">
      <w:style w:type="numbering" w:styleId="HeadingList"><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>
      <w:style w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="21"/><w:ilvl w:val="0"/></w:numPr></w:pPr></w:style>
      <w:style w:styleId="H2"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:styleId="H2b"><w:basedOn w:val="H2"/></w:style>
    </w:styles>`;
    const p = (style: string, text: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const doc = `<w:document xmlns:w="w"><w:body>${[p('H1', '总体要求'), p('H2', '指导思想'), p('H2b', '工作目标'), p('H1', '重点任务')].join('')}</w:body></w:document>`;
    const out = writeListNumbers(doc, numbering, styles)!;
    const texts = [...out.matchAll(/<w:p>.*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(texts).toEqual(['一、总体要求', '（一）指导思想', '（二）工作目标', '二、重点任务']);
  });

  it('writes counters in Word\'s number formats', () => {
    const counting = [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1005].map((n) => formatNumber(n, 'chineseCounting'));
    expect(counting).toEqual(['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一千零五']);
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(20, 'decimalEnclosedCircle')).toBe('⑳');
    expect(formatNumber(21, 'decimalEnclosedCircle')).toBe('21');
    expect(formatNumber(7, 'decimalZero')).toBe('07');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(28, 'lowerLetter')).toBe('ab');
    expect(formatNumber(14, 'upperRoman')).toBe('XIV');
    expect(formatNumber(3, 'bullet')).toBe('');
    expect(formatNumber(3, 'somethingNew')).toBe('3');
  });

  it('bounds what numbering.xml can make: starts outside 0–32767 count from 1, a level text of thousands of placeholders writes no label, levels past 8 are not read; each said once', () => {
    const level = (ilvl: number, start: string, format: string, text: string) =>
      `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
    const numbering = `<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="1">${level(0, 'Infinity', 'lowerLetter', '%1.')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="2">${level(0, '1e300', 'upperLetter', '%1.')}</w:abstractNum>
      <w:abstractNum w:abstractNumId="3">${level(0, '1', 'decimal', '%1'.repeat(5000))}</w:abstractNum>
      <w:abstractNum w:abstractNumId="4">${level(12, '1', 'decimal', '%1.')}</w:abstractNum>
      ${[1, 2, 3, 4].map((n) => `<w:num w:numId="${n}"><w:abstractNumId w:val="${n}"/></w:num>`).join('')}
    </w:numbering>`;
    const p = (numId: number, text: string, ilvl = 0) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const doc = `<w:document xmlns:w="w"><w:body>${[p(1, '甲'), p(1, '乙'), p(2, '丙'), ...Array.from({ length: 1000 }, () => p(3, '丁')), p(4, '戊', 12)].join('')}</w:body></w:document>`;
    const warnings: string[] = [];
    const out = writeListNumbers(doc, numbering, null, (m) => warnings.push(m))!;
    const texts = [...out.matchAll(/<w:p>.*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    expect(texts.slice(0, 4)).toEqual(['a.甲', 'b.乙', 'A.丙', '丁']);
    expect(texts.at(-1)).toBe('戊');
    expect(out.length).toBeLessThan(doc.length * 2);
    expect(warnings).toEqual([
      'list start "Infinity" is not a number from 0 to 32767 (numbering.xml); counted from 1',
      'list start "1e300" is not a number from 0 to 32767 (numbering.xml); counted from 1',
      'list level text of 10,000 characters (numbering.xml; limit 64); its paragraphs get no number',
    ]);
  });
});
