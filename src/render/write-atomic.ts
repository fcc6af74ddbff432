// Readers (file watchers, a half-open Explorer window, a sync client) must never see a half-written document.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes under way: an interrupt waits for them, since a temp file can appear until its write settles. */
const underway = new Set<Promise<number>>();
let stopped = false;

/** Thrown by writeFileAtomic once writes are stopped. */
export class WritesStoppedError extends Error {
  override name = 'WritesStoppedError';
}

/** A write that failed, naming the file it was for (not its temp file) and the system's error code. */
export class WriteError extends Error {
  override name = 'WriteError';
  constructor(
    readonly file: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Temp files: `.fenjie-tmp-<pid>-<12 hex>` beside their target (git-ignored), so a later run can tell them. */
export const TEMP_PREFIX = '.fenjie-tmp-';
export const TEMP_NAME = /^\.fenjie-tmp-(\d+)-[0-9a-f]{12}$/;

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
 * then rename it over the target. The temp file is removed on failure; a failure is a WriteError naming `file`.
 */
export function writeFileAtomic(file: string, data: Uint8Array | string): Promise<number> {
  if (stopped) return Promise.reject(new WritesStoppedError(`${file}: not written (writes stopped)`));
  const write = writeThroughTemp(file, data);
  underway.add(write);
  const forget = () => void underway.delete(write);
  write.then(forget, forget);
  return write;
}

/**
 * Make `dir` and its missing parents one level at a time. Node's recursive mkdir loops for ever where a parent
 * exists but cannot hold folders (mkdir /proc/x: ENOENT, then /proc: EEXIST, again); here any failure is final.
 */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : Promise.reject(error)));
    if (info) {
      if (!info.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR', path: at });
      break;
    }
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const folder of missing.reverse()) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
  }
}

async function writeThroughTemp(file: string, data: Uint8Array | string): Promise<number> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    // The folder is made when the first write into it finds it missing, not checked before every file.
    await writeFile(temp, data).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await makeFolders(dir);
      await writeFile(temp, data);
    });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    const e = error as NodeJS.ErrnoException;
    throw new WriteError(file, e.code ?? 'EIO', `${file}: ${e.code ?? e.message}`);
  }
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}
