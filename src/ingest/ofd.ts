// OFD (GB/T 33190, the national fixed-layout format of electronic official documents): a zip of XML. OFD.xml names
// the document root (Doc_0/Document.xml), which lists the pages; each page's Content.xml holds TextObjects (text in
// TextCode elements, placed in millimetres) and PathObjects (the rulings of tables). Pages are laid out with the
// PDF reader's geometry: lines in reading order, ruled tables as TAB rows, running headers and page numbers dropped.
// Refused by name: encrypted documents, text stored as glyph numbers only, references outside the package.
import { XMLParser } from 'fast-xml-parser';
import { groupLines, type Line, type Run } from './pdf/layout.js';
import { layoutPages } from './pdf/pages.js';
import { findTables, type Segment, type Table } from './pdf/tables.js';
import { DEFAULT_MAX_DOCX_BYTES, IngestError, type Ingested } from './types.js';
import { inflateEntry, readZipDirectory, ZipFormatError, type ZipDirectory } from './zip.js';

type Xml = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['TextObject', 'TextCode', 'PathObject', 'Layer', 'Page', 'PageBlock', 'DocBody', 'CompositeObject'].includes(name),
});

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const numbers = (s: unknown): number[] => String(s ?? '').trim().split(/\s+/).filter(Boolean).map(Number);

/** OFD's compressed DeltaX/DeltaY: "g 3 2.5" stands for three times 2.5. At most `limit` values (the characters). */
export function deltas(s: unknown, limit = Infinity): number[] {
  const parts = String(s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < parts.length && out.length < limit; i++) {
    if (parts[i] === 'g') {
      const count = Math.min(Number(parts[i + 1]) || 0, limit - out.length);
      const value = Number(parts[i + 2]) || 0;
      for (let k = 0; k < count; k++) out.push(value);
      i += 2;
    } else out.push(Number(parts[i]) || 0);
  }
  return out;
}

interface OfdPage {
  readonly number: number;
  readonly height: number;
  readonly lines: Line[];
  readonly tables: Table[];
  readonly glyphOnly: boolean;
}

