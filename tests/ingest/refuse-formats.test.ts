// What the new readers refuse, each with one line naming the file and the reason (the CLI exits 2 on IngestError):
// PDFs that are encrypted, scanned or whose fonts have no Unicode map; compound files that are Works documents,
// encrypted or macros only; workbooks and OFDs that lie about their sizes; OFDs encrypted, glyph-only or reaching
// outside their package. Every input is made here, small.
import { readFileSync } from 'node:fs';
import CFB from 'cfb';
import { zipSync } from 'fflate';
import PDFDocument from 'pdfkit';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IngestError, ingest } from '../../src/ingest/index.js';
import { deltas } from '../../src/ingest/ofd.js';

async function refusal(bytes: Uint8Array, path: string, options = {}): Promise<IngestError> {
  try {
    await ingest(bytes, path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    const e = error as IngestError;
    expect(e.message).toContain(path);
    expect(e.message.split('\n')).toHaveLength(1);
    // Bilingual: Chinese, then the English reason in brackets.
    expect(e.message).toMatch(/[\u4e00-\u9fff].*\([A-Za-z]/);
    return e;
  }
  throw new Error(`${path} was not refused`);
}

/** A PDF drawn by pdfkit: `draw` gets the document (Helvetica text, images), options passed through. */
function pdfkit(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ compress: false, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    draw(doc);
    doc.end();
  });
}

