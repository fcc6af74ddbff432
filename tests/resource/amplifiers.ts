// Amplifiers: generators of adversarial inputs, one per class of issue 13. `build(n)` gives an input whose size grows
// linearly with n, so the resource test runs each at a small n (crash, runaway memory, wrong exit) and `npm run bench`
// doubles n to show that the time it takes grows linearly too. Nothing generated here is committed.
import { strToU8, zipSync } from 'fflate';

export interface Amplifier {
  /** kebab-case id, also the fixture's file name (with `ext`) */
  readonly name: string;
  readonly ext: 'txt' | 'html' | 'docx';
  /** what it amplifies, in the issue's words */
  readonly what: string;
  /** the input for size n (bytes grow linearly with n) */
  readonly build: (n: number) => Uint8Array;
  /** n for the resource test: quick once fixed, and enough to show the failure before */
  readonly small: number;
  /** first n of the bench's doubling series */
  readonly bench: number;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const HEADER = ['关于印发《某县某某行动实施方案》的通知', '各乡镇人民政府，县直各单位：', '现将《某县某某行动实施方案》印发给你们，请认真贯彻执行。', '某县人民政府办公室', '2024年3月1日'];

/** A notice around `body` (the lines of annex 1, under its title and one section). */
export function notice(body: readonly string[], cover: readonly string[] = []): string {
  return [...HEADER.slice(0, 3), ...cover, ...HEADER.slice(3), '附件1', '某县某某行动实施方案', '一、重点任务', ...body, ''].join('\n');
}

/** n numbered tasks, each with its clause. */
export function tasks(n: number, clause = '（县财政局牵头，县发展改革局配合）'): string[] {
  return Array.from({ length: n }, (_, i) => `${i + 1}.推进第${i + 1}项工作。加快建设进度${clause}`);
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal Word package: the body XML (inside w:body) and, optionally, a numbering part. */
export function docx(body: string, numbering?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
    'word/_rels/document.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${numbering ? `<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>` : ''}</Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (numbering) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numbering}</w:numbering>`);
  return zipSync(files, { level: 6 });
}

export const paragraph = (text: string, numId?: number, ilvl = 0): string =>
  `<w:p>${numId === undefined ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>`}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;

const level = (ilvl: number, start: string, format: string, text: string): string =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${escapeXml(text)}"/></w:lvl>`;

const headerParagraphs = (): string => [...HEADER, '附件1', '某县某某行动实施方案', '一、重点任务'].map((t) => paragraph(t)).join('');

const page = (body: string): Uint8Array => utf8(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知</title></head><body>${body}</body></html>`);
const htmlNotice = (): string => HEADER.map((t) => `<p>${t}</p>`).join('');

export const AMPLIFIERS: readonly Amplifier[] = [
  {
    name: 'docx-numbering-placeholders',
    ext: 'docx',
    what: 'a list level text repeating its placeholder (%1%1%1…) over many numbered paragraphs',
    build: (n) => docx(headerParagraphs() + Array.from({ length: n }, (_, i) => paragraph(`任务${i}。（县财政局牵头）`, 1)).join(''), `<w:abstractNum w:abstractNumId="0">${level(0, '1', 'decimal', '%1'.repeat(n))}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`),
    small: 2000,
    bench: 1000,
  },
  {
    name: 'docx-numbering-start',
    ext: 'docx',
    what: 'w:start of Infinity, 1e300 and 2^53 with letter and roman formats',
    build: (n) =>
      docx(
        headerParagraphs() + Array.from({ length: n }, (_, i) => paragraph(`任务${i}。（县财政局牵头）`, 1 + (i % 3))).join(''),
        `<w:abstractNum w:abstractNumId="0">${level(0, 'Infinity', 'lowerLetter', '%1.')}</w:abstractNum>` +
          `<w:abstractNum w:abstractNumId="1">${level(0, '1e300', 'upperLetter', '%1.')}</w:abstractNum>` +
          `<w:abstractNum w:abstractNumId="2">${level(0, '9007199254740993', 'chineseCounting', '%1、')}</w:abstractNum>` +
          [0, 1, 2].map((a) => `<w:num w:numId="${a + 1}"><w:abstractNumId w:val="${a}"/></w:num>`).join(''),
      ),
    small: 300,
    bench: 1000,
  },
  {
    name: 'docx-deep-xml',
    ext: 'docx',
    what: 'a .docx whose body nests content controls n deep',
    build: (n) => docx(headerParagraphs() + '<w:sdt><w:sdtContent>'.repeat(n) + paragraph('1.推进工作。（县财政局牵头）') + '</w:sdtContent></w:sdt>'.repeat(n)),
    small: 100_000,
    bench: 25_000,
  },
  {
    name: 'docx-many-paragraphs',
    ext: 'docx',
    what: 'a .docx of many numbered tasks (mammoth holds ~2.7 KB per XML element)',
    build: (n) => docx(headerParagraphs() + tasks(n).map((t) => paragraph(t)).join('')),
    small: 6_000,
    bench: 10_000,
  },
  {
    name: 'docx-one-item',
    ext: 'docx',
    what: 'a .docx of many short paragraphs under one numbered item (document.xml inflating to tens of MB)',
    build: (n) => docx(headerParagraphs() + paragraph('1.推进工作。（县财政局牵头）') + paragraph('加快建设。').repeat(n)),
    small: 300_000,
    bench: 50_000,
  },
  {
    name: 'html-span-total',
    ext: 'html',
    what: 'table rows of <td rowspan="0" colspan="100">: spans capped per cell but not in total',
    build: (n) => page(`${htmlNotice()}<table>${'<tr><td rowspan="0" colspan="100">县财政局</td><td>推进工作</td></tr>'.repeat(n)}</table>`),
    small: 600,
    bench: 500,
  },
  {
    name: 'html-deep-nesting',
    ext: 'html',
    what: 'HTML nested n deep',
    build: (n) => page(`${htmlNotice()}${'<div>'.repeat(n)}<p>1.推进工作。（县财政局牵头）</p>${'</div>'.repeat(n)}`),
    small: 100_000,
    bench: 25_000,
  },
  {
    name: 'html-nested-blocks',
    ext: 'html',
    what: 'the article body search over many nested content blocks (1,000 deep is the nesting limit)',
    build: (n) => page(`${htmlNotice()}${Array.from({ length: n }, (_, i) => `<div class="content"><p>${i + 1}.推进第${i + 1}项工作。（县财政局牵头）</p>`).join('')}${'</div>'.repeat(n)}`),
    small: 950,
    bench: 100,
  },
  {
    name: 'html-many-rows',
    ext: 'html',
    what: 'one table of many rows in a tbody (spread of the rows into an array; the parsed tree ~500 bytes a node)',
    build: (n) => page(`${htmlNotice()}<table><tbody>${Array.from({ length: n }, (_, i) => `<tr><td>${i + 1}</td><td>推进工作</td><td>县财政局</td></tr>`).join('')}</tbody></table>`),
    small: 150_000,
    bench: 12_500,
  },
  {
    name: 'text-one-item',
    ext: 'txt',
    what: 'a plain text with megabytes in one numbered item',
    build: (n) => utf8(notice(['1.推进工作。（县财政局牵头）', ...Array.from({ length: n }, () => '加快。')])),
    small: 300_000,
    bench: 50_000,
  },
  {
    name: 'text-many-items',
    ext: 'txt',
    what: 'many numbered items (1,000 and more)',
    build: (n) => utf8(notice(tasks(n))),
    small: 2000,
    bench: 2000,
  },
  {
    name: 'text-cr-only',
    ext: 'txt',
    what: 'CR-only line ends',
    build: (n) => utf8(notice(tasks(n)).replace(/\n/g, '\r')),
    small: 2000,
    bench: 2000,
  },
  {
    name: 'text-long-names',
    ext: 'txt',
    what: 'run-together unit names split against the names the document uses (segmentations)',
    // Every run of 3 to 38 局 is a unit the document names on its own, so a 40-character name ending in 某局 (which
    // is none) has ~850,000 ways to start a split, all tried when nothing is remembered.
    build: (n) => {
      const known = Array.from({ length: 36 }, (_, i) => `${i + 1}.明确分工。（${'局'.repeat(i + 3)}牵头）`);
      const long = Array.from({ length: n }, (_, i) => `${i + 37}.推进工作。（${'局'.repeat(38)}某局牵头）`);
      return utf8(notice([...known, ...long]));
    },
    small: 150,
    bench: 5,
  },
  {
    name: 'text-duties-liaison',
    ext: 'txt',
    what: 'a long work-group paragraph against the office-duty and liaison patterns',
    build: (n) => utf8(notice([...tasks(2), `二、保障措施`, `成立某某工作专班，由县长任召集人，${'办公室设各成员单位'.repeat(n)}。`])),
    small: 60_000,
    bench: 5_000,
  },
  {
    name: 'text-cadences',
    ext: 'txt',
    what: 'many reporting-cadence phrases in the covering notice',
    build: (n) => utf8(notice(tasks(2), [`${'每月调度，'.repeat(n)}。`])),
    small: 80_000,
    bench: 5_000,
  },
  {
    name: 'text-clause-units',
    ext: 'txt',
    what: 'one clause naming many units',
    build: (n) => utf8(notice([`1.推进工作。（县财政局牵头，${Array.from({ length: n }, (_, i) => `县第${i + 1}局`).join('、')}按职责分工负责）`])),
    small: 10_000,
    bench: 1_000,
  },
  {
    name: 'text-many-clauses',
    ext: 'txt',
    what: 'one item holding many clauses',
    build: (n) => utf8(notice([`1.推进工作。${Array.from({ length: n }, (_, i) => `加快第${i + 1}项。（县第${i + 1}局牵头）`).join('')}`])),
    small: 20_000,
    bench: 1_000,
  },
  {
    name: 'text-separators',
    ext: 'txt',
    what: 'repeated separators inside a clause',
    build: (n) => utf8(notice([`1.推进工作。（县财政局牵头，县发展改革局${'、'.repeat(n)}县商务局配合）`, `2.推进工作。（${'，'.repeat(n)}县财政局牵头）`])),
    small: 100_000,
    bench: 25_000,
  },
  {
    name: 'text-brackets',
    ext: 'txt',
    what: 'brackets opened and never closed, across lines',
    build: (n) => utf8(notice(Array.from({ length: n }, (_, i) => `${i + 1}.推进工作（（（（县财政局牵头，排序第一的为牵头单位`))),
    small: 5_000,
    bench: 1_000,
  },
  {
    name: 'text-long-line',
    ext: 'txt',
    what: 'one line of megabytes without punctuation',
    build: (n) => utf8(notice([`1.推进工作${'甲'.repeat(n)}（县财政局牵头）`])),
    small: 2_000_000,
    bench: 250_000,
  },
];