export function ingestOfd(bytes: Uint8Array, directory: ZipDirectory, path: string, maxBytes = DEFAULT_MAX_DOCX_BYTES): Ingested {
  const refuse = (why: string, code = 'corrupt-ofd'): never => {
    throw new IngestError(`${path}: ${why}`, path, code);
  };
  if (directory.totalUncompressed > maxBytes) refuse(`OFD 解压后超过上限 ${(maxBytes / 2 ** 20).toFixed(0)} MB (uncompressed size exceeds the limit; refused before inflating)`, 'ofd-too-large');
  const entries = new Map(directory.entries.map((e) => [e.name.replace(/^\/+/, ''), e]));
  if (directory.entries.some((e) => e.encrypted)) refuse('OFD 已加密 (encrypted OFD: its entries are encrypted)', 'encrypted-ofd');
  const read = (name: string): Xml => {
    const entry = entries.get(name.replace(/^\/+/, ''));
    if (!entry) refuse(`OFD 缺少 ${name} (the package has no ${name})`);
    let xml: string;
    try {
      xml = Buffer.from(inflateEntry(bytes, entry!)).toString('utf8');
    } catch (error) {
      if (error instanceof ZipFormatError) refuse(`OFD 文件已损坏 (corrupt zip: ${error.message})`);
      throw error;
    }
    // No OFD part needs a DTD; one with entity declarations is refused rather than expanded.
    if (/<!DOCTYPE|<!ENTITY/i.test(xml!)) refuse(`OFD 的 ${name} 含有 DTD (a DOCTYPE or entity declaration; refused)`);
    try {
      return parser.parse(xml!) as Xml;
    } catch (error) {
      return refuse(`OFD 的 ${name} 不是有效的 XML (${(error as Error).message.split('\n')[0]})`);
    }
  };
  /** A part named relative to the part that names it; outside references are refused, never followed. */
  const resolve = (from: string, loc: string): string => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(loc) || loc.startsWith('//') || loc.includes('\\')) refuse(`OFD 引用了外部资源 ${loc} (an external reference; not followed)`, 'ofd-external');
    const base = loc.startsWith('/') ? [] : from.split('/').slice(0, -1);
    for (const part of loc.split('/')) {
      if (part === '..') base.pop();
      else if (part !== '' && part !== '.') base.push(part);
    }
    return base.join('/');
  };

  const root = read('OFD.xml').OFD as Xml | undefined;
  const body = asArray(root?.DocBody as Xml[])[0];
  if (!body) refuse('OFD.xml 中没有 DocBody (no document in OFD.xml)');
  const docRoot = resolve('OFD.xml', String(body!.DocRoot ?? ''));
  if (entries.has(resolve(docRoot, 'Encryptions.xml')) || entries.has('Encryptions.xml') || body!.Encryptions) refuse('OFD 已加密 (encrypted OFD; save an unencrypted copy)', 'encrypted-ofd');
  const document = read(docRoot).Document as Xml | undefined;
  const area = ((document?.CommonData as Xml)?.PageArea as Xml)?.PhysicalBox;
  const [, , , defaultHeight] = numbers(area).length === 4 ? numbers(area) : [0, 0, 210, 297];
  const pageRefs = asArray(((document?.Pages as Xml)?.Page as Xml[]) ?? []);
  if (pageRefs.length === 0) refuse('OFD 没有页面 (no pages)', 'empty');

  const pages: OfdPage[] = pageRefs.map((ref, i) => {
    const loc = resolve(docRoot, String(ref['@_BaseLoc'] ?? ''));
    const page = asArray(read(loc).Page as Xml[])[0] ?? {};
    const box = numbers((page.Area as Xml)?.PhysicalBox);
    const height = box.length === 4 ? box[3] : defaultHeight;
    const runs: Run[] = [];
    const segments: Segment[] = [];
    let glyphOnly = false;
    const walk = (node: Xml): void => {
      for (const text of asArray(node.TextObject as Xml[])) {
        const [bx, by] = numbers(text['@_Boundary']);
        const size = Number(text['@_Size']) || 3.5;
        const ctm = numbers(text['@_CTM']);
        if (ctm.length === 6 && (Math.abs(ctm[1]) > 0.05 || Math.abs(ctm[2]) > 0.05)) continue; // rotated: stamps, watermarks
        const scale = ctm.length === 6 ? ctm[0] : 1;
        for (const code of asArray(text.TextCode as Xml[])) {
          const str = typeof code === 'object' ? String(code['#text'] ?? '') : String(code);
          if (str.trim() === '') {
            if (text.CGTransform) glyphOnly = true;
            continue;
          }
          const dx = deltas(code['@_DeltaX'], [...str].length - 1);
          const width = dx.reduce((s, v) => s + v, 0) + size;
          runs.push({ str, x: (bx ?? 0) + (Number(code['@_X']) || 0) * scale, y: height - ((by ?? 0) + (Number(code['@_Y']) || 0) * scale), width: width * scale, size: size * scale });
        }
      }
      for (const shape of asArray(node.PathObject as Xml[])) {
        if (shape['@_Stroke'] === 'false' && shape['@_Fill'] !== 'true') continue;
        const [bx, by] = numbers(shape['@_Boundary']);
        const d = String(shape.AbbreviatedData ?? '').trim().split(/\s+/);
        let last: [number, number] | null = null;
        let start: [number, number] | null = null;
        for (let k = 0; k < d.length; ) {
          const op = d[k];
          const point = (): [number, number] => [(bx ?? 0) + Number(d[k + 1]), height - ((by ?? 0) + Number(d[k + 2]))];
          if (op === 'M' || op === 'S') {
            last = start = point();
            k += 3;
          } else if (op === 'L') {
            const p = point();
            if (last) addSegment(segments, last, p);
            last = p;
            k += 3;
          } else if (op === 'C') {
            last = null;
            k += 1;
            while (k < d.length && !/^[A-Za-z]$/.test(d[k])) k++;
          } else if (op === 'Z' || op === 'z') {
            if (last && start) addSegment(segments, last, start);
            last = start;
            k += 1;
          } else k += 1;
        }
      }
      for (const child of [...asArray(node.PageBlock as Xml[]), ...asArray(node.CompositeObject as Xml[])]) walk(child);
    };
    for (const layer of asArray((page.Content as Xml)?.Layer as Xml[])) walk(layer);
    const { tables, rest } = findTables(segments, runs);
    return { number: i + 1, height, lines: groupLines(rest), tables, glyphOnly };
  });

  const unreadable = pages.filter((p) => p.glyphOnly && p.lines.length === 0 && p.tables.length === 0).map((p) => p.number);
  if (unreadable.length > 0) refuse(`OFD 第 ${unreadable.join(', ')} 页只有字形编号，没有文字 (pages ${unreadable.join(', ')}: glyph numbers only, no text codes)`, 'ofd-glyphs');
  const { text, places, boxes } = layoutPages(pages);
  if (text.trim() === '') refuse('OFD 没有文字 (no text on any page)', 'empty');
  return { text, format: 'ofd', encoding: 'utf-8', meta: {}, places, ...(boxes.length ? { boxes } : {}) };
}

function addSegment(segments: Segment[], a: [number, number], b: [number, number]): void {
  if (Math.abs(a[1] - b[1]) < 0.2) segments.push({ x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: a[1], y1: a[1] });
  else if (Math.abs(a[0] - b[0]) < 0.2) segments.push({ x0: a[0], x1: a[0], y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
}

/** Read the zip directory of an OFD, refusing a damaged one. */
export function openOfd(bytes: Uint8Array, path: string): ZipDirectory {
  try {
    return readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new IngestError(`${path}: OFD 文件已损坏 (corrupt zip: ${error.message})`, path, 'corrupt-ofd');
    throw error;
  }
}
