// ingest: bytes → one source text. The only stage that knows about file formats and encodings.
// The format is judged from the bytes: a zip holding a Word main document is a .docx, a workbook an .xlsx, OFD.xml an
// OFD; a PDF is read through pdf.js; an OLE2 compound file by its streams (.doc/.wps, .xls); markup is HTML; anything
// else without NUL bytes is plain text; images, other archives and binaries are refused.
// Each reader is imported when a file needs it (cheerio and mammoth ~0.35 s to load, pdf.js ~0.4 s).
import { sniff } from './detect.js';
import { ingestText } from './text.js';
import { DEFAULT_MAX_DOCX_BYTES, IngestError, type Ingested, type IngestOptions, type SourceFormat } from './types.js';
import { inflateEntry, ZipFormatError, type ZipDirectory } from './zip.js';

export { IngestError } from './types.js';
export type { Ingested, IngestMeta, IngestOptions, Place, SourceFormat } from './types.js';
export { DEFAULT_MAX_DOCX_BYTES } from './types.js';

const EXTENSION_FORMAT: Readonly<Record<string, SourceFormat>> = {
  txt: 'text',
  text: 'text',
  htm: 'html',
  html: 'html',
  shtml: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
  doc: 'doc',
  wps: 'wps',
  xlsx: 'xlsx',
  xls: 'xls',
  ofd: 'ofd',
};

/** What a zip is, from its entry names: a Word document, a workbook, an OFD, or something else. */
function zipKind(names: ReadonlySet<string>): 'xlsx' | 'ofd' | 'other' {
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('OFD.xml') || names.has('/OFD.xml')) return 'ofd';
  return 'other';
}

export async function ingest(bytes: Uint8Array, path: string, options: IngestOptions = {}): Promise<Ingested> {
  if (bytes.length === 0) throw new IngestError(`${path}: 文件为空 (empty file)`, path, 'empty');
  const sniffed = sniff(bytes, path);
  let result: Ingested;
  switch (sniffed.kind) {
    case 'unsupported':
      throw new IngestError(`${path}: 不支持的文件格式 (unsupported format: this looks like ${sniffed.looksLike})`, path, 'unsupported-format');
    case 'pdf':
      result = await (await import('./pdf/index.js')).ingestPdf(bytes, path, { ocr: options.ocr, maxStreamBytes: options.maxPdfStreamBytes });
      break;
    case 'compound': {
      const { sniffCompound } = await import('./cfb.js');
      let kind: import('./cfb.js').CompoundKind;
      try {
        kind = sniffCompound(bytes);
      } catch (error) {
        const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
        throw new IngestError(`${path}: 复合文档已损坏 (corrupt OLE2 compound file: ${reason})`, path, 'corrupt-compound');
      }
      if (kind.kind === 'refused') throw new IngestError(`${path}: 不支持的文件 (${kind.looksLike})`, path, kind.code);
      if (kind.kind === 'xls') result = await (await import('./sheet.js')).ingestXls(bytes, path);
      else {
        const format = /\.wps$/i.test(path) ? 'wps' : 'doc';
        if (kind.encrypted) throw new IngestError(`${path}: ${format === 'wps' ? '.wps' : '.doc'} 受密码保护 (password-protected Word 97 file; save it again without a password)`, path, 'encrypted-doc');
        result = await (await import('./doc.js')).ingestDoc(bytes, path, format);
      }
      break;
    }
    case 'zip': {
      const { describeZip, ingestDocx, openZip } = await import('./docx.js');
      const directory = openZip(bytes, path);
      const kind = zipKind(new Set(directory.entries.map((e) => e.name)));
      if (kind === 'ofd') {
        result = (await import('./ofd.js')).ingestOfd(bytes, directory, path, options.maxDocxBytes);
        break;
      }
      if (kind === 'xlsx') {
        const limit = options.maxDocxBytes ?? DEFAULT_MAX_DOCX_BYTES;
        checkZip(bytes, directory, path, limit, '.xlsx');
        result = await (await import('./sheet.js')).ingestXlsx(bytes, path);
        break;
      }
      const other = describeZip(directory, bytes);
      if (other) throw new IngestError(`${path}: 不支持的文件格式 (unsupported format: this looks like ${other})`, path, 'unsupported-format');
      result = await ingestDocx(bytes, directory, path, { maxBytes: options.maxDocxBytes });
      break;
    }
    case 'html':
      result = (await import('./html.js')).ingestHtml(bytes);
      break;
    case 'text':
      result = ingestText(bytes);
      break;
  }
  if (result.text.trim() === '') {
    const what = result.format === 'text' ? '文件只有空白 (whitespace only)' : `没有找到正文 (no text in this ${result.format === 'html' ? 'HTML page' : `.${result.format}`})`;
    throw new IngestError(`${path}: ${what}`, path, 'empty');
  }
  return withExtensionNote(result, path);
}

/** Note (not refuse) a file whose extension names another format than its content. */
function withExtensionNote(result: Ingested, path: string): Ingested {
  const extension = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  const expected = extension ? EXTENSION_FORMAT[extension] : undefined;
  if (!expected || expected === result.format) return result;
  const note = `the file is named .${extension} but its content is ${result.format}; read as ${result.format}`;
  return { ...result, warnings: [...(result.warnings ?? []), note] };
}

/**
 * Check a zip before a reader that inflates it on its own (exceljs): the declared sizes within the limit, nothing
 * encrypted, and every entry inflating to exactly its declared size (so an archive lying about its sizes, a zip
 * bomb, fails here, each entry capped at what it declares).
 */
function checkZip(bytes: Uint8Array, directory: ZipDirectory, path: string, limit: number, what: string): void {
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MB`;
  if (directory.totalUncompressed > limit) {
    throw new IngestError(`${path}: ${what} 解压后 ${mb(directory.totalUncompressed)}，超过上限 ${mb(limit)} (uncompressed size exceeds the limit; refused before inflating)`, path, 'zip-too-large');
  }
  const encrypted = directory.entries.find((e) => e.encrypted || (e.method !== 0 && e.method !== 8));
  if (encrypted) throw new IngestError(`${path}: ${what} 无法读取 (entry ${encrypted.name} ${encrypted.encrypted ? 'is encrypted' : `uses compression method ${encrypted.method}`})`, path, 'corrupt-zip');
  try {
    for (const entry of directory.entries) if (!entry.name.endsWith('/')) inflateEntry(bytes, entry);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new IngestError(`${path}: ${what} 文件已损坏 (corrupt zip: ${error.message})`, path, 'corrupt-zip');
    throw error;
  }
}
