// Output helpers for the CLI: atomic writes, cleaning up after an interrupt, and after a run that was killed.
import { readdirSync, rmSync, type Dirent } from 'node:fs';
import { lstat, readdir, rm } from 'node:fs/promises';
import path, { join } from 'node:path';
import { TEMP_NAME, TEMP_PREFIX, writeFileAtomic } from '../api/write.js';
import { WriteError } from '../errors.js';
import { CliError, describeCode } from './errors.js';
import { guardWrites, interrupted } from './interrupt.js';

/** A command's output file, whole or not at all (writeFileAtomic), cleaned up on Ctrl-C; failures become a short message naming the path. */
export async function writeOutput(file: string, data: string | Uint8Array): Promise<void> {
  let write: Promise<number> | undefined;
  const release = guardWrites({ stop: async () => write, sweep: () => removeOwnTempFilesSync(path.dirname(path.resolve(file)), false) });
  try {
    write = writeFileAtomic(file, data, interrupted);
    await write;
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    throw new CliError(`${file}: 无法写入 (cannot write: ${describeCode(error.code)})`);
  } finally {
    release();
  }
}

function entries(dir: string, recursive: boolean): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive });
  } catch {
    return [];
  }
}

/**
 * Remove this process's temp files under `dir`. Synchronous on purpose: it runs in the signal handler, and no other
 * write of this run may start between the clean-up and the exit.
 */
export function removeOwnTempFilesSync(dir: string, recursive = true): void {
  const prefix = `${TEMP_PREFIX}${process.pid}-`;
  for (const e of entries(dir, recursive)) if (e.isFile() && e.name.startsWith(prefix)) rmSync(join(e.parentPath, e.name), { force: true });
}

/** A temp file this old is not being written by anyone (a write takes milliseconds). */
const STALE_AFTER_MS = 60_000;
/** …and one this old is stale whoever's process id it carries (ids are reused). */
const ABANDONED_AFTER_MS = 24 * 3600_000;

function alive(pid: number): boolean {
  if (pid === process.pid) return false; // a process before us that had our id
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove temp files a killed run left under `dir` (SIGKILL cannot be handled): recognised by name
 * (`.fenjie-tmp-<pid>-<hex>`) and age, a minute old and their process gone, or a day old. Returns how many.
 */
export async function removeStaleTempFiles(dir: string, recursive: boolean, now = Date.now()): Promise<number> {
  const found = await readdir(dir, { withFileTypes: true, recursive }).catch(() => [] as Dirent[]);
  let removed = 0;
  for (const e of found) {
    const m = TEMP_NAME.exec(e.name);
    if (!m || !e.isFile()) continue;
    const file = join(e.parentPath, e.name);
    const info = await lstat(file).catch(() => null);
    if (!info?.isFile()) continue;
    const age = now - info.mtimeMs;
    if (age < STALE_AFTER_MS || (alive(Number(m[1])) && age < ABANDONED_AFTER_MS)) continue;
    await rm(file, { force: true });
    removed++;
  }
  return removed;
}

/** Every file below `dir`, as paths relative to it (to tell what a run replaced and what it left alone). */
export async function listFiles(dir: string): Promise<Set<string>> {
  const found = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return new Set(found.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)));
}
