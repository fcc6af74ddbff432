// A side of a command can be a notice (extracted now) or a plan.json (validated against the schema and checked for
// consistency: unique ids, spans inside the source, units the plan lists).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ingest } from '../ingest/index.js';
import { readFileBounded } from '../ingest/read-file.js';
import { IngestError } from '../ingest/types.js';
import { extractNotice, MAX_INPUT_BYTES, Plan, type ExtractOptions } from '../index.js';
import { planProblem } from '../model/integrity.js';
import { CliError } from './errors.js';

/** A plan.json is read within this many bytes: 100× the sample's plan is ~150 MB. */
export const MAX_PLAN_BYTES = 512 * 1024 * 1024;

export async function loadPlan(file: string, options: ExtractOptions = {}): Promise<Plan> {
  if (!/\.json$/i.test(file)) return (await extractNotice(file, options)).plan;
  let data: unknown;
  try {
    const bytes = await readFileBounded(file, MAX_PLAN_BYTES);
    data = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new CliError(`${file}: 不是有效的 JSON (invalid JSON: ${(error as Error).message})`);
  }
  const parsed = Plan.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    throw new CliError(`${file}: 不符合 Plan 模式 (schema): ${where}: ${issue.message}${parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more)` : ''}`);
  }
  const problem = planProblem(parsed.data);
  if (problem) throw new CliError(`${file}: 方案数据不一致 (inconsistent plan): ${problem}`);
  return parsed.data;
}

export interface PlanWithSource {
  readonly plan: Plan;
  /** the text the plan's spans point into; null when a plan.json's source file is not at hand */
  readonly source: string | null;
}

/**
 * Where a plan.json's source may be: `source.path` relative to the plan.json's folder (as fenjie writes it), then,
 * for a plan.json written to stdout and saved elsewhere, relative to the current folder. An absolute path as it is.
 */
export function sourceCandidates(planFile: string, sourcePath: string): string[] {
  if (path.isAbsolute(sourcePath)) return [sourcePath];
  const beside = path.resolve(path.dirname(path.resolve(planFile)), sourcePath);
  const here = path.resolve(sourcePath);
  return beside === here ? [beside] : [beside, here];
}

/**
 * Like loadPlan, and also the source text (for a plan.json: its source file, if it is there and unchanged). The
 * source is read as any input is: within the input limit, and only when it is a regular file (a plan.json naming
 * /dev/zero or a FIFO must not make a command read for ever).
 */
export async function loadPlanWithSource(file: string, options: ExtractOptions = {}): Promise<PlanWithSource> {
  if (!/\.json$/i.test(file)) {
    const { plan, source } = await extractNotice(file, options);
    return { plan, source };
  }
  const plan = await loadPlan(file, options);
  for (const candidate of sourceCandidates(file, plan.source.path)) {
    try {
      const bytes = await readFileBounded(candidate, MAX_INPUT_BYTES, { regularOnly: true });
      if (createHash('sha256').update(bytes).digest('hex') !== plan.source.sha256) continue;
      const text = (await ingest(bytes, candidate)).text;
      // The spans were checked against source.chars; the text must be that long for them to hold.
      if (text.length === plan.source.chars) return { plan, source: text };
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
    }
  }
  return { plan, source: null };
}
