// Exit codes and the one place errors become short messages (stack traces only with --debug).
import { LexiconError } from '../extract/lexicon.js';
import { IngestError } from '../ingest/types.js';
import { TemplateError } from '../render/templates.js';

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

export function describeError(error: unknown): string {
  if (error instanceof IngestError) return `fenjie: ${error.message.startsWith(error.path) ? '' : `${error.path}: `}${error.message}`;
  if (error instanceof CliError || error instanceof TemplateError || error instanceof LexiconError) return `fenjie: ${error.message}`;
  const e = error as NodeJS.ErrnoException;
  if (e?.code && e.path) return `fenjie: ${e.path}: ${e.code} ${e.message.split(':')[0]}`;
  return `fenjie: 内部错误 (internal error): ${e?.message ?? String(error)} — 使用 --debug 查看详情`;
}
