// A ZIP archive's table of contents, read from its central directory without inflating anything.
// Used to tell a .docx from other zips and to refuse oversized or damaged archives before mammoth opens them.
import { inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflate; anything else cannot be read by mammoth's unzipper. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Sum of the declared uncompressed sizes. */
  readonly totalUncompressed: number;
}

/** Why a zip could not be read; `truncated` when the end-of-directory record is missing. */
export class ZipFormatError extends Error {
  constructor(
    message: string,
    readonly truncated: boolean,
  ) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Read the central directory. Throws ZipFormatError when the archive is truncated or its records do not add up. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => Number(view.getBigUint64(at, true));
  const inBounds = (at: number, length: number): boolean => at >= 0 && at + length <= bytes.length;

  // End of central directory: 22 bytes plus a comment of at most 65535 bytes, at the very end.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === SIG_EOCD && at + 22 + u16(at + 20) <= bytes.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('end of central directory not found', true);

  let count = u16(eocd + 10);
  let cdSize = u32(eocd + 12);
  let cdOffset = u32(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (!inBounds(locator, 20) || u32(locator) !== SIG_ZIP64_LOCATOR) throw new ZipFormatError('ZIP64 locator missing', false);
    const z64 = u64(locator + 8);
    if (!inBounds(z64, 56) || u32(z64) !== SIG_ZIP64_EOCD) throw new ZipFormatError('ZIP64 end record missing', false);
    count = u64(z64 + 32);
    cdSize = u64(z64 + 40);
    cdOffset = u64(z64 + 48);
  }
  if (!inBounds(cdOffset, cdSize) || cdOffset + cdSize > eocd) {
    throw new ZipFormatError('central directory lies outside the file', true);
  }

  const entries: ZipEntry[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (!inBounds(at, 46) || u32(at) !== SIG_CENTRAL) throw new ZipFormatError(`central directory entry ${i + 1} is damaged`, false);
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (!inBounds(at + 46, nameLength + extraLength + commentLength)) throw new ZipFormatError('central directory is cut short', true);
    let compressedSize = u32(at + 20);
    let uncompressedSize = u32(at + 24);
    let localHeaderOffset = u32(at + 42);
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    // ZIP64 extra field (id 1) carries the 8-byte values whose 4-byte slots hold 0xffffffff, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(x);
      const size = u16(x + 2);
      if (id === 1) {
        let p = x + 4;
        const next = (): number => {
          const value = p + 8 <= x + 4 + size ? u64(p) : 0xffffffff;
          p += 8;
          return value;
        };
        if (uncompressedSize === 0xffffffff) uncompressedSize = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = next();
      }
      x += 4 + size;
    }
    if (!inBounds(localHeaderOffset, 30) || u32(localHeaderOffset) !== SIG_LOCAL) {
      throw new ZipFormatError(`entry ${name} points to a missing local header`, false);
    }
    entries.push({ name, method: u16(at + 10), encrypted: (flags & 1) === 1, compressedSize, uncompressedSize, localHeaderOffset });
    total += uncompressedSize;
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, totalUncompressed: total };
}

/** The compressed bytes of one entry (after its local header). */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = entry.localHeaderOffset + 30 + view.getUint16(entry.localHeaderOffset + 26, true) + view.getUint16(entry.localHeaderOffset + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`entry ${entry.name} is cut short`, true);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Inflate an entry with its declared size as a hard cap, so an archive that understates its sizes
 * (a zip bomb) fails here instead of inside the reader. Returns the inflated bytes.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw new ZipFormatError(`stored entry ${entry.name} has inconsistent sizes`, false);
    return data;
  }
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    const reason = error instanceof RangeError ? 'inflates to more than its declared size' : 'cannot be inflated';
    throw new ZipFormatError(`entry ${entry.name} ${reason}`, false);
  }
  if (out.length !== entry.uncompressedSize) throw new ZipFormatError(`entry ${entry.name} inflates to ${out.length} bytes, not the declared ${entry.uncompressedSize}`, false);
  return out;
}
