// Unit names come from the notice text; they must become file names that work on Windows, macOS and Linux alike.

/** Windows refuses these as a base name, whatever the extension (CON.docx is as bad as CON). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Path separators, Windows-forbidden punctuation and control characters (C0, DEL, C1). */
const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/g;
/** Bidi overrides and zero-width characters let a name look like another one. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Keep well under the 255-byte limit of most file systems, leaving room for a suffix and an extension. */
const MAX_BYTES = 150;

function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > maxBytes) break;
    out += ch;
    bytes += size;
  }
  return out;
}

/**
 * A file base name (no extension) for `name`: 〈〉 become （）, forbidden characters become `_`, dots and spaces are trimmed at the ends
 * (Windows drops trailing ones; a leading dot hides the file), `..` cannot survive, reserved device names get a `_`
 * prefix, the result is NFC and at most 150 UTF-8 bytes. Never empty.
 */
export function safeFileName(name: string): string {
  // 各乡〈街道〉 and desks such as 区发展和改革局〈科技〉 are written with the brackets file names usually carry: （）.
  let base = name.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, '_').replace(/〈/g, '（').replace(/〉/g, '）');
  base = base.replace(/\.{2,}/g, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  base = truncateUtf8(base, MAX_BYTES).replace(/[\s.]+$/g, '');
  if (base === '') base = '_';
  if (RESERVED.test(base.split('.')[0]!)) base = `_${base}`;
  return base;
}

/**
 * Safe base names for a list of names, distinct even where two names sanitise alike or differ only in case
 * (macOS and Windows file systems fold case): later ones get `-2`, `-3`… in input order, so the result is stable.
 */
export function allocateFileNames(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const name of names) {
    if (result.has(name)) continue;
    const base = safeFileName(name);
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}-${n}`;
    taken.add(candidate.toLowerCase());
    result.set(name, candidate);
  }
  return result;
}
