// Is a page's text real text? A font without a ToUnicode map gives private-use or unmapped code points (or
// Latin-1 look-alikes of the glyph numbers); a scan gives no text and an image. Such pages must never reach
// extraction: the file is refused, naming them.

export type PageQuality = 'text' | 'garbled' | 'scanned' | 'blank';

/** Private use, replacement character, controls, unassigned-looking C1 range. */
const BAD = /[\ue000-\uf8ff\ufffd\u0000-\u0008\u000e-\u001f\u007f-\u009f]|[\udb80-\udbff][\udc00-\udfff]/g;
/** Latin-1 to Arabic letters: in a Chinese notice, a run of these is glyph numbers read as characters. */
const LATIN_LOOKALIKE = /[\u00c0-\u06ff]/g;
const CJK = /[\u3400-\u9fff]/g;

export function judgePage(text: string, images: number): PageQuality {
  const visible = text.replace(/[\s\u0001]+/g, '');
  if (visible.length < 8) return images > 0 ? 'scanned' : visible.length === 0 ? 'blank' : 'text';
  const bad = visible.match(BAD)?.length ?? 0;
  const lookalike = visible.match(LATIN_LOOKALIKE)?.length ?? 0;
  const cjk = visible.match(CJK)?.length ?? 0;
  if (bad > visible.length * 0.05) return 'garbled';
  if (lookalike > visible.length * 0.2 && lookalike > cjk) return 'garbled';
  return 'text';
}
