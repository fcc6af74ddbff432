// The font subset embedded in each PDF, written straight from the font file's bytes.
//
// fontkit's TrueType subsetter decodes every glyph it copies and re-encodes every table field by field through its
// generic struct encoder: ~3 ms of each unit sheet, ~0.3 s of a build of the sample. For a static TrueType font
// whose glyphs are all simple, a subset is byte ranges of the file put together: the glyphs' outlines as they are,
// new loca and hmtx tables, and head/hhea/maxp copied with their glyph counts set. This writes exactly the bytes
// fontkit writes (a test holds the two to that); anything else (CFF outlines, font variations, composite glyphs,
// whose component ids must be renumbered) goes to fontkit's own subsetter.

/** What pdfkit uses of a subset: `includeGlyph` while text is set, `encode` when the font is embedded. */
export interface FontSubset {
  /** The glyph's id in the subset, adding it on first use (glyph 0, .notdef, is always first). */
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
  /** pdfkit embeds the subset as CFF when this is set (never, here). */
  readonly cff?: unknown;
}

/** A static TrueType font's tables as byte ranges of its file, read once per face. */
export interface Sfnt {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly tables: ReadonlyMap<string, { readonly offset: number; readonly length: number }>;
  /** head.indexToLocFormat: 0 = loca offsets are uint16 halves, 1 = uint32. */
  readonly locaFormat: 0 | 1;
  readonly numberOfHMetrics: number;
}

const table = (sfnt: Sfnt, tag: string) => sfnt.tables.get(tag);

/**
 * The table directory of a TrueType font file, or null when the fast subset does not apply: a collection, CFF
 * outlines, or a variable font (its outlines would need the variation applied).
 */
export function readSfnt(bytes: Uint8Array): Sfnt | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12) return null;
  const version = view.getUint32(0);
  // 0x00010000 or 'true' (Apple): TrueType outlines.
  if (version !== 0x00010000 && version !== 0x74727565) return null;
  const tables = new Map<string, { offset: number; length: number }>();
  const count = view.getUint16(4);
  if (bytes.length < 12 + 16 * count) return null;
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > bytes.length) return null;
    tables.set(tag, { offset, length });
  }
  for (const tag of ['head', 'hhea', 'maxp', 'loca', 'glyf', 'hmtx']) if (!tables.has(tag)) return null;
  if (tables.has('CFF ') || tables.has('fvar') || tables.has('gvar')) return null;
  const head = tables.get('head')!;
  const hhea = tables.get('hhea')!;
  if (head.length < 54 || hhea.length < 36 || tables.get('maxp')!.length < 32) return null;
  const locaFormat = view.getInt16(head.offset + 50);
  if (locaFormat !== 0 && locaFormat !== 1) return null;
  return { bytes, view, tables, locaFormat, numberOfHMetrics: view.getUint16(hhea.offset + 34) };
}

/** The outline bytes of a glyph (empty for a glyph with no outline, such as the space). */
function glyphData(sfnt: Sfnt, id: number): Uint8Array {
  const loca = table(sfnt, 'loca')!.offset;
  const [start, end] =
    sfnt.locaFormat === 0
      ? [2 * sfnt.view.getUint16(loca + 2 * id), 2 * sfnt.view.getUint16(loca + 2 * id + 2)]
      : [sfnt.view.getUint32(loca + 4 * id), sfnt.view.getUint32(loca + 4 * id + 4)];
  const glyf = table(sfnt, 'glyf')!.offset;
  return sfnt.bytes.subarray(glyf + start, glyf + Math.max(start, end));
}

/** A glyph's advance width and left side bearing as stored in hmtx (4 bytes, big-endian). */
function writeMetrics(sfnt: Sfnt, id: number, out: DataView, at: number): void {
  const hmtx = table(sfnt, 'hmtx')!.offset;
  const n = sfnt.numberOfHMetrics;
  if (id < n) {
    out.setUint32(at, sfnt.view.getUint32(hmtx + 4 * id));
  } else {
    // Glyphs past the last full metric share its advance and keep only their bearing.
    out.setUint16(at, sfnt.view.getUint16(hmtx + 4 * (n - 1)));
    out.setInt16(at + 2, sfnt.view.getInt16(hmtx + 4 * n + 2 * (id - n)));
  }
}

