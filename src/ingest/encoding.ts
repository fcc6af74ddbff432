// Bytes → string. Order: byte-order mark, then a declared charset (HTML <meta>), then strict UTF-8, then chardet.
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** How the encoding was chosen. */
export type EncodingSource = 'bom' | 'declared' | 'utf-8-valid' | 'detected';

export interface Decoded {
  readonly text: string;
  /** e.g. utf-8, utf-8-bom, utf-16le, gb18030, big5 */
  readonly encoding: string;
  readonly source: EncodingSource;
  /** Set when a declared charset was overruled by the bytes. */
  readonly warning?: string;
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

  const guess = (chardet.detect(bytes) ?? 'GB18030').toLowerCase();
  // Notices are Chinese: any guess but Big5 (windows-1252, EUC-KR, Shift_JIS on short inputs) means GB18030.
  const detected = guess.includes('big5') ? 'big5' : 'gb18030';
  const warning = declared ? `declared charset ${declared} does not fit the bytes; decoded as ${detected}` : undefined;
  return { text: decodeAs(bytes, detected), encoding: detected, source: 'detected', ...(warning ? { warning } : {}) };
}
