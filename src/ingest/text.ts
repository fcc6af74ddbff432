// Plain-text notices: UTF-8 (with or without BOM) or GB18030/GBK, detected from the bytes.
import chardet from 'chardet';
import iconv from 'iconv-lite';
import type { Ingested } from './types.js';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Decode bytes to text: BOM first, then strict UTF-8, then chardet's guess (GBK/GB2312 are read as their superset gb18030). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to detection
  }
  const guess = (chardet.detect(bytes) ?? 'GB18030').toLowerCase();
  const encoding = /gb|big5/.test(guess) ? (guess.includes('big5') ? 'big5' : 'gb18030') : guess;
  const name = iconv.encodingExists(encoding) ? encoding : 'gb18030';
  return { text: iconv.decode(Buffer.from(bytes), name), encoding: name };
}

export function ingestText(bytes: Uint8Array): Ingested {
  const { text, encoding } = decodeText(bytes);
  // Line endings are kept as they are: spans must point into the text exactly as the file holds it.
  return { text, format: 'text', encoding, meta: {} };
}
