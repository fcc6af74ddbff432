// Readers (file watchers, a half-open Explorer window, a sync client) must never see a half-written document.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes under way: an interrupt waits for them, since a temp file can appear until its write settles. */
const underway = new Set<Promise<number>>();
let stopped = false;

/** Thrown by writeFileAtomic once writes are stopped. */
export class WritesStoppedError extends Error {
  override name = 'WritesStoppedError';
}

/**
 * Stop starting writes and wait for those under way to settle (each ends renamed into place or with its temp file
 * removed). For an interrupt: with many writes in flight on libuv's pool, removing temp files at once could race a
 * write that creates one a moment later. Writes stay stopped for the rest of the process.
 */
export async function stopWrites(): Promise<void> {
  stopped = true;
  await Promise.allSettled([...underway]);
}

/**
 * Write `data` to `file` atomically: write a temp file in the same folder (same file system, so rename is atomic),
 * then rename it over the target. The temp name starts with `.fenjie-tmp-` (git-ignored) and is removed on failure.
 */
export function writeFileAtomic(file: string, data: Uint8Array | string): Promise<number> {
  if (stopped) return Promise.reject(new WritesStoppedError(`${file}: not written (writes stopped)`));
  const write = writeThroughTemp(file, data);
  underway.add(write);
  const forget = () => void underway.delete(write);
  write.then(forget, forget);
  return write;
}

async function writeThroughTemp(file: string, data: Uint8Array | string): Promise<number> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.fenjie-tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    // The folder is made when the first write into it finds it missing, not checked before every file.
    await writeFile(temp, data).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(dir, { recursive: true });
      await writeFile(temp, data);
    });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}
