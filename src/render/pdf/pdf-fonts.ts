// The embedded faces (Noto Serif SC Regular and Bold, Noto Sans SC Medium for 黑体 headings, all OFL 1.1 from npm),
// parsed once per process: each TTF is 10–15 MB and parsing per document costs seconds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
// fontkit's ES module: the copy pdfkit imports (its CommonJS build is a second ~0.5 MB to load).
import { create } from 'fontkit';
import { readSfnt, TrueTypeSubset, type FontSubset, type Sfnt } from './truetype-subset.js';

const require = createRequire(import.meta.url);

/** The part of a fontkit font this module measures with; pdfkit takes the object as it is. */
export interface FontkitFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  glyphForCodePoint(codePoint: number): FontkitGlyph;
  createSubset(): FontSubset;
}

interface FontkitGlyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

export type FaceName = 'regular' | 'bold' | 'sans';

/** The face a template's PDF font choice is drawn with: 'stroked' is the regular face, filled and outlined. */
export function faceOf(pick: FaceName | 'stroked'): FaceName {
  return pick === 'stroked' ? 'regular' : pick;
}

export interface SharedFont {
  readonly name: FaceName;
  /** Draw filled and outlined (synthetic bold): same glyphs as the face, so no second font in the file. */
  readonly stroked?: boolean;
  readonly font: FontkitFont;
  /** The object handed to pdfkit: the same font, with faster subsets where they apply (see `withFastSubsets`). */
  readonly forPdf: FontkitFont;
  /** The glyph for a code point, looked up once per face: fontkit searches the cmap on every call. */
  readonly glyph: (codePoint: number) => FontkitGlyph;
  /** Advance widths in em by character, filled as text is measured (the line breaker's hot path). */
  readonly widths: Map<string, number>;
}

const FILES: Readonly<Record<FaceName, string>> = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  sans: '@expo-google-fonts/noto-sans-sc/500Medium/NotoSansSC_500Medium.ttf',
};

const fonts = new Map<FaceName, SharedFont>();

/**
 * A face, opened on first use with fontkit and shared by every PDF this process writes. Faces a template
 * never asks for are never read (the default templates use all three: serif regular, serif bold, sans).
 */
export function sharedFont(name: FaceName): SharedFont {
  let face = fonts.get(name);
  if (!face) {
    const bytes = readFileSync(require.resolve(FILES[name]));
    const font = create(bytes) as unknown as FontkitFont;
    const sfnt = readSfnt(bytes);
    // fontkit caches one glyph object per id with the code point it was first asked for, and pdfkit's ToUnicode
    // map reads it. Space and NBSP share a glyph: ask for U+0020 first so every document maps it the same way.
    font.glyphForCodePoint(0x20);
    const glyphs = new Map<number, FontkitGlyph>();
    const glyph = (codePoint: number) => {
      let found = glyphs.get(codePoint);
      if (!found) glyphs.set(codePoint, (found = font.glyphForCodePoint(codePoint)));
      return found;
    };
    face = { name, font, forPdf: sfnt ? withFastSubsets(font, sfnt) : font, glyph, widths: new Map() };
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

/** The font with `createSubset` giving a TrueTypeSubset (which hands composite glyphs to fontkit's own subsetter). */
function withFastSubsets(font: FontkitFont, sfnt: Sfnt): FontkitFont {
  const createSubset = () => new TrueTypeSubset(sfnt, () => font.createSubset());
  return new Proxy(font, {
    get: (target, prop, receiver) => (prop === 'createSubset' ? createSubset : Reflect.get(target, prop, receiver)),
  });
}
