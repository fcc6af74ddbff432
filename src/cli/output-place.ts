// Where a command may write, checked before any work: the output's folder can be made and written (not under a
// file, not in /proc), no input is among the files the run will write (compared by real path, so a symlinked input or
// an input inside the output folder is caught), and no folder the run writes into is a symlink out of the output
// folder. Each refusal is one line naming the place.
import { lstat, mkdtemp, realpath, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './errors.js';

/** The nearest existing folder at or above `target`, with the missing part below it; refuses a file in the way. */
async function nearestFolder(target: string, shown: string): Promise<{ folder: string; missing: string[] }> {
  const missing: string[] = [];
  for (let at = path.resolve(target); ; at = path.dirname(at)) {
    const info = await stat(at).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : error));
    if (info instanceof Error) {
      const code = (info as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') continue; // a file further up: found on the next step
      throw new CliError(`${shown}: 无法访问 ${at} (cannot reach ${at}: ${code ?? info.message})`);
    }
    if (info) {
      if (!info.isDirectory()) throw new CliError(`${shown}: ${at} 是文件,不是文件夹 (${at} is a file, not a folder)`);
      return { folder: at, missing };
    }
    missing.unshift(path.basename(at));
    if (path.dirname(at) === at) return { folder: at, missing };
  }
}

/**
 * The folder `dir` can be written into, or made below its nearest existing folder: tried with a probe folder there
 * (`.fenjie-probe-…`, removed at once), which /proc, read-only mounts and folders without write permission refuse.
 */
export async function checkOutputFolder(dir: string, shown = dir): Promise<void> {
  const { folder, missing } = await nearestFolder(dir, shown);
  const probe = await mkdtemp(path.join(folder, '.fenjie-probe-')).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${shown}: 无法在 ${folder} 中${missing.length ? '创建文件夹' : '写入'} (cannot ${missing.length ? 'create a folder' : 'write'} in ${folder}: ${error.code})`);
  });
  await rmdir(probe).catch(() => undefined);
}

/** A file output: its folder as above, and the file itself, if there, a regular file (never /dev/null or a folder). */
export async function checkOutputFile(file: string): Promise<void> {
  const info = await lstat(file).catch(() => null);
  if (info?.isDirectory()) throw new CliError(`${file}: 是文件夹,不是文件 (is a folder; name a file)`);
  if (info && !info.isFile() && !info.isSymbolicLink()) throw new CliError(`${file}: 不是普通文件 (not a regular file; omit -o to write to stdout)`);
  await checkOutputFolder(path.dirname(path.resolve(file)), file);
}

/** The real path of `file`, or of its nearest existing folder joined with the rest when it does not exist yet. */
export async function realOutputPath(file: string): Promise<string> {
  const absolute = path.resolve(file);
  const real = await realpath(absolute).catch(() => null);
  if (real) return real;
  const rest: string[] = [];
  for (let at = absolute; ; at = path.dirname(at)) {
    const folder = await realpath(at).catch(() => null);
    if (folder) return path.join(folder, ...rest);
    rest.unshift(path.basename(at));
    if (path.dirname(at) === at) return absolute;
  }
}

/** Refuse when a file the run will write is one of its inputs (by real path: through symlinks, `..`, the output folder). */
export async function refuseOverwritingInputs(inputs: readonly string[], outputs: readonly string[]): Promise<void> {
  const real = new Map<string, string>();
  for (const input of inputs) {
    const at = await realpath(input).catch(() => null);
    if (at) real.set(at, input);
  }
  if (real.size === 0) return;
  for (const output of outputs) {
    const input = real.get(await realOutputPath(output));
    if (input !== undefined) throw new CliError(`${output}: 输出不能覆盖输入文件 ${input} (output would overwrite the input)`);
  }
}

/**
 * Refuse folders inside `outDir` that the run writes into (units/) when they are symbolic links, or files: writing
 * through a link would put documents outside the output folder.
 */
export async function refuseLinkedFolders(outDir: string, relativeFiles: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const rel of relativeFiles) {
    const parts = rel.split('/').slice(0, -1);
    for (let k = 1; k <= parts.length; k++) folders.add(parts.slice(0, k).join('/'));
  }
  for (const rel of [...folders].sort()) {
    const at = path.join(outDir, ...rel.split('/'));
    const info = await lstat(at).catch(() => null);
    if (info?.isSymbolicLink()) throw new CliError(`${at}: 输出文件夹中的符号链接,不会写入 (a symbolic link inside the output folder; fenjie does not write through it — remove it or choose another -o)`);
    if (info && !info.isDirectory()) throw new CliError(`${at}: 是文件,不是文件夹 (is a file where the run writes a folder)`);
  }
}
