// Plain-text notices: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK/Big5 detected from the bytes.
import { decodeBytes } from './encoding.js';
import type { Ingested } from './types.js';

export function ingestText(bytes: Uint8Array): Ingested {
  const { text, encoding, source, notes } = decodeBytes(bytes);
  // Line endings are kept as they are: spans must point into the text exactly as the file holds it.
  return { text, format: 'text', encoding, encodingSource: source, meta: {}, ...(notes?.length ? { notes } : {}) };
}
