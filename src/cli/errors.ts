// Exit codes and the one place errors become short messages (stack traces only with --debug).
import { FixesError, IngestError, LexiconError, PlanFileError, TemplateError, WriteError } from '../errors.js';

export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

/** A user-facing failure with the place it happened. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

const CODES: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'already exists',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  EMFILE: 'too many open files',
  EXDEV: 'crosses file systems',
  EIO: 'input/output error',
  EBUSY: 'busy',
};

/** A system error code in words, with the code: "permission denied (EACCES)". */
export function describeCode(code: string): string {
  return CODES[code] ? `${CODES[code]} (${code})` : code;
}

export function describeError(error: unknown): string {
  if (error instanceof IngestError) return `fenjie: ${error.message.startsWith(error.path) ? '' : `${error.path}: `}${error.message}`;
  if (error instanceof CliError || error instanceof PlanFileError || error instanceof TemplateError || error instanceof LexiconError || error instanceof FixesError) return `fenjie: ${error.message}`;
  if (error instanceof WriteError) return `fenjie: ${error.file}: 无法写入 (cannot write: ${describeCode(error.code)})`;
  const e = error as NodeJS.ErrnoException;
  if (e?.code && e.path) return `fenjie: ${e.path}: ${describeCode(e.code)}`;
  const reason = (e?.message ?? String(error)).split('\n')[0];
  return `fenjie: 内部错误 (internal error): ${reason} — 使用 --debug 查看详情`;
}
