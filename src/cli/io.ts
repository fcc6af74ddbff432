// Output helpers for the CLI: atomic writes, refusing to overwrite the input, cleaning up after an interrupt.
import { readdirSync, rmSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { writeFileAtomic as writeAtomic } from '../render/write-atomic.js';
import { CliError } from './errors.js';

/** Write a whole file or nothing (temp file + rename); failures become a short message naming the path. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeAtomic(path, data);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new CliError(`${path}: 无法写入 (cannot write: ${e.code ?? e.message})`);
  }
}

export function refuseInputAsOutput(input: string, output: string): void {
  if (resolve(input) === resolve(output)) throw new CliError(`${output}: 输出不能覆盖输入文件 (output would overwrite the input)`);
}

/**
 * Remove this process's temp files under `dir`. Synchronous on purpose: it runs in the SIGINT handler, and no
 * other write of this run may start between the clean-up and the exit.
 */
export function removeOwnTempFilesSync(dir: string): void {
  const prefix = `.fenjie-tmp-${process.pid}-`;
  let entries: Dirent[] = [];
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch {
    return;
  }
  for (const e of entries) if (e.isFile() && e.name.startsWith(prefix)) rmSync(join(e.parentPath, e.name), { force: true });
}

/** Every file below `dir`, as paths relative to it (to tell what a run replaced and what it left alone). */
export async function listFiles(dir: string): Promise<Set<string>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return new Set(entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)));
}
