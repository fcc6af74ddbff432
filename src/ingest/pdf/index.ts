// PDF with a text layer (as WPS, Word and LibreOffice export it) → one source text, through pdf.js (legacy build,
// runs in Node without a canvas). Per page: the text runs and the drawing operations; runs become lines in reading
// order, ruled tables become TAB-separated rows, running headers, footers and page numbers are dropped, and lines the
// layout wrapped are joined again. Every stretch of text keeps its page (Ingested.places). Pages whose text is
// garbage (glyphs without a Unicode map) or missing (a scan) make the whole file refused, naming the pages.
// Nothing is fetched: the bytes are handed to pdf.js, and its character maps come from the installed package.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { IngestError, type Ingested } from '../types.js';
import { GAP, groupLines, type Line, type Run } from './layout.js';
import { layoutPages } from './pages.js';
import { judgePage, type PageQuality } from './quality.js';
import { findTables, type Segment, type Table } from './tables.js';

/** Pages beyond this are not read (a notice has tens; the limit bounds the time a hostile file can take). */
export const MAX_PDF_PAGES = 2000;

export interface PdfOptions {
  /** Read pages without text by OCR (see ocr.ts) (default: false). */
  readonly ocr?: boolean;
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
    const { text, places } = layoutPages(pages);
    return { text, format: 'pdf', encoding: 'utf-8', meta: {}, places };
  } finally {
    await doc.destroy();
  }
}

type Ops = PdfJs['OPS'];
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

async function readPage(page: PdfPage, number: number, OPS: Ops): Promise<Page> {
  const [content, operators] = await Promise.all([page.getTextContent({ disableNormalization: true }), page.getOperatorList()]);
  const { glyphs, segments, images } = walkOperators(operators.fnArray, operators.argsArray, OPS);
  const runs = alignSpaces(content.items as Array<{ str?: string; transform?: number[]; width?: number }>, glyphs);
  const [, , , top] = page.view;
  const height = top - page.view[1];
  const { tables, rest } = findTables(segments, runs);
  const lines = groupLines(rest);
  const text = [...lines.map((l) => l.text), ...tables.flatMap((t) => t.rows.flat())].join('');
  return { number, height, lines, tables, quality: judgePage(text, images) };
}

/** What the drawing operations give: the glyphs shown (in content order, real spaces included), ruling lines, images. */
function walkOperators(fnArray: readonly number[], argsArray: readonly unknown[], OPS: Ops): { glyphs: string[]; segments: Segment[]; images: number } {
  const glyphs: string[] = [];
  const segments: Segment[] = [];
  let images = 0;
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const apply = (m: readonly number[], x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  const multiply = (m: readonly number[], n: readonly number[]): number[] => [
    n[0] * m[0] + n[1] * m[2],
    n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2],
    n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4],
    n[4] * m[1] + n[5] * m[3] + m[5],
  ];
  const addSegment = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) < 0.5) segments.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
    else if (Math.abs(ax - bx) < 0.5) segments.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.showText || fn === OPS.showSpacedText) {
      for (const g of (args?.[0] as unknown[]) ?? []) {
        if (g && typeof g === 'object' && 'unicode' in g) glyphs.push(...String((g as { unicode: string }).unicode));
      }
    } else if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as number[]);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.paintImageXObjectRepeat) images++;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as Array<ArrayLike<number> | null>)?.[0];
      if (!data || paint === OPS.endPath) continue; // clipping paths draw nothing
      const filled = paint === OPS.fill || paint === OPS.eoFill;
      // Path data: 0 moveTo x y, 1 lineTo x y, 2 curveTo (6), 3 quadraticCurveTo (4), 4 closePath.
      const points: Array<[number, number]> = [];
      let subpathStart: [number, number] | null = null;
      const flush = () => {
        if (filled) {
          // A thin filled rectangle is a ruling; a large one is shading.
          if (points.length >= 4) {
            const xs = points.map((p) => p[0]);
            const ys = points.map((p) => p[1]);
            const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
            if (y1 - y0 <= 2 && x1 - x0 > 2) segments.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
            else if (x1 - x0 <= 2 && y1 - y0 > 2) segments.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
          }
        } else for (let k = 1; k < points.length; k++) addSegment(...points[k - 1], ...points[k]);
        points.length = 0;
      };
      for (let k = 0; k < data.length; ) {
        const op = data[k];
        if (op === 0) {
          flush();
          subpathStart = apply(ctm, data[k + 1], data[k + 2]);
          points.push(subpathStart);
          k += 3;
        } else if (op === 1) {
          points.push(apply(ctm, data[k + 1], data[k + 2]));
          k += 3;
        } else if (op === 2) {
          flush();
          k += 7;
        } else if (op === 3) {
          flush();
          k += 5;
        } else {
          if (subpathStart && !filled) points.push(subpathStart);
          flush();
          k += 1;
        }
      }
      flush();
    }
  }
  return { glyphs, segments, images };
}

/**
 * pdf.js's text runs, with each space it guessed from a gap (not a space glyph of the content stream) marked GAP.
 * Runs and glyphs come in the same content order, so one pass matches them; runs in other directions are skipped.
 */
function alignSpaces(items: ReadonlyArray<{ str?: string; transform?: number[]; width?: number }>, glyphs: readonly string[]): Run[] {
  const runs: Run[] = [];
  let g = 0;
  const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
  for (const item of items) {
    if (typeof item.str !== 'string' || !item.transform) continue;
    let str = '';
    for (const ch of item.str) {
      if (ch === ' ') {
        if (isSpace(glyphs[g])) {
          str += glyphs[g] === '\u00a0' || glyphs[g] === '\u3000' ? glyphs[g] : ' ';
          while (isSpace(glyphs[g])) g++;
        } else str += GAP;
        continue;
      }
      while (isSpace(glyphs[g])) g++;
      if (glyphs[g] === ch) g++;
      else {
        const ahead = glyphs.indexOf(ch, g + 1);
        if (ahead > 0 && ahead - g <= 16) g = ahead + 1;
      }
      // A control character is no text (a glyph number read as a character code): kept as U+FFFD for the quality check.
      str += /[\u0000-\u001f\u007f]/.test(ch) ? '\ufffd' : ch;
    }
    const [a, b, c, d, e, f] = item.transform;
    if (Math.abs(b) > 0.05 * Math.abs(a) || Math.abs(c) > 0.05 * Math.abs(d) || a <= 0) continue; // rotated text: watermarks, stamps
    const width = item.width ?? 0;
    // A run of white space only stands for the gap it spans: a space in it is at the gap's far end.
    const blank = str.replaceAll(GAP, ' ').trim() === '';
    runs.push({ str, x: blank ? e + Math.max(0, width - 0.01) : e, y: f, width: blank ? 0 : width, size: Math.abs(d) || Math.abs(a) });
  }
  return runs;
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
