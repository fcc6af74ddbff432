// ingest: bytes → one source text. The only stage that knows about file formats and encodings.
// The format is judged from the bytes: a zip holding a Word main document is a .docx, markup is HTML,
// anything else without NUL bytes is plain text; images, PDFs, other archives and binaries are refused.
// The HTML and .docx readers pull in cheerio and mammoth (~0.35 s to load); they are imported when a file needs them.
// Every reader works within the limits of limits.ts; past one, or when a reader cannot even start (a library that
// fails to load), the file is refused with one message naming it: never a stack trace, never an unbounded run.
import { sniff } from './detect.js';
import { LimitError } from './limits.js';
import { ingestText } from './text.js';
import { IngestError, type Ingested, type IngestOptions, type SourceFormat } from './types.js';

export { IngestError } from './types.js';
export type { Ingested, IngestMeta, IngestNote, IngestOptions, SourceFormat } from './types.js';
export { DEFAULT_MAX_DOCX_BYTES } from './types.js';

const EXTENSION_FORMAT: Readonly<Record<string, SourceFormat>> = { txt: 'text', text: 'text', htm: 'html', html: 'html', shtml: 'html', xhtml: 'html', docx: 'docx' };

/** A reader's module, or an IngestError saying the reader could not start (e.g. under a memory limit). */
async function reader<T>(load: () => Promise<T>, what: string, path: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new IngestError(`${path}: 无法启动 ${what} 读取器 (the ${what} reader could not start: ${reason})`, path, 'reader-failed');
  }
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
    const what = result.format === 'text' ? '文件只有空白 (whitespace only)' : `没有找到正文 (no text in this ${result.format === 'html' ? 'HTML page' : '.docx'})`;
    throw new IngestError(`${path}: ${what}`, path, 'empty');
  }
  return withExtensionNote(result, path);
}

async function read(bytes: Uint8Array, path: string, options: IngestOptions): Promise<Ingested> {
  const sniffed = sniff(bytes, path);
  switch (sniffed.kind) {
    case 'unsupported':
      throw new IngestError(`${path}: 不支持的文件格式 (unsupported format: this looks like ${sniffed.looksLike})`, path, 'unsupported-format');
    case 'zip': {
      const { describeZip, ingestDocx, openZip } = await reader(() => import('./docx.js'), '.docx', path);
      const directory = openZip(bytes, path);
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
