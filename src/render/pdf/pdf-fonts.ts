// The two Noto Serif SC faces, parsed once per process: each TTF is ~15 MB and parsing per document costs seconds.
import { createRequire } from 'node:module';
// fontkit's ES module: the copy pdfkit imports (its CommonJS build is a second ~0.5 MB to load).
import { openSync } from 'fontkit';

const require = createRequire(import.meta.url);

/** The part of a fontkit font this module measures with; pdfkit takes the object as it is. */
export interface FontkitFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
}

interface FontkitGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

export type FaceName = 'regular' | 'bold';

export interface SharedFont {
  readonly name: FaceName;
  /** Draw filled and outlined (synthetic bold): same glyphs as the face, so no second font in the file. */
  readonly stroked?: boolean;
  readonly font: FontkitFont;
  /** The object handed to pdfkit: the same font, its glyphs' outlines decoded once (see `withMemoisedOutlines`). */
  readonly forPdf: FontkitFont;
  /** The glyph for a code point, looked up once per face: fontkit searches the cmap on every call. */
  readonly glyph: (codePoint: number) => FontkitGlyph;
  /** Advance widths in em by character, filled as text is measured (the line breaker's hot path). */
  readonly widths: Map<string, number>;
}

const FILES: Readonly<Record<FaceName, string>> = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
};

const fonts = new Map<FaceName, SharedFont>();

/**
 * A face, opened on first use with fontkit.openSync and shared by every PDF this process writes. Faces a template
 * never asks for are never read (the default templates use only the regular face).
 */
export function sharedFont(name: FaceName): SharedFont {
  let face = fonts.get(name);
  if (!face) {
    const font = openSync(require.resolve(FILES[name])) as unknown as FontkitFont;
    // fontkit caches one glyph object per id with the code point it was first asked for, and pdfkit's ToUnicode
    // map reads it. Space and NBSP share a glyph: ask for U+0020 first so every document maps it the same way.
    font.glyphForCodePoint(0x20);
    const glyphs = new Map<number, FontkitGlyph>();
    const glyph = (codePoint: number) => {
      let found = glyphs.get(codePoint);
      if (!found) glyphs.set(codePoint, (found = font.glyphForCodePoint(codePoint)));
      return found;
    };
    face = { name, font, forPdf: withMemoisedOutlines(font), glyph, widths: new Map() };
    fonts.set(name, face);
  }
  return face;
}

/** Width of one character in em; characters the font lacks measure as the fallback glyph pdfkit will draw. */
export function charWidth(face: SharedFont, ch: string): number {
  let w = face.widths.get(ch);
  if (w === undefined) {
    w = face.glyph(ch.codePointAt(0)!).advanceWidth / face.font.unitsPerEm;
    face.widths.set(ch, w);
  }
  return w;
}

/**
 * The font as handed to pdfkit: glyphs keep their decoded outline (see `memoiseDecode`). Text never goes through
 * pdfkit's layout (PdfWriter records glyphs itself), so its OpenType shaping is never run.
 */
function withMemoisedOutlines(font: FontkitFont): FontkitFont {
  const getGlyph = (id: number, codePoints?: number[]) => memoiseDecode((font as unknown as GlyphSource).getGlyph(id, codePoints));
  return new Proxy(font, {
    get: (target, prop, receiver) => (prop === 'getGlyph' ? getGlyph : Reflect.get(target, prop, receiver)),
  });
}

interface GlyphSource {
  getGlyph(id: number, codePoints?: number[]): DecodableGlyph;
}

interface DecodableGlyph {
  _decode(): unknown;
  fenjieDecoded?: true;
}

/**
 * Subsetting decodes every glyph it copies, in every document; fontkit keeps glyph objects per font but not their
 * decoded outline, which was the largest cost of a unit sheet. The decoded header is only read, so it is kept.
 */
function memoiseDecode(glyph: DecodableGlyph): DecodableGlyph {
  if (glyph && !glyph.fenjieDecoded) {
    const decode = glyph._decode.bind(glyph);
    let decoded: unknown;
    let done = false;
    glyph._decode = () => {
      if (!done) {
        decoded = decode();
        done = true;
      }
      return decoded;
    };
    glyph.fenjieDecoded = true;
  }
  return glyph;
}
