// Files that are not notices are refused with an IngestError naming the file and what it looks like.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IngestError, ingest } from '../../src/ingest/index.js';
import { sampleDocx } from './builders.js';

async function refusal(bytes: Uint8Array, path: string, options = {}): Promise<IngestError> {
  try {
    await ingest(bytes, path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error(`${path} was not refused`);
}

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const PDF = ascii('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n');

/** Offset of the central-directory record of `name` in a zip. */
function centralRecord(bytes: Uint8Array, name: string): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = bytes.length - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + length)) === name) return at;
  }
  throw new Error(`${name} not in zip`);
}

/** A copy of a zip whose directory declares another uncompressed size for one entry. */
function withDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const copy = bytes.slice();
  new DataView(copy.buffer).setUint32(centralRecord(copy, name) + 24, size, true);
  return copy;
}

describe('refusals', () => {
  it('refuses PNG bytes', async () => {
    const error = await refusal(PNG, 'scan.txt');
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toContain('scan.txt');
    expect(error.message).toContain('PNG');
  });

  it('refuses a PDF cut short (PDFs with a text layer are read: see formats.test.ts)', async () => {
    const error = await refusal(PDF, 'notice.pdf');
    expect(error.code).toBe('corrupt-pdf');
    expect(error.message).toMatch(/notice\.pdf.*PDF/);
  });

  it('refuses a compound file that is only a header (.doc files are read: see formats.test.ts)', async () => {
    const error = await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'old.doc');
    expect(error.code).toBe('corrupt-compound');
    expect(error.message).toContain('old.doc');
  });

  it('refuses binary data with NUL bytes', async () => {
    const error = await refusal(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]), 'a.out');
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/a\.out.*binary/);
  });

  it('refuses a zip that is not a .docx', async () => {
    const zip = new JSZip();
    zip.file('readme.txt', '不是公文');
    const error = await refusal(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 'bundle.docx');
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(/bundle\.docx.*zip archive.*word\/document\.xml/);
  });

  it('refuses an .xlsx without sheets (workbooks are read: see formats.test.ts)', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const error = await refusal(await zip.generateAsync({ type: 'uint8array' }), 'tasks.xlsx');
    expect(error.message).toMatch(/tasks\.xlsx.*sheet/);
  });

  it('refuses a truncated .docx with a clear message, not a stack trace', async () => {
    const docx = await sampleDocx();
    for (const cut of [docx.length - 10, Math.floor(docx.length / 2), 100]) {
      const error = await refusal(docx.subarray(0, cut), 'cut.docx');
      expect(error.code).toBe('corrupt-docx');
      expect(error.message).toMatch(/^cut\.docx: .*(truncated|corrupt)/);
      expect(error.message).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses a .docx whose entries lie about their size (inflates past the declared size)', async () => {
    const error = await refusal(withDeclaredSize(await sampleDocx(), 'word/document.xml', 100), 'bomb.docx');
    expect(error.code).toBe('corrupt-docx');
    expect(error.message).toContain('word/document.xml');
  });

  it('refuses an oversized .docx from its central directory, before inflating', async () => {
    const error = await refusal(withDeclaredSize(await sampleDocx(), 'word/document.xml', 60 * 1024 * 1024), 'huge.docx');
    expect(error.code).toBe('docx-too-large');
    expect(error.message).toMatch(/huge\.docx.*60 MB.*50 MB/);
  });

  it('refuses a .docx larger than a lower limit given in options', async () => {
    const error = await refusal(await sampleDocx(), 'notice.docx', { maxDocxBytes: 64 * 1024 });
    expect(error.code).toBe('docx-too-large');
    expect(error.message).toContain('0.1 MB');
  });

  it('refuses an empty file', async () => {
    const error = await refusal(new Uint8Array(0), 'empty.txt');
    expect(error.code).toBe('empty');
    expect(error.message).toContain('empty.txt');
  });

  it('refuses whitespace only, in text and in HTML', async () => {
    expect((await refusal(ascii('  \r\n\t \n'), 'blank.txt')).code).toBe('empty');
    expect((await refusal(ascii('\u3000\u00a0\n'), 'blank.txt')).code).toBe('empty');
    const page = await refusal(ascii('<html><body><script>alert(1)</script><div>  </div></body></html>'), 'blank.html');
    expect(page.code).toBe('empty');
    expect(page.message).toContain('HTML');
  });
});
