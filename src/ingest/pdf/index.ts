// PDF with a text layer (as WPS, Word and LibreOffice export it) → one source text, through pdf.js (legacy build,
// runs in Node without a canvas). Per page: the drawing operations (operators.ts: glyphs placed, rulings); runs become lines in reading
// order, ruled tables become TAB-separated rows, running headers, footers and page numbers are dropped, and lines the
// layout wrapped are joined again. Every stretch of text keeps its page (Ingested.places). Pages whose text is
// garbage (glyphs without a Unicode map) or missing (a scan) make the whole file refused, naming the pages.
// Nothing is fetched: the bytes are handed to pdf.js, and its character maps come from the installed package.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IngestError, type Ingested } from '../types.js';
import { groupLines, type Line } from './layout.js';
import { readDrawing } from './operators.js';
import { checkStreams } from './streams.js';
import { layoutPages } from './pages.js';
import { judgePage, type PageQuality } from './quality.js';
import { findTables, type Table } from './tables.js';

/** Pages beyond this are not read (a notice has tens; the limit bounds the time a hostile file can take). */
export const MAX_PDF_PAGES = 2000;

export interface PdfOptions {
  /** Read pages without text by OCR (see ocr.ts) (default: false). */
  readonly ocr?: boolean;
  /** A stream may inflate to at most this many bytes (default: MAX_STREAM_BYTES, see streams.ts). */
  readonly maxStreamBytes?: number;
}

interface Page {
  readonly number: number;
  readonly height: number;
  readonly lines: Line[];
  readonly tables: Table[];
  readonly quality: PageQuality;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const packageDir = (): string => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export async function ingestPdf(bytes: Uint8Array, path: string, options: PdfOptions = {}): Promise<Ingested> {
  const { over } = checkStreams(bytes, options.maxStreamBytes);
  if (over) {
    const mb = (over.limit / 2 ** 20).toFixed(0);
    throw new IngestError(`${path}: PDF 中的数据流解压后超过 ${mb} MB (a stream at byte ${over.offset} inflates past ${mb} MB: refused before reading)`, path, 'pdf-too-large');
  }
  const { getDocument, OPS } = await loadPdfJs();
  const root = packageDir();
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    const name = (error as Error)?.name;
    if (name === 'PasswordException') throw new IngestError(`${path}: PDF 已加密，需要密码 (encrypted PDF: it needs a password; save an unprotected copy)`, path, 'encrypted-pdf');
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    throw new IngestError(`${path}: PDF 文件已损坏，无法读取 (corrupt PDF: ${reason})`, path, 'corrupt-pdf');
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new IngestError(`${path}: PDF 共 ${doc.numPages} 页，超过上限 ${MAX_PDF_PAGES} 页 (too many pages)`, path, 'pdf-too-large');
    }
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      try {
        pages.push(await readPage(page, n, OPS));
      } catch (error) {
        if (error instanceof IngestError) throw error;
        const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
        throw new IngestError(`${path}: PDF 第 ${n} 页无法读取 (page ${n}: ${reason})`, path, 'corrupt-pdf');
      } finally {
        page.cleanup();
      }
    }
    refuseUnreadable(pages, path, options);
    const scanned = pages.filter((p) => p.quality === 'scanned').map((p) => p.number);
    const read = scanned.length > 0 ? await (await import('./ocr.js')).ocrPages(bytes, scanned, path) : new Map<number, string[]>();
    const laidOut = pages.map((p) => {
      const lines = read.get(p.number);
      if (!lines) return p;
      // OCR lines have no geometry worth using: each its own paragraph, top to bottom.
      return { ...p, ocr: true, lines: lines.map((text, k) => ({ text, x0: 0, x1: 0, y: p.height - k, size: 0.5 })), tables: [] };
    });
    const { text, places, boxes } = layoutPages(laidOut);
    const ocr = places.filter((p) => read.has(p.page ?? 0));
    return { text, format: 'pdf', encoding: 'utf-8', meta: {}, places, ...(boxes.length ? { boxes } : {}), ...(ocr.length ? { ocr, warnings: [`第 ${[...read.keys()].join(', ')} 页由 OCR 识别，数字须逐一核对 (pages ${[...read.keys()].join(', ')} read by OCR: check every figure)`] } : {}) };
  } finally {
    await doc.destroy();
  }
}

type Ops = PdfJs['OPS'];
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

async function readPage(page: PdfPage, number: number, OPS: Ops): Promise<Page> {
  const operators = await page.getOperatorList();
  const fontMatrix = (name: string) => {
    try {
      return page.commonObjs.has(name) ? ((page.commonObjs.get(name) as { fontMatrix?: number[] })?.fontMatrix ?? undefined) : undefined;
    } catch {
      return undefined;
    }
  };
  const { runs, segments, images } = readDrawing(operators.fnArray, operators.argsArray, OPS, fontMatrix);
  const [, bottom, , top] = page.view;
  const { tables, rest } = findTables(segments, runs);
  const lines = groupLines(rest);
  const text = [...lines.map((l) => l.text), ...tables.flatMap((t) => t.rows.flat())].join('');
  return { number, height: top - bottom, lines, tables, quality: judgePage(text, images) };
}

function refuseUnreadable(pages: readonly Page[], path: string, options: PdfOptions): void {
  const list = (ns: number[]) => (ns.length > 8 ? `${ns.slice(0, 8).join(', ')} …(${ns.length})` : ns.join(', '));
  const pagesEn = (ns: number[]) => `${ns.length === 1 ? 'page' : 'pages'} ${list(ns)}`;
  const garbled = pages.filter((p) => p.quality === 'garbled').map((p) => p.number);
  if (garbled.length > 0) {
    throw new IngestError(
      `${path}: PDF 第 ${list(garbled)} 页的文字无法识别（字体缺少 Unicode 映射）(${pagesEn(garbled)}: the text is garbage — fonts without a ToUnicode map; export the PDF again with fonts embedded, or use the .docx/.wps)`,
      path,
      'pdf-garbled',
    );
  }
  const scanned = pages.filter((p) => p.quality === 'scanned').map((p) => p.number);
  const withText = pages.filter((p) => p.quality === 'text').length;
  if (scanned.length > 0 && !options.ocr) {
    const what = withText === 0 ? 'PDF 没有文字层，是扫描件 (no text layer: a scanned notice' : `PDF 第 ${list(scanned)} 页是扫描图像，没有文字 (${pagesEn(scanned)}: scanned images without text`;
    throw new IngestError(`${path}: ${what}; it needs OCR: --ocr with Debian's tesseract-ocr-chi-sim, or the text version of the notice)`, path, 'pdf-scanned');
  }
  if (withText === 0 && scanned.length === 0) throw new IngestError(`${path}: PDF 没有文字 (no text on any page)`, path, 'empty');
}
