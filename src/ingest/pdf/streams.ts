// A PDF's Flate streams are inflated by pdf.js without a bound: a small file can hold a stream that inflates to
// gigabytes. Before pdf.js opens the file, every deflated stream is inflated here once with a hard cap per stream and
// in all (Node's zlib maxOutputLength), and the file is refused when one goes past it. The output is dropped at once.
// Streams that do not inflate (encrypted, other filters, damaged) are left to pdf.js.
import { constants, inflateSync } from 'node:zlib';

/** One stream may inflate to at most this (a page's content is KB; a large Flate image tens of MB). */
export const MAX_STREAM_BYTES = 128 * 1024 * 1024;
/** All streams together. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

export interface StreamCheck {
  /** the first stream over the cap, if any: its offset in the file */
  readonly over: { readonly offset: number; readonly limit: number } | null;
  readonly inflated: number;
}

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');

export function checkStreams(bytes: Uint8Array, perStream = MAX_STREAM_BYTES, total = MAX_INFLATED_BYTES): StreamCheck {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflated = 0;
  let at = 0;
  while ((at = buf.indexOf(STREAM, at)) >= 0) {
    // "stream" as a keyword: after a dictionary (>>) and followed by an end of line, not "endstream".
    const before = buf.lastIndexOf('>>', at);
    const isKeyword = at >= 3 && buf.subarray(at - 3, at).toString('latin1') !== 'end' && before >= 0 && buf.subarray(before + 2, at).toString('latin1').trim() === '';
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(END, start);
    if (end < 0) break;
    at = end + END.length;
    if (!isKeyword) continue;
    const dictStart = buf.lastIndexOf('<<', before);
    const dict = buf.subarray(Math.max(0, dictStart), before).toString('latin1');
    if (!/\/FlateDecode|\/Fl\b/.test(dict)) continue;
    const limit = Math.min(perStream, total - inflated);
    try {
      inflated += inflateSync(buf.subarray(start, end), { maxOutputLength: Math.max(1, limit), finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { over: { offset: at, limit }, inflated };
      // Not deflate data we can read (encrypted, damaged): pdf.js will say what it makes of it.
    }
  }
  return { over: null, inflated };
}
