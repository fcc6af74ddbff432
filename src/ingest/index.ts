// ingest: bytes → one source text. The only stage that knows about file formats and encodings.
// The format is judged from the bytes: a zip holding a Word main document is a .docx, markup is HTML,
// anything else without NUL bytes is plain text; images, PDFs, other archives and binaries are refused.
// The HTML and .docx readers pull in cheerio and mammoth (~0.35 s to load); they are imported when a file needs them.
import { sniff } from './detect.js';
import { ingestText } from './text.js';
import { IngestError, type Ingested, type IngestOptions, type SourceFormat } from './types.js';

export { IngestError } from './types.js';
export type { Ingested, IngestMeta, IngestOptions, SourceFormat } from './types.js';
export { DEFAULT_MAX_DOCX_BYTES } from './types.js';

const EXTENSION_FORMAT: Readonly<Record<string, SourceFormat>> = { txt: 'text', text: 'text', htm: 'html', html: 'html', shtml: 'html', xhtml: 'html', docx: 'docx' };

export async function ingest(bytes: Uint8Array, path: string, options: IngestOptions = {}): Promise<Ingested> {
  if (bytes.length === 0) throw new IngestError(`${path}: 文件为空 (empty file)`, path, 'empty');
  const sniffed = sniff(bytes, path);
  let result: Ingested;
  switch (sniffed.kind) {
    case 'unsupported':
      throw new IngestError(`${path}: 不支持的文件格式 (unsupported format: this looks like ${sniffed.looksLike})`, path, 'unsupported-format');
    case 'zip': {
      const { describeZip, ingestDocx, openZip } = await import('./docx.js');
      const directory = openZip(bytes, path);
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
    const what = result.format === 'text' ? '文件只有空白 (whitespace only)' : `没有找到正文 (no text in this ${result.format === 'html' ? 'HTML page' : '.docx'})`;
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
