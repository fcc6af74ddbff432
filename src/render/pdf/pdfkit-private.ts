// Every use of pdfkit's private parts, in one place (pdfkit is pinned to the version these were read from; see the
// README's dependency notes). PdfWriter sets each line of text by writing the text operators itself and recording
// the glyphs in pdfkit's embedded-font object (its resource id, subset, widths, ToUnicode code points) and in the
// page's font table: pdfkit's `text()` was the largest cost of a build; and streams are written through pdfkit's
// stream objects (`writeStreamsFast`). Those fields are not pdfkit's API, so their
// shape is checked here (the page's font table when this module loads, each embedded font when it is registered);
// when they are missing, PdfWriter sets its text with pdfkit's public `text()` instead: slower, other bytes, the same
// text on the same page.
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/**
 * The part of pdfkit's EmbeddedFont that text is set through: its resource id, the subset it fills, and the widths
 * and code points it writes into the font's W array and ToUnicode map when the document ends.
 */
export interface EmbeddedFont {
  readonly id: string;
  readonly subset: { includeGlyph(glyphId: number): number };
  readonly widths: (number | undefined)[];
  readonly unicode: (readonly number[] | undefined)[];
  readonly scale: number;
  ref(): unknown;
}

interface PrivatePage {
  readonly height: number;
  readonly fonts: Record<string, unknown>;
}

/** FENJIE_PDF_PUBLIC_TEXT=1 sets all text through pdfkit's public API (a way out, and how the fallback is tested). */
const forcedPublic = process.env.FENJIE_PDF_PUBLIC_TEXT === '1';

/** A document's current page has a font table (an object of resource id → font reference). */
function pageHasFontTable(doc: PDFKit.PDFDocument): boolean {
  const page = (doc as unknown as { page?: Partial<PrivatePage> }).page;
  return typeof page?.fonts === 'object' && page.fonts !== null && typeof page.height === 'number';
}

/** Checked once, on a document with no font (cheap: no font is parsed). */
const pageShapeOk = (() => {
  try {
    return pageHasFontTable(new PDFDocument({ font: null as unknown as string }));
  } catch {
    return false;
  }
})();

/** Whether this pdfkit has the private parts PdfWriter sets text through (false: it uses pdfkit's `text()`). */
export const privateTextAvailable = !forcedPublic && pageShapeOk;

function isEmbeddedFont(font: unknown): font is EmbeddedFont {
  const f = font as Partial<EmbeddedFont> | null | undefined;
  return (
    typeof f?.id === 'string' &&
    typeof f.subset?.includeGlyph === 'function' &&
    Array.isArray(f.widths) &&
    Array.isArray(f.unicode) &&
    typeof f.scale === 'number' &&
    typeof f.ref === 'function'
  );
}

/**
 * pdfkit's font object for the font just selected with `doc.font(name)`, or null when text must go through
 * pdfkit's public API (its shape is not the one this module knows, or the public route is forced).
 */
export function selectedEmbeddedFont(doc: PDFKit.PDFDocument): EmbeddedFont | null {
  if (!privateTextAvailable) return null;
  const font = (doc as unknown as { _font?: unknown })._font;
  return isEmbeddedFont(font) ? font : null;
}

/** The current page, with its font table: a font used on a page must be listed in it (as pdfkit's `text()` does). */
export function pageUsing(doc: PDFKit.PDFDocument, font: EmbeddedFont): PrivatePage {
  const page = (doc as unknown as { page: PrivatePage }).page;
  page.fonts[font.id] ??= font.ref();
  return page;
}

/** The part of pdfkit's stream objects (PDFReference) that `writeStreamsFast` uses. */
interface StreamRef {
  compress: boolean;
  readonly data: Record<string, unknown>;
  write(chunk: Uint8Array | string): void;
  end(chunk?: Uint8Array | string): void;
}

function isStreamRef(ref: unknown): ref is StreamRef {
  const r = ref as Partial<StreamRef> | null | undefined;
  return typeof r?.compress === 'boolean' && typeof r.data === 'object' && typeof r.write === 'function' && typeof r.end === 'function';
}

/**
 * How pdfkit writes streams, made cheaper with the same PDF objects. pdfkit turns every chunk written to a stream
 * into bytes one character at a time (each line of a page's content is a chunk) and deflates at zlib's default level,
 * with no setting for either; that was ~0.5 s of a build of the sample, most of it the font subsets. Here a stream's
 * chunks are kept as written and turned into bytes once, natively, when it ends; it is deflated at level 1 (~40% of
 * the time of the default level for ~4% more bytes) with zlib's largest hash table (memLevel 9: ~10% faster again)
 * and handed to pdfkit already named FlateDecode, which pdfkit leaves alone, as it does for its own metadata stream.
 * A text chunk gets the newline pdfkit's own `write` adds. Re-check on pdfkit upgrades (the render tests read every
 * PDF back). Measured again after subsets came as bytes: still ~3–6% of the CPU of the sample's PDFs (5 runs
 * alternated, one thread: 1.30 s against 1.34 s CPU, 1.32 against 1.40 s wall).
 */
export function writeStreamsFast(doc: PDFKit.PDFDocument): void {
  const pdf = doc as unknown as { ref?: (data?: Record<string, unknown>) => unknown };
  // Not this shape: pdfkit writes its streams its own way (other bytes, the same PDF).
  if (!privateTextAvailable || typeof pdf.ref !== 'function') return;
  const ref = pdf.ref.bind(pdf);
  pdf.ref = (data) => {
    const stream = ref(data);
    if (!isStreamRef(stream) || !stream.compress) return stream;
    const chunks: (Uint8Array | string)[] = [];
    const end = stream.end.bind(stream);
    stream.write = (chunk) => void chunks.push(typeof chunk === 'string' ? `${chunk}\n` : chunk);
    stream.end = (chunk) => {
      if (chunk) stream.write(chunk);
      // pdfkit's own write again, for what finalising writes.
      delete (stream as Partial<StreamRef>).write;
      if (chunks.length === 0) return end();
      const bytes = chunks.every((c) => typeof c === 'string')
        ? Buffer.from(chunks.join(''), 'latin1')
        : Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c)));
      stream.compress = false;
      stream.data.Filter = 'FlateDecode';
      end(deflateSync(bytes, { level: 1, memLevel: 9 }));
    };
    return stream;
  };
}
