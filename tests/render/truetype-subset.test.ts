// The PDF font subset written from the font file's bytes must be exactly what fontkit's subsetter writes for the same
// glyphs, in the same order; fontkit is the reference here.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { readSfnt, TrueTypeSubset, type FontSubset } from '../../src/render/pdf/truetype-subset.js';

const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf');
const bytes = readFileSync(FONT);
const font = create(bytes) as unknown as {
  createSubset(): FontSubset;
  glyphForCodePoint(cp: number): { id: number };
  numGlyphs: number;
};
const sfnt = readSfnt(bytes)!;
const SAMPLE = readFileSync(new URL('../../input/wulingyuan-2024-ba-da-xing-dong.txt', import.meta.url), 'utf8');

/** The glyphs of `text` in order of first appearance, as a PDF page would add them. */
function glyphsOf(text: string): number[] {
  return [...new Set([...text].map((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id))];
}

function both(ids: readonly number[]): { ours: Uint8Array; fontkit: Uint8Array; mapped: number[] } {
  const ours = new TrueTypeSubset(sfnt, () => font.createSubset());
  const reference = font.createSubset();
  const mapped = ids.map((id) => {
    const a = ours.includeGlyph(id);
    expect(reference.includeGlyph(id)).toBe(a);
    return a;
  });
  return { ours: ours.encode(), fontkit: reference.encode(), mapped };
}

describe('TrueTypeSubset', () => {
  it('reads the bundled face as a static TrueType font', () => {
    expect(sfnt).not.toBeNull();
    expect(sfnt.numberOfHMetrics).toBeLessThan(font.numGlyphs);
  });

  it('writes the bytes fontkit writes for the glyphs of a whole notice, and for parts of it', () => {
    const all = glyphsOf(SAMPLE);
    expect(all.length).toBeGreaterThan(500);
    for (const ids of [all, all.slice(0, 40), all.slice(300).reverse(), glyphsOf('一、总体要求（牵头单位：区发改局）')]) {
      const { ours, fontkit } = both(ids);
      expect(Buffer.from(ours).equals(Buffer.from(fontkit))).toBe(true);
    }
  });

  it('numbers glyphs in order of first use after .notdef, and repeats give the same id', () => {
    const ids = glyphsOf('任务分解');
    const { mapped } = both([...ids, ...ids]);
    expect(mapped).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
  });

  it('handles .notdef alone, a glyph with no outline, and glyphs past the last full horizontal metric', () => {
    const space = font.glyphForCodePoint(0x20).id;
    const tail = [font.numGlyphs - 1, sfnt.numberOfHMetrics, sfnt.numberOfHMetrics - 1];
    for (const ids of [[], [space], tail]) {
      const { ours, fontkit } = both(ids);
      expect(Buffer.from(ours).equals(Buffer.from(fontkit))).toBe(true);
    }
  });

  it('hands a subset holding a composite glyph to the fallback, with the same glyphs in the same order', () => {
    // The bundled face has no composite glyph: mark one as composite (numberOfContours < 0) in a copy of the file.
    const ids = glyphsOf('方案');
    const copy = Uint8Array.from(bytes);
    const patched = readSfnt(copy)!;
    const loca = patched.tables.get('loca')!.offset;
    const glyf = patched.tables.get('glyf')!.offset;
    const start = patched.locaFormat === 1 ? patched.view.getUint32(loca + 4 * ids[1]) : 2 * patched.view.getUint16(loca + 2 * ids[1]);
    copy[glyf + start] = 0xff;
    const received: number[] = [];
    const fallback: FontSubset = { includeGlyph: (id) => received.push(id) - 1, encode: () => new Uint8Array([1, 2, 3]) };
    const subset = new TrueTypeSubset(patched, () => fallback);
    for (const id of ids) subset.includeGlyph(id);
    expect([...subset.encode()]).toEqual([1, 2, 3]);
    expect(received).toEqual([0, ...ids]);
  });

  it('leaves fonts it does not handle to fontkit: CFF outlines, collections, truncated files', () => {
    const cff = Uint8Array.from(bytes.subarray(0, 4096));
    cff.set([0x4f, 0x54, 0x54, 0x4f]); // 'OTTO'
    expect(readSfnt(cff)).toBeNull();
    const collection = Uint8Array.from(bytes.subarray(0, 4096));
    collection.set([0x74, 0x74, 0x63, 0x66]); // 'ttcf'
    expect(readSfnt(collection)).toBeNull();
    expect(readSfnt(bytes.subarray(0, 100))).toBeNull();
    expect(readSfnt(new Uint8Array(8))).toBeNull();
  });
});
