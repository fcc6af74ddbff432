// Readers (file watchers, a half-open Explorer window, a sync client) must never see a half-written document.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Thrown by writeFileAtomic, and by a build, once their AbortSignal has fired (`cause`: the signal's reason). */
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
 * Write `data` to `file` atomically: write a temp file in the same folder (same file system, so rename is atomic),
 * then rename it over the target. The temp file is removed on failure; a failure is a WriteError naming `file`.
 * Once `signal` has fired, no write starts (a WritesStoppedError); one already started settles as usual (renamed into
 * place or its temp file removed), so a caller that awaits its writes after aborting leaves no temp file behind.
 * Returns the bytes written.
 */
export function writeFileAtomic(file: string, data: Uint8Array | string, signal?: AbortSignal): Promise<number> {
  if (signal?.aborted) return Promise.reject(new WritesStoppedError(`${file}: not written (stopped)`, { cause: signal.reason }));
  return writeThroughTemp(file, data);
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
