// Bytes → string. Order: byte-order mark, then a declared charset (HTML <meta>), then strict UTF-8, then mostly
// UTF-8 (a stray byte or a pasted GBK line in a UTF-8 file), then chardet.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { IngestNote } from './types.js';

/** How the encoding was chosen. */
export type EncodingSource = 'bom' | 'declared' | 'utf-8-valid' | 'detected';

export interface Decoded {
  readonly text: string;
  /** e.g. utf-8, utf-8-bom, utf-16le, gb18030, big5 */
  readonly encoding: string;
  readonly source: EncodingSource;
  /** Set when a declared charset was overruled by the bytes, or when some lines were not valid UTF-8. */
  readonly warning?: string;
  /** Where lines that were not valid UTF-8 are in `text`, and how each was read (mostly-UTF-8 files only). */
  readonly notes?: readonly IngestNote[];
}

/** GBK, GB2312 and their aliases are read as their superset GB18030; returns null for unknown labels. */
export function canonicalEncoding(label: string): string | null {
  const name = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(?:utf-?8|unicode-1-1-utf-8)$/.test(name)) return 'utf-8';
  if (/^(?:gb2312|gbk|x-gbk|gb_2312-80|gb18030|cp936|ms936|windows-936|csgb2312|chinese|iso-ir-58|euc-cn|x-euc-cn)$/.test(name)) return 'gb18030';
  if (/^(?:big5|big5-hkscs|cn-big5|x-x-big5|csbig5|cp950)$/.test(name)) return 'big5';
  if (/^utf-?16(?:le)?$/.test(name)) return 'utf-16le';
  if (/^utf-?16be$/.test(name)) return 'utf-16be';
  return iconv.encodingExists(name) ? name : null;
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8-bom', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return new TextDecoder('utf-8').decode(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return new TextDecoder(encoding).decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/**
 * Decode bytes. `declared` is a charset label found in the document itself (HTML <meta>); a BOM beats it,
 * and so do bytes that are valid UTF-8 with non-ASCII content when the label says otherwise (re-saved pages).
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  const bom = bomOf(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: 'bom' };

  const utf8 = strictUtf8(bytes);
  const label = declared ? canonicalEncoding(declared) : null;
  if (declared && label && label !== 'utf-8' && !label.startsWith('utf-16')) {
    // GBK text is almost never valid UTF-8 once it holds a few Chinese characters.
    if (utf8 !== null && /[\u4e00-\u9fff]{4}/.test(utf8)) {
      return { text: utf8, encoding: 'utf-8', source: 'utf-8-valid', warning: `declared charset ${declared} ignored: the bytes are valid UTF-8` };
    }
    return { text: decodeAs(bytes, label), encoding: label, source: 'declared' };
  }
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8', source: label === 'utf-8' ? 'declared' : 'utf-8-valid' };
  const mixed = mostlyUtf8(bytes);
  if (mixed) return mixed;

  const guess = (chardet.detect(bytes) ?? 'GB18030').toLowerCase();
  // Notices are Chinese: any guess but Big5 (windows-1252, EUC-KR, Shift_JIS on short inputs) means GB18030.
  const detected = guess.includes('big5') ? 'big5' : 'gb18030';
  const warning = declared ? `declared charset ${declared} does not fit the bytes; decoded as ${detected}` : undefined;
  return { text: decodeAs(bytes, detected), encoding: detected, source: 'detected', ...(warning ? { warning } : {}) };
}

/** Lines told about one by one; past this, one note says how many more there were. */
const MAX_NOTES = 20;

/**
 * Bytes that are valid UTF-8 but for a few stretches: decoded as UTF-8, each bad line either read as GB18030 (a
 * line pasted from a GBK file decodes there without a fault) or kept with U+FFFD for each invalid sequence, with a
 * note at its place. Null when the file is not mostly UTF-8: fewer than twice as many good multi-byte characters as
 * bad sequences (GBK text decoded as UTF-8 is nearly all bad sequences).
 */
function mostlyUtf8(bytes: Uint8Array): Decoded | null {
  const loose = new TextDecoder('utf-8').decode(bytes);
  let bad = 0;
  let good = 0;
  for (let i = 0; i < loose.length; i++) {
    const c = loose.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80 && !(c >= 0xdc00 && c <= 0xdfff)) good++;
  }
  if (bad === 0 || good < 2 * bad) return null;
  // Lines of the text and of the bytes match one to one: 0x0A is never part of a UTF-8 sequence, valid or not.
  const lines = loose.split('\n');
  const notes: IngestNote[] = [];
  let offset = 0;
  let byte = 0;
  let faulty = 0;
  let asGb = 0;
  const out: string[] = [];
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n];
    const end = n + 1 < lines.length ? bytes.indexOf(0x0a, byte) : bytes.length;
    if (line.includes('\ufffd') && !validUtf8(bytes.subarray(byte, end))) {
      faulty++;
      const gb = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + byte, end - byte), 'gb18030');
      const invalid = (line.match(/\ufffd/g) ?? []).length;
      const readAsGb = !gb.includes('\ufffd') && invalid * 2 > countWide(line);
      if (readAsGb) {
        line = gb;
        asGb++;
      }
      if (notes.length < MAX_NOTES) {
        const message = readAsGb
          ? `line ${n + 1} is not UTF-8 like the rest of the file; read as GB18030`
          : `line ${n + 1} holds ${invalid} byte sequence${invalid === 1 ? '' : 's'} that are not UTF-8, shown as \ufffd`;
        const at = readAsGb ? 0 : line.indexOf('\ufffd');
        notes.push({ message, ruleId: 'invalid-utf-8', start: offset + at, end: offset + (readAsGb ? line.length : at + 1) });
      }
    }
    out.push(line);
    offset += line.length + 1;
    byte = end + 1;
  }
  if (faulty > MAX_NOTES) {
    const last = notes[notes.length - 1];
    notes.push({ message: `${faulty - MAX_NOTES} more lines are not valid UTF-8`, ruleId: 'invalid-utf-8', start: last.end, end: last.end });
  }
  const warning = `${faulty} line${faulty === 1 ? '' : 's'} not valid UTF-8 in a UTF-8 file${asGb ? ` (${asGb} read as GB18030)` : ''}`;
  return { text: out.join('\n'), encoding: 'utf-8', source: 'utf-8-valid', warning, notes };
}

function validUtf8(bytes: Uint8Array): boolean {
  return strictUtf8(bytes) !== null;
}

/** Characters other than ASCII and U+FFFD. */
function countWide(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c >= 0x80 && c !== 0xfffd) n++;
  }
  return n;
}
