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
