// A side of a command can be a notice (extracted now) or a plan.json (validated against the schema).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ingest } from '../ingest/index.js';
import { extractNotice, Plan, SCHEMA_VERSION, type ExtractOptions } from '../index.js';
import { CliError } from './errors.js';

export async function loadPlan(path: string, options: ExtractOptions = {}): Promise<Plan> {
  if (!/\.json$/i.test(path)) return (await extractNotice(path, options)).plan;
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
  /** the text the plan's spans point into; null when a plan.json's source file is not at hand */
  readonly source: string | null;
}

/** Like loadPlan, and also the source text (for a plan.json: its source file, if it is there and unchanged). */
export async function loadPlanWithSource(path: string, options: ExtractOptions = {}): Promise<PlanWithSource> {
  if (!/\.json$/i.test(path)) {
    const { plan, source } = await extractNotice(path, options);
    return { plan, source };
  }
  const plan = await loadPlan(path, options);
  try {
    const bytes = await readFile(plan.source.path);
    if (createHash('sha256').update(bytes).digest('hex') !== plan.source.sha256) return { plan, source: null };
    return { plan, source: (await ingest(bytes, plan.source.path)).text };
  } catch {
    return { plan, source: null };
  }
}
