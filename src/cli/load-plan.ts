// A side of a command can be a notice (extracted now: one file, several, or a folder) or a plan.json (validated
// against the schema).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ingest } from '../ingest/index.js';
import { extractFiles, Plan, SCHEMA_VERSION, type ReadOptions } from '../index.js';
import { CliError } from './errors.js';

const isPlanJson = (paths: string | readonly string[]): paths is string | [string] => (typeof paths === 'string' ? /\.json$/i.test(paths) : paths.length === 1 && /\.json$/i.test(paths[0]));
const list = (paths: string | readonly string[]): string[] => (typeof paths === 'string' ? [paths] : [...paths]);

export async function loadPlan(paths: string | readonly string[], options: ReadOptions = {}): Promise<Plan> {
  if (!isPlanJson(paths)) return (await extractFiles(list(paths), options)).plan;
  const path = list(paths)[0];
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new CliError(`${path}: ${e.code === 'ENOENT' ? '文件不存在 (no such file)' : `不是有效的 JSON (invalid JSON: ${e.message})`}`);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'string' && version.split('.')[0] !== SCHEMA_VERSION.split('.')[0]) {
    throw new CliError(`${path}: 模式版本 ${version} 与本程序的 ${SCHEMA_VERSION} 不兼容，请用 fenjie extract 重新生成 (plan schema ${version}; this fenjie reads ${SCHEMA_VERSION}: re-extract the notice)`);
  }
  const parsed = Plan.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    throw new CliError(`${path}: 不符合 Plan 模式 (schema): ${where}: ${issue.message}${parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more)` : ''}`);
  }
  return parsed.data;
}

export interface PlanWithSource {
  readonly plan: Plan;
  /** the text the plan's spans point into; null when a plan.json's source files are not at hand */
  readonly source: string | null;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Like loadPlan, and also the source text (for a plan.json: its source files, if they are there and unchanged). */
export async function loadPlanWithSource(paths: string | readonly string[], options: ReadOptions = {}): Promise<PlanWithSource> {
  if (!isPlanJson(paths)) {
    const { plan, source } = await extractFiles(list(paths), options);
    return { plan, source };
  }
  const plan = await loadPlan(paths, options);
  try {
    const files = plan.source.files;
    if (files) {
      // A notice read from several files: each must be there unchanged, then they are joined as they were.
      const { ingestFiles } = await import('../ingest/files.js');
      const inputs = [];
      for (const file of files) {
        const bytes = await readFile(file.path);
        if (sha256(bytes) !== file.sha256) return { plan, source: null };
        inputs.push({ path: file.path, bytes });
      }
      const ingested = await ingestFiles(inputs, { ocr: options.ocr });
      return { plan, source: ingested.text.length === plan.source.chars ? ingested.text : null };
    }
    const bytes = await readFile(plan.source.path);
    if (sha256(bytes) !== plan.source.sha256) return { plan, source: null };
    return { plan, source: (await ingest(bytes, plan.source.path, { ocr: options.ocr })).text };
  } catch {
    return { plan, source: null };
  }
}
