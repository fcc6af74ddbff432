// Plans from files. A side of a command can be a notice (extracted now: one file, several, or a folder) or a plan.json (validated
// against the schema and checked for consistency: unique ids, spans inside the source, units the plan lists).
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PlanFileError } from '../errors.js';
import { ingest } from '../ingest/index.js';
import { readFileBounded } from '../ingest/read-file.js';
import { IngestError } from '../ingest/types.js';
import { Plan, SCHEMA_VERSION } from '../model/schema.js';
import { extractFiles, MAX_INPUT_BYTES, type ReadOptions } from './extract.js';
import { planProblem } from '../model/integrity.js';

export { jsonBytes, planToJson, planToJsonBytes, safeJson } from '../model/plan-json.js';

/** A plan.json is read within this many bytes: 100× the sample's plan is ~150 MB. */
export const MAX_PLAN_BYTES = 512 * 1024 * 1024;

const isPlanJson = (paths: string | readonly string[]): paths is string | [string] => (typeof paths === 'string' ? /\.json$/i.test(paths) : paths.length === 1 && /\.json$/i.test(paths[0]));
const list = (paths: string | readonly string[]): string[] => (typeof paths === 'string' ? [paths] : [...paths]);

/**
 * A Plan from a notice (one file, several, or a folder: extracted now) or from a plan.json (validated against the
 * schema and checked for consistency: unique ids, spans inside the source, units the plan lists).
 *
 * @param paths a plan.json, or the notice's file(s)
 * @param options extraction options, used when `paths` is a notice
 * @returns the Plan
 * @throws PlanFileError for a plan.json that cannot be used; IngestError for an unreadable notice
 */
export async function loadPlan(paths: string | readonly string[], options: ReadOptions = {}): Promise<Plan> {
  if (!isPlanJson(paths)) return (await extractFiles(list(paths), options)).plan;
  const file = list(paths)[0];
  let data: unknown;
  try {
    const bytes = await readFileBounded(file, MAX_PLAN_BYTES);
    data = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new PlanFileError(`${file}: 不是有效的 JSON (invalid JSON: ${(error as Error).message})`, file);
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'string' && version !== SCHEMA_VERSION) {
    throw new PlanFileError(`${file}: 模式版本 ${version} 与本程序的 ${SCHEMA_VERSION} 不兼容，请用 fenjie extract 重新生成 (plan schema ${version}; this fenjie reads ${SCHEMA_VERSION}: re-extract the notice)`, file);
  }
  const parsed = Plan.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : '(root)';
    throw new PlanFileError(`${file}: 不符合 Plan 模式 (schema): ${where}: ${issue.message}${parsed.error.issues.length > 1 ? ` (+${parsed.error.issues.length - 1} more)` : ''}`, file);
  }
  const problem = planProblem(parsed.data);
  if (problem) throw new PlanFileError(`${file}: 方案数据不一致 (inconsistent plan): ${problem}`, file);
  return parsed.data;
}

export interface PlanWithSource {
  readonly plan: Plan;
  /** the text the plan's spans point into; null when a plan.json's source files are not at hand */
  readonly source: string | null;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

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

/** A source file's bytes when it is there as a regular file, within the input limit, and unchanged; else null. */
async function unchanged(planFile: string, sourcePath: string, checksum: string): Promise<{ path: string; bytes: Uint8Array } | null> {
  for (const candidate of sourceCandidates(planFile, sourcePath)) {
    try {
      const bytes = await readFileBounded(candidate, MAX_INPUT_BYTES, { regularOnly: true });
      if (sha256(bytes) === checksum) return { path: candidate, bytes };
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
    }
  }
  return null;
}

/**
 * Like loadPlan, and also the source text (for a plan.json: its source files, if they are there and unchanged). The
 * sources are read as any input is: within the input limit, and only when regular files (a plan.json naming
 * /dev/zero or a FIFO must not make a command read for ever).
 */
export async function loadPlanWithSource(paths: string | readonly string[], options: ReadOptions = {}): Promise<PlanWithSource> {
  if (!isPlanJson(paths)) {
    const { plan, source } = await extractFiles(list(paths), options);
    return { plan, source };
  }
  const file = list(paths)[0];
  const plan = await loadPlan(file, options);
  try {
    const files = plan.source.files;
    let text: string;
    if (files) {
      // A notice read from several files: each must be there unchanged, then they are joined as they were.
      const { ingestFiles } = await import('../ingest/files.js');
      const inputs = [];
      for (const f of files) {
        const found = await unchanged(file, f.path, f.sha256);
        if (!found) return { plan, source: null };
        inputs.push({ path: f.path, bytes: found.bytes });
      }
      text = (await ingestFiles(inputs, { ocr: options.ocr })).text;
    } else {
      const found = await unchanged(file, plan.source.path, plan.source.sha256);
      if (!found) return { plan, source: null };
      text = (await ingest(found.bytes, found.path, { ocr: options.ocr })).text;
    }
    // The spans were checked against source.chars; the text must be that long for them to hold.
    return { plan, source: text.length === plan.source.chars ? text : null };
  } catch (error) {
    if (!(error instanceof IngestError)) throw error;
    return { plan, source: null };
  }
}
