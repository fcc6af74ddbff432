// Word .docx: check the zip's directory (size limit, damage) before anything is inflated,
// then mammoth → HTML → the same HTML-to-text path as web pages, without the chrome filters.
import { zipSync, type Zippable } from 'fflate';
import mammoth from 'mammoth';
import { writeListNumbers } from './docx-numbering.js';
import { splitBody } from './docx-chunks.js';
import { findDocxParts } from './docx-parts.js';
import { htmlToText } from './html.js';
import { LimitError, MAX_XML_DEPTH } from './limits.js';
import { markupDepth } from './markup-depth.js';
import { DEFAULT_MAX_DOCX_BYTES, IngestError, type Ingested } from './types.js';
import { inflateEntry, readZipDirectory, ZipFormatError, type ZipDirectory } from './zip.js';

const MB = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** A package's relationships part is a few KB; a larger one is not inflated here (the size check comes later). */
const MAX_RELS_BYTES = 1024 * 1024;

/**
 * What a zip that is not a .docx looks like, from its entry names; null for a Word package, whose main document is
 * found through its relationships (read from `bytes`; a damaged or oversized relationships part counts as none).
 */
export function describeZip(directory: ZipDirectory, bytes: Uint8Array): string | null {
  const names = new Set(directory.entries.map((e) => e.name));
  if (names.has('xl/workbook.xml')) return 'an Excel workbook (.xlsx), not a Word document';
  if (names.has('ppt/presentation.xml')) return 'a PowerPoint deck (.pptx), not a Word document';
  if (names.has('content.xml') && names.has('mimetype')) return 'an OpenDocument file (.odt/.ods); save it as .docx';
  if (names.has('Doc_0/Document.xml') || names.has('OFD.xml')) return 'an OFD document (版式文档); export it as .docx or text';
  const rels = directory.entries.find((e) => e.name === '_rels/.rels');
  const read = (part: string): string | null => {
    if (!names.has(part)) return null;
    if (part !== rels?.name) return '';
    if (rels.uncompressedSize > MAX_RELS_BYTES) return null;
    try {
      return Buffer.from(inflateEntry(bytes, rels)).toString('utf8');
    } catch (error) {
      if (error instanceof ZipFormatError) return null;
      throw error;
    }
  };
  const { document } = findDocxParts(read);
  if (names.has(document)) return null;
  return `a zip archive that is not a Word document (no main document part, ${document}, among its ${directory.entries.length} entries)`;
}

/** Read the directory, throwing IngestError for damaged archives. */
export function openZip(bytes: Uint8Array, path: string): ZipDirectory {
  try {
    return readZipDirectory(bytes);
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    const docxLike = /\.docx$/i.test(path) || Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('word/document.xml');
    const what = docxLike ? '.docx (Word) 文件已损坏或不完整' : 'zip 压缩包已损坏';
    throw new IngestError(`${path}: ${what} (${error.truncated ? 'truncated' : 'corrupt'} zip: ${error.message})`, path, docxLike ? 'corrupt-docx' : 'unsupported-format');
  }
}

/**
 * The package again with one part replaced, stored (mammoth reads it at once; compressing would be wasted). Entries
 * not inflated yet go through the size-checked reader, within the limit already checked.
 */
function repack(bytes: Uint8Array, directory: ZipDirectory, inflated: ReadonlyMap<string, Uint8Array>, name: string, text: string): Uint8Array {
  const files: Zippable = {};
  for (const entry of directory.entries) {
    if (entry.name.endsWith('/')) continue;
    files[entry.name] = entry.name === name ? Buffer.from(text, 'utf8') : (inflated.get(entry.name) ?? inflateEntry(bytes, entry));
  }
  return zipSync(files, { level: 0 });
}

export interface DocxOptions {
  /** (default: 50 MB) */
  readonly maxBytes?: number;
  /** XML elements of the body mammoth is given at a time (default: DOCX_PIECE_ELEMENTS) */
  readonly pieceElements?: number;
}

