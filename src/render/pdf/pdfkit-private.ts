// Every use of pdfkit's private parts, in one place (pdfkit is pinned to the version these were read from; see the
// README's dependency notes). PdfWriter sets each line of text by writing the text operators itself and recording
// the glyphs in pdfkit's embedded-font object (its resource id, subset, widths, ToUnicode code points) and in the
// page's font table: pdfkit's `text()` was the largest cost of a build. Those fields are not pdfkit's API, so their
// shape is checked here (the page's font table when this module loads, each embedded font when it is registered);
// when they are missing, PdfWriter sets its text with pdfkit's public `text()` instead: slower, other bytes, the same
// text on the same page.
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
