// Readers (file watchers, a half-open Explorer window, a sync client) must never see a half-written document.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Write `data` to `file` atomically: write a temp file in the same folder (same file system, so rename is atomic),
 * then rename it over the target. The temp name starts with `.fenjie-tmp-` (git-ignored) and is removed on failure.
 */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<number> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.fenjie-tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}