export async function ingestDocx(bytes: Uint8Array, directory: ZipDirectory, path: string, options: DocxOptions = {}): Promise<Ingested> {
  const limit = options.maxBytes ?? DEFAULT_MAX_DOCX_BYTES;
  if (directory.totalUncompressed > limit) {
    throw new IngestError(
      `${path}: .docx 解压后 ${MB(directory.totalUncompressed)}，超过上限 ${MB(limit)} (uncompressed size exceeds the ${MB(limit)} limit; refused before inflating)`,
      path,
      'docx-too-large',
    );
  }
  const unreadable = directory.entries.find((e) => e.encrypted || (e.method !== 0 && e.method !== 8));
  if (unreadable) {
    const why = unreadable.encrypted ? 'is encrypted' : `uses compression method ${unreadable.method}`;
    throw new IngestError(`${path}: .docx 无法读取 (entry ${unreadable.name} ${why})`, path, unreadable.encrypted ? 'encrypted-docx' : 'corrupt-docx');
  }
  // The XML parts mammoth reads are inflated here first with their declared size as a hard cap:
  // an archive that lies about its sizes fails now, not inside the reader.
  // The packages mammoth reads: the file itself, or (list numbers written in, a long body in pieces) made anew.
  let packages: Array<() => Uint8Array> = [() => bytes];
  const warnings: string[] = [];
  try {
    const parts = new Map<string, Uint8Array>();
    const decoded = new Map<string, string>();
    for (const entry of directory.entries) {
      if (!/\.(?:xml|rels)$/i.test(entry.name)) continue;
      const part = inflateEntry(bytes, entry);
      const text = Buffer.from(part).toString('utf8');
      // Mammoth and the numbering pass read parts recursively: depth is checked before either sees one.
      const deepest = markupDepth(text, false, MAX_XML_DEPTH);
      if (deepest.depth > MAX_XML_DEPTH) {
        throw new LimitError(`.docx 结构嵌套过深 (${entry.name} nests elements more than ${MAX_XML_DEPTH} deep, at character ${deepest.offset.toLocaleString('en-US')}; limit ${MAX_XML_DEPTH})`, 'too-deep');
      }
      parts.set(entry.name, part);
      decoded.set(entry.name, text);
    }
    const xml = (name: string): string | null => decoded.get(name) ?? null;
    const found = findDocxParts(xml);
    const numbered = writeListNumbers(xml(found.document) ?? '', xml(found.numbering), xml(found.styles), (message) => warnings.push(message));
    const bodies = splitBody(numbered ?? xml(found.document) ?? '', options.pieceElements);
    decoded.clear();
    if (numbered !== null || bodies.length > 1) packages = bodies.map((body) => () => repack(bytes, directory, parts, found.document, body));
  } catch (error) {
    if (error instanceof ZipFormatError) throw new IngestError(`${path}: .docx 文件已损坏 (corrupt zip: ${error.message})`, path, 'corrupt-docx');
    throw error;
  }

  let html = '';
  const told = new Set<string>();
  try {
    // One piece at a time: each package and mammoth's model of it are let go before the next is made.
    for (const pack of packages) {
      const docx = pack();
      const result = await mammoth.convertToHtml(
        { buffer: Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength) },
        {
          externalFileAccess: false,
          // Images carry no text: give them an empty src instead of inlining them as data: URIs.
          convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        },
      );
      html += result.value;
      for (const message of result.messages) {
        if (/unrecognised|unrecognized/i.test(message.message) || told.has(message.message)) continue;
        told.add(message.message);
        warnings.push(`mammoth: ${message.message}`);
      }
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new IngestError(`${path}: .docx 无法解析 (mammoth: ${reason})`, path, 'corrupt-docx');
  }
  const { text, warnings: read } = htmlToText(html, { site: false });
  for (const warning of read) warnings.push(warning);
  return { text, format: 'docx', encoding: 'utf-8', meta: {}, root: 'body', ...(warnings.length ? { warnings } : {}) };
}
