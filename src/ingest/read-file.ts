// Reading an input file within a byte limit. stat() reports 0 bytes for devices and FIFOs (/dev/zero, a process
// substitution), so the limit is also counted while reading: the read stops one chunk past it, whatever the file is.
import { open, stat } from 'node:fs/promises';
import { IngestError } from './types.js';

export interface ReadBoundedOptions {
  /** Refuse anything but a regular file (devices, FIFOs, sockets), before opening it (default: false). */
  readonly regularOnly?: boolean;
}

const CHUNK = 1 << 20;
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MB`;

function refusal(path: string, code: string): IngestError {
  const why =
    code === 'ENOENT'
      ? '文件不存在 (no such file)'
      : code === 'EISDIR'
        ? '这是一个目录 (is a directory)'
        : code === 'EACCES' || code === 'EPERM'
          ? '没有读取权限 (permission denied)'
          : code === 'ELOOP'
            ? '符号链接循环 (too many levels of symbolic links)'
            : code === 'not-a-file'
              ? '不是普通文件 (not a regular file: a device, FIFO or socket)'
              : `无法读取 (${code})`;
  return new IngestError(why, path, code);
}

/** The file's bytes, or an IngestError naming it: missing, a directory, unreadable, or more than `limit` bytes. */
export async function readFileBounded(path: string, limit: number, options: ReadBoundedOptions = {}): Promise<Uint8Array> {
  const tooLarge = (size: string) =>
    new IngestError(`${path}: 文件过大 (file too large: ${size}, limit ${mb(limit)})`, path, 'too-large');
  let handle;
  try {
    if (options.regularOnly) {
      const info = await stat(path);
      if (info.isDirectory()) throw refusal(path, 'EISDIR');
      if (!info.isFile()) throw refusal(path, 'not-a-file');
    }
    handle = await open(path, 'r');
    const info = await handle.stat();
    if (info.isDirectory()) throw refusal(path, 'EISDIR');
    if (info.isFile() && info.size > limit) throw tooLarge(mb(info.size));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) throw tooLarge(`more than ${mb(limit)} read`);
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw refusal(path, (error as NodeJS.ErrnoException).code ?? 'read-failed');
  } finally {
    await handle?.close();
  }
}
