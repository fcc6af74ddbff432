// Output helpers for the CLI: atomic writes (temp file + rename) and refusing to overwrite the input.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError } from './errors.js';

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.fenjie-tmp-${process.pid}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    const e = error as NodeJS.ErrnoException;
    throw new CliError(`${path}: 无法写入 (cannot write: ${e.code ?? e.message})`);
  }
}

export function refuseInputAsOutput(input: string, output: string): void {
  if (resolve(input) === resolve(output)) throw new CliError(`${output}: 输出不能覆盖输入文件 (output would overwrite the input)`);
}