export class TrueTypeSubset implements FontSubset {
  private readonly glyphs: number[] = [];
  private readonly mapping = new Map<number, number>();

  /** `fallback` makes fontkit's subsetter, used when a glyph in the subset is composite. */
  constructor(
    private readonly sfnt: Sfnt,
    private readonly fallback: () => FontSubset,
  ) {
    this.includeGlyph(0);
  }

  includeGlyph(glyphId: number): number {
    let id = this.mapping.get(glyphId);
    if (id === undefined) {
      id = this.glyphs.length;
      this.glyphs.push(glyphId);
      this.mapping.set(glyphId, id);
    }
    return id;
  }

  encode(): Uint8Array {
    const { sfnt } = this;
    const outlines = this.glyphs.map((id) => glyphData(sfnt, id));
    // numberOfContours < 0: a composite glyph, whose component ids fontkit renumbers (adding the components).
    if (outlines.some((g) => g.length >= 2 && (g[0] & 0x80) !== 0)) {
      const subset = this.fallback();
      for (const id of this.glyphs) subset.includeGlyph(id);
      return subset.encode();
    }
    const count = this.glyphs.length;
    const glyfLength = outlines.reduce((n, g) => n + g.length, 0);
    const locaEntry = sfnt.locaFormat === 0 ? 2 : 4;
    const copied = (tag: string) => {
      const t = table(sfnt, tag);
      return t ? sfnt.bytes.subarray(t.offset, t.offset + t.length) : undefined;
    };
    // fontkit's table set and order (the PDF needs no name, cmap, OS/2 or post); hinting tables only when present.
    const parts: Array<[string, number]> = [
      ['head', 54],
      ['hhea', 36],
      ['loca', (count + 1) * locaEntry],
      ['maxp', 32],
      ['cvt ', table(sfnt, 'cvt ')?.length ?? -1],
      ['prep', table(sfnt, 'prep')?.length ?? -1],
      ['glyf', glyfLength],
      ['hmtx', 4 * count],
      ['fpgm', table(sfnt, 'fpgm')?.length ?? -1],
    ];
    const present = parts.filter(([, length]) => length >= 0);
    const directory = 12 + 16 * present.length;
    const out = new Uint8Array(directory + present.reduce((n, [, length]) => n + length, 0));
    const view = new DataView(out.buffer);

    // The directory as fontkit writes it: version 'true', checksums left 0 (PDF readers do not check them).
    view.setUint32(0, 0x74727565);
    view.setUint16(4, present.length);
    const power = 2 ** Math.floor(Math.log2(present.length));
    view.setUint16(6, power * 16);
    view.setUint16(8, Math.log2(power));
    view.setUint16(10, present.length * 16 - power * 16);
    let at = directory;
    present.forEach(([tag, length], i) => {
      const entry = 12 + 16 * i;
      for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
      view.setUint32(entry + 8, at);
      view.setUint32(entry + 12, length);
      const start = at;
      at += length;
      switch (tag) {
        case 'head':
          out.set(copied('head')!.subarray(0, 54), start);
          return;
        case 'hhea':
          out.set(copied('hhea')!.subarray(0, 36), start);
          view.setUint16(start + 34, count);
          return;
        case 'maxp':
          out.set(copied('maxp')!.subarray(0, 32), start);
          view.setUint16(start + 4, count);
          return;
        case 'loca': {
          let offset = 0;
          for (let g = 0; g <= count; g++) {
            if (locaEntry === 2) view.setUint16(start + 2 * g, offset >>> 1);
            else view.setUint32(start + 4 * g, offset);
            offset += g < count ? outlines[g].length : 0;
          }
          return;
        }
        case 'glyf': {
          let offset = start;
          for (const g of outlines) {
            out.set(g, offset);
            offset += g.length;
          }
          return;
        }
        case 'hmtx':
          this.glyphs.forEach((id, g) => writeMetrics(sfnt, id, view, start + 4 * g));
          return;
        default:
          out.set(copied(tag)!, start);
      }
    });
    return out;
  }
}
