// ingest: bytes → one source text. The only stage that knows about file formats and encodings.
// The format is judged from the bytes: a zip holding a Word main document is a .docx, a workbook an .xlsx, OFD.xml an
// OFD; a PDF is read through pdf.js; an OLE2 compound file by its streams (.doc/.wps, .xls); markup is HTML; anything
// else without NUL bytes is plain text; images, other archives and binaries are refused.
// Each reader is imported when a file needs it (cheerio and mammoth ~0.35 s to load, pdf.js ~0.4 s).
// Every reader works within the limits of limits.ts; past one, or when a reader cannot even start (a library that
// fails to load), the file is refused with one message naming it: never a stack trace, never an unbounded run.
import { sniff } from './detect.js';
import { LimitError } from './limits.js';
import { ingestText } from './text.js';
import { DEFAULT_MAX_DOCX_BYTES, IngestError, type Ingested, type IngestOptions, type SourceFormat } from './types.js';
import { inflateEntry, ZipFormatError, type ZipDirectory } from './zip.js';

export { IngestError } from './types.js';
export type { Ingested, IngestMeta, IngestNote, IngestOptions, Place, SourceFormat } from './types.js';
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

/** A reader's module, or an IngestError saying the reader could not start (e.g. under a memory limit). */
async function reader<T>(load: () => Promise<T>, what: string, path: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new IngestError(`${path}: 无法启动 ${what} 读取器 (the ${what} reader could not start: ${reason})`, path, 'reader-failed');
  }
}

/** What a zip is, from its entry names: a Word document, a workbook, an OFD, or something else. */
function zipKind(names: ReadonlySet<string>): 'xlsx' | 'ofd' | 'other' {
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('OFD.xml') || names.has('/OFD.xml')) return 'ofd';
  return 'other';
}

export async function ingest(bytes: Uint8Array, path: string, options: IngestOptions = {}): Promise<Ingested> {
  if (bytes.length === 0) throw new IngestError(`${path}: 文件为空 (empty file)`, path, 'empty');
  let result: Ingested;
  try {
    result = await read(bytes, path, options);
  } catch (error) {
    if (error instanceof LimitError) throw new IngestError(`${path}: ${error.message}`, path, error.code);
    // A safety net under the limits: whatever a parser met too deeply nested, the file is named.
    if (error instanceof RangeError && /call stack/i.test(error.message)) {
      throw new IngestError(`${path}: 结构嵌套过深,无法读取 (too deeply nested to read: ${error.message})`, path, 'too-deep');
    }
    throw error;
  }
  if (result.text.trim() === '') {
    const what = result.format === 'text' ? '文件只有空白 (whitespace only)' : `没有找到正文 (no text in this ${result.format === 'html' ? 'HTML page' : `.${result.format}`})`;
    throw new IngestError(`${path}: ${what}`, path, 'empty');
  }
  return withExtensionNote(result, path);
}

async function read(bytes: Uint8Array, path: string, options: IngestOptions): Promise<Ingested> {
  const sniffed = sniff(bytes, path);
  switch (sniffed.kind) {
    case 'unsupported':
      throw new IngestError(`${path}: 不支持的文件格式 (unsupported format: this looks like ${sniffed.looksLike})`, path, 'unsupported-format');
    case 'pdf':
      return (await reader(() => import('./pdf/index.js'), 'PDF', path)).ingestPdf(bytes, path, { ocr: options.ocr, maxStreamBytes: options.maxPdfStreamBytes });
    case 'compound': {
      const { sniffCompound } = await reader(() => import('./cfb.js'), 'compound file', path);
      let kind: import('./cfb.js').CompoundKind;
      try {
        kind = sniffCompound(bytes);
      } catch (error) {
        const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
        throw new IngestError(`${path}: 复合文档已损坏 (corrupt OLE2 compound file: ${reason})`, path, 'corrupt-compound');
      }
      if (kind.kind === 'refused') throw new IngestError(`${path}: 不支持的文件 (${kind.looksLike})`, path, kind.code);
      if (kind.kind === 'xls') return (await reader(() => import('./sheet.js'), '.xls', path)).ingestXls(bytes, path);
      const format = /\.wps$/i.test(path) ? 'wps' : 'doc';
      if (kind.encrypted) throw new IngestError(`${path}: ${format === 'wps' ? '.wps' : '.doc'} 受密码保护 (password-protected Word 97 file; save it again without a password)`, path, 'encrypted-doc');
      return (await reader(() => import('./doc.js'), '.doc', path)).ingestDoc(bytes, path, format);
    }
    case 'zip': {
      const { describeZip, ingestDocx, openZip } = await reader(() => import('./docx.js'), '.docx', path);
      const directory = openZip(bytes, path);
      const kind = zipKind(new Set(directory.entries.map((e) => e.name)));
      if (kind === 'ofd') {
        return (await reader(() => import('./ofd.js'), 'OFD', path)).ingestOfd(bytes, directory, path, options.maxDocxBytes);
      }
      if (kind === 'xlsx') {
        const limit = options.maxDocxBytes ?? DEFAULT_MAX_DOCX_BYTES;
        checkZip(bytes, directory, path, limit, '.xlsx');
        return (await reader(() => import('./sheet.js'), '.xlsx', path)).ingestXlsx(bytes, path);
      }
      const other = describeZip(directory, bytes);
      if (other) throw new IngestError(`${path}: 不支持的文件格式 (unsupported format: this looks like ${other})`, path, 'unsupported-format');
      return ingestDocx(bytes, directory, path, { maxBytes: options.maxDocxBytes });
    }
    case 'html':
      return (await reader(() => import('./html.js'), 'HTML', path)).ingestHtml(bytes);
    case 'text':
      return ingestText(bytes);
  }
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