/** A grey 8×8 PNG, the "scan". */
function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.from([0, ...Array(8).fill(0x80)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}
const PNG = png();

/** A minimal PDF by hand (pdfkit always writes Unicode maps): a Type0 font, no ToUnicode, glyph ids as text. */
function garbledPdf(): Uint8Array {
  const hex = Array.from({ length: 40 }, (_, i) => (0x0150 + i * 7).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 12 Tf 72 700 Td <${hex}> Tj 0 -20 Td <${hex}> Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('PDF', () => {
  it('refuses an encrypted PDF (it needs a password)', async () => {
    const bytes = await pdfkit((doc) => doc.text('Notice text'), { userPassword: 'secret' });
    expect((await refusal(bytes, 'locked.pdf')).code).toBe('encrypted-pdf');
  });

  it('refuses a scan, saying it needs OCR; and names the scanned pages among text pages', async () => {
    const scan = await pdfkit((doc) => {
      doc.image(PNG, 50, 50, { width: 500 });
      doc.addPage().image(PNG, 50, 50, { width: 500 });
    });
    const error = await refusal(scan, 'scan.pdf');
    expect(error.code).toBe('pdf-scanned');
    expect(error.message).toMatch(/扫描件.*OCR/);
    const mixed = await pdfkit((doc) => {
      doc.text('Page one has a text layer of its own, long enough to count.');
      doc.addPage().image(PNG, 50, 50, { width: 500 });
      doc.addPage().text('Page three has text too, long enough to count as text.');
    });
    expect((await refusal(mixed, 'mixed.pdf')).message).toMatch(/第 2 页.*page 2: scanned/);
  });

  it('refuses a PDF whose fonts have no Unicode map (garbage text), naming the page', async () => {
    const error = await refusal(garbledPdf(), 'garbled.pdf');
    expect(error.code).toBe('pdf-garbled');
    expect(error.message).toMatch(/第 1 页.*ToUnicode/);
  });

  it('refuses a PDF with no text at all, and a damaged one', async () => {
    expect((await refusal(await pdfkit(() => {}), 'blank.pdf')).code).toBe('empty');
    const good = await pdfkit((doc) => doc.text('Some text'));
    expect((await refusal(good.subarray(0, 400), 'cut.pdf')).code).toBe('corrupt-pdf');
  });

  it('refuses a PDF whose stream inflates past the limit (a deflate bomb), before pdf.js inflates it', async () => {
    const bytes = await pdfkit((doc) => doc.text('x'.repeat(20_000)), { compress: true });
    expect((await refusal(bytes, 'bomb.pdf', { maxPdfStreamBytes: 10_000 })).code).toBe('pdf-too-large');
    expect((await ingest(bytes, 'fine.pdf')).text).toContain('xxxx');
  });

  it('reads a PDF without following its links (nothing is fetched)', async () => {
    const bytes = await pdfkit((doc) => doc.text('See the portal for the annexes.', { link: 'http://127.0.0.1:9/annex.pdf' }));
    expect((await ingest(bytes, 'linked.pdf')).text).toBe('See the portal for the annexes.\n');
  });
});

/** A compound file holding the named streams. */
function compound(streams: Record<string, Uint8Array>): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(cfb, name, Buffer.from(content));
  return new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

describe('compound files (.doc, .wps, .xls)', () => {
  it('refuses a Microsoft Works .wps by name', async () => {
    const error = await refusal(compound({ CONTENTS: new Uint8Array(600), SPELLING: new Uint8Array(10) }), '通知.wps');
    expect(error.code).toBe('works-wps');
    expect(error.message).toContain('Microsoft Works');
  });

  it('refuses a password-protected Office file and an encrypted .doc', async () => {
    expect((await refusal(compound({ EncryptionInfo: new Uint8Array(100), EncryptedPackage: new Uint8Array(600) }), 'secret.docx')).code).toBe('encrypted-office');
    const fib = new Uint8Array(1024);
    fib.set([0xec, 0xa5], 0);
    fib[0x0b] = 0x01; // fEncrypted
    expect((await refusal(compound({ WordDocument: fib }), 'secret.doc')).code).toBe('encrypted-doc');
  });

  it('refuses an Excel file with macros only, and a damaged .doc', async () => {
    expect((await refusal(compound({ _VBA_PROJECT_CUR: new Uint8Array(600) }), 'macro.xls')).message).toContain('macros only');
    const fib = new Uint8Array(1024);
    fib.set([0xec, 0xa5], 0);
    expect((await refusal(compound({ WordDocument: fib }), 'broken.doc')).code).toBe('corrupt-doc');
  });
});

/** A zip whose directory says `name` inflates to `size` bytes (a zip bomb states less than it holds). */
function declare(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = copy.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(copy.subarray(at + 46, at + 46 + length)) === name) {
      view.setUint32(at + 24, size, true);
      return copy;
    }
  }
  throw new Error(`${name} not in zip`);
}

const xml = (s: string) => new TextEncoder().encode(s);

describe('bounded work on hostile input', () => {
  it('an .xls declaring A1:IV60000 around two far cells reads in linear time (fixture made by make.ts)', async () => {
    const bytes = new Uint8Array(readFileSync('tests/fixtures/formats/far.xls'));
    const started = performance.now();
    const ingested = await ingest(bytes, 'far.xls');
    expect(performance.now() - started).toBeLessThan(3000);
    expect(ingested.text).toBe(`序号\t重点任务\t牵头单位\n\n最后一行${'\t'.repeat(255)}远处\n`);
  });

  it('OFD DeltaX shorthand is expanded only as far as the text it spaces', () => {
    expect(deltas('g 1000000000 1', 3)).toEqual([1, 1, 1]);
  });
});

describe('workbooks', () => {
  const workbook = () =>
    zipSync({
      '[Content_Types].xml': xml('<Types/>'),
      'xl/workbook.xml': xml('<workbook/>'),
      'xl/worksheets/sheet1.xml': xml(`<worksheet>${'<row/>'.repeat(5000)}</worksheet>`),
    });

  it('refuses an .xlsx whose entry inflates past its declared size (a zip bomb), before exceljs opens it', async () => {
    const error = await refusal(declare(workbook(), 'xl/worksheets/sheet1.xml', 100), 'bomb.xlsx');
    expect(error.code).toBe('corrupt-zip');
    expect(error.message).toContain('declared size');
  });

  it('refuses an .xlsx over the size limit from its directory', async () => {
    expect((await refusal(workbook(), 'big.xlsx', { maxDocxBytes: 1000 })).code).toBe('zip-too-large');
  });
});

const OFD_XML = '<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>';
const documentXml = (loc = 'Pages/Page_0/Content.xml') =>
  `<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="${loc}"/></ofd:Pages></ofd:Document>`;
/** Text lines at y (mm from the top), and a ruled 2×2 table under them. */
const pageXml = (lines: ReadonlyArray<[number, string]>, cells: readonly string[] = []) => {
  const text = lines
    .map(([y, s], i) => `<ofd:TextObject ID="${i + 10}" Boundary="25 ${y} 160 6" Font="1" Size="4.2"><ofd:TextCode X="0" Y="4.2" DeltaX="g ${[...s].length - 1} 4.2">${s}</ofd:TextCode></ofd:TextObject>`)
    .join('');
  const rules = [0, 10, 20]
    .flatMap((d, i) => [`<ofd:PathObject ID="${100 + i}" Boundary="25 100 160 20"><ofd:AbbreviatedData>M 0 ${d} L 160 ${d}</ofd:AbbreviatedData></ofd:PathObject>`, `<ofd:PathObject ID="${110 + i}" Boundary="25 100 160 20"><ofd:AbbreviatedData>M ${d * 8} 0 L ${d * 8} 20</ofd:AbbreviatedData></ofd:PathObject>`])
    .join('');
  const cellText = cells
    .map((s, i) => `<ofd:TextObject ID="${200 + i}" Boundary="${27 + (i % 2) * 80} ${103 + Math.floor(i / 2) * 10} 70 6" Size="4.2"><ofd:TextCode X="0" Y="4.2" DeltaX="g ${[...s].length - 1} 4.2">${s}</ofd:TextCode></ofd:TextObject>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content><ofd:Layer ID="2">${text}${cells.length ? rules + cellText : ''}</ofd:Layer></ofd:Content></ofd:Page>`;
};
const ofd = (parts: Record<string, string>) => zipSync(Object.fromEntries(Object.entries({ 'OFD.xml': OFD_XML, 'Doc_0/Document.xml': documentXml(), ...parts }).map(([k, v]) => [k, xml(v)])));

describe('OFD', () => {
  it('reads the text objects of a page in reading order, a ruled table as TAB rows', async () => {
    const bytes = ofd({
      'Doc_0/Pages/Page_0/Content.xml': pageXml(
        [
          [40, '关于做好城市更新工作的通知'],
          [30, '某某市人民政府办公室'],
          [50, '各区人民政府，市直各单位：'],
        ],
        ['重点任务', '牵头单位', '改造老旧小区', '市住房和城乡建设局'],
      ),
    });
    const ingested = await ingest(bytes, '通知.ofd');
    expect(ingested.format).toBe('ofd');
    expect(ingested.text).toBe('某某市人民政府办公室\n关于做好城市更新工作的通知\n各区人民政府，市直各单位：\n\n重点任务\t牵头单位\n改造老旧小区\t市住房和城乡建设局\n');
    expect(ingested.places).toEqual([{ start: 0, end: ingested.text.length, page: 1 }]);
  });

  it('expands DeltaX shorthand', () => {
    expect(deltas('g 3 2.5 1 g 2 4')).toEqual([2.5, 2.5, 2.5, 1, 4, 4]);
  });

  it('refuses an encrypted OFD, glyph-only text, a reference outside the package, a DTD, a zip bomb', async () => {
    const page = pageXml([[30, '正文']]);
    expect((await refusal(ofd({ 'Doc_0/Pages/Page_0/Content.xml': page, 'Doc_0/Encryptions.xml': '<Encryptions/>' }), 'locked.ofd')).code).toBe('encrypted-ofd');
    const glyphs = page.replace(/<ofd:TextCode[^>]*>正文<\/ofd:TextCode>/, '<ofd:CGTransform CodePosition="0" CodeCount="2" GlyphCount="2"><ofd:Glyphs>12 34</ofd:Glyphs></ofd:CGTransform><ofd:TextCode X="0" Y="4"></ofd:TextCode>');
    expect((await refusal(ofd({ 'Doc_0/Pages/Page_0/Content.xml': glyphs }), 'glyphs.ofd')).code).toBe('ofd-glyphs');
    const external = ofd({ 'Doc_0/Document.xml': documentXml('http://127.0.0.1:9/page.xml') });
    expect((await refusal(external, 'external.ofd')).code).toBe('ofd-external');
    const dtd = ofd({ 'Doc_0/Pages/Page_0/Content.xml': `<!DOCTYPE x [<!ENTITY a "aaaa">]>${page.replace(/^<\?xml[^>]*>/, '')}` });
    expect((await refusal(dtd, 'dtd.ofd')).message).toContain('DOCTYPE');
    const bomb = declare(ofd({ 'Doc_0/Pages/Page_0/Content.xml': page + ' '.repeat(50_000) }), 'Doc_0/Pages/Page_0/Content.xml', 200);
    expect((await refusal(bomb, 'bomb.ofd')).message).toContain('declared size');
  });
});
