// What a file is, judged from its bytes (the extension only breaks a tie between HTML and text).
import { looksLikeZip } from './zip.js';

export type Sniffed =
  | { readonly kind: 'zip' }
  | { readonly kind: 'pdf' }
  | { readonly kind: 'compound' }
  | { readonly kind: 'html' }
  | { readonly kind: 'text' }
  | { readonly kind: 'unsupported'; readonly looksLike: string };

/** Magic numbers of formats we refuse, with what to tell the user. */
const MAGIC: ReadonlyArray<readonly [readonly number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image (PNG 图片); fenjie reads text, not scans'],
  [[0xff, 0xd8, 0xff], 'a JPEG image (JPEG 图片); fenjie reads text, not scans'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image (GIF 图片)'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image (TIFF 图片)'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image (TIFF 图片)'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document; save it as .docx'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
];

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);

/** Tags that only markup starts with; matched in the first few KB, case-insensitively. */
const STRONG_MARKUP = /<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s/i;
const WEAK_MARKUP = /<(?:div|p|table|span|br|title|h[1-6]|td|tr|font|center)[\s>/]/gi;

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function sniff(bytes: Uint8Array, path: string): Sniffed {
  if (looksLikeZip(bytes)) return { kind: 'zip' };
  if (startsWith(bytes, OLE2)) return { kind: 'compound' };
  // A PDF's header may follow some junk, within the first 1024 bytes (ISO 32000-1, 7.5.2 as readers apply it).
  if (latin1(bytes.subarray(0, 1024)).includes('%PDF-')) return { kind: 'pdf' };
  for (const [magic, looksLike] of MAGIC) if (startsWith(bytes, magic)) return { kind: 'unsupported', looksLike };

  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const head = utf16 ? utf16Head(bytes) : latin1(bytes.subarray(0, 8192));
  if (!utf16) {
    if (bytes.includes(0)) return { kind: 'unsupported', looksLike: 'binary data (it contains NUL bytes)' };
    let controls = 0;
    for (const b of bytes.subarray(0, 8192)) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
    if (controls > Math.max(2, Math.min(bytes.length, 8192) / 100)) return { kind: 'unsupported', looksLike: 'binary data (many control bytes)' };
  }
  return looksLikeHtml(head, path) ? { kind: 'html' } : { kind: 'text' };
}

/** HTML when a document-level tag appears early, or the text opens with a tag and has a few block tags, or the extension says HTML and some tag is there. */
export function looksLikeHtml(head: string, path: string): boolean {
  const trimmed = head.replace(/^[\ufeff\s]+/, '').replace(/^ï»¿/, '');
  if (STRONG_MARKUP.test(trimmed.slice(0, 4096))) return true;
  const weak = trimmed.match(WEAK_MARKUP)?.length ?? 0;
  if (trimmed.startsWith('<') && weak >= 1) return true;
  return /\.(?:s?html?|xhtml)$/i.test(path) && weak >= 2;
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function utf16Head(bytes: Uint8Array): string {
  const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
  return new TextDecoder(label).decode(bytes.subarray(0, 8192));
}
