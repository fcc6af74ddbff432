// The public API of corrections (更正): reading, writing and adding to a corrections file, and applying it to a Plan.
// Extraction applies one given as `ReadOptions.fixes`; this module is for the commands and pages that make them.
import { access } from 'node:fs/promises';
import path from 'node:path';
import { FixesError } from '../errors.js';
import { applyFixes } from '../fixes/apply.js';
import { Fix, FIXES_VERSION, FixesFile } from '../fixes/schema.js';
import { readFileBounded } from '../ingest/read-file.js';
import { IngestError } from '../ingest/types.js';
import { writeFileAtomic } from '../render/write-atomic.js';

export { applyFixes, type AppliedFixes, type ApplyOptions, type StaleFix } from '../fixes/apply.js';
export { findTask, taskAnchor, taskHash } from '../fixes/anchor.js';
export { AddUnit, Fix, FIX_OPS, FIXES_VERSION, FixesFile, fixesJsonSchema, MarkPerson, MergeUnits, RemoveMention, RenameUnit, SetLead, SetRole, SplitUnit, TaskAnchor, type FixOp } from '../fixes/schema.js';

/** A corrections file is read within this many bytes: thousands of fixes are well under 1 MB. */
export const MAX_FIXES_BYTES = 4 * 2 ** 20;

/** The suffix of a corrections file beside its notice: `通知.txt` → `通知.fixes.json`. */
export const FIXES_SUFFIX = '.fixes.json';

/** A corrections file with no fixes yet. */
export function emptyFixes(): FixesFile {
  return { fenjie: 'fixes', version: FIXES_VERSION, fixes: [] };
}

/** Where the corrections file of a notice lies: beside it, its name without the extension + `.fixes.json` (a folder: beside the folder). */
export function fixesPathFor(notice: string): string {
  const resolved = notice.replace(/[\\/]+$/, '');
  const ext = path.extname(resolved);
  return `${ext ? resolved.slice(0, -ext.length) : resolved}${FIXES_SUFFIX}`;
}

/** The corrections file beside the notice (the first path given), if there is one; else null. */
export async function findFixesFor(notices: string | readonly string[]): Promise<string | null> {
  const first = typeof notices === 'string' ? notices : notices[0];
  if (!first || /\.json$/i.test(first)) return null;
  const candidate = fixesPathFor(first);
  try {
    await access(candidate);
    return candidate;
  } catch {
    return null;
  }
}

/**
 * Read and validate a corrections file.
 *
 * @param file its path
 * @returns the FixesFile
 * @throws FixesError naming the file and the first entry that does not fit (`fixes.3.reason: …`)
 */
export async function readFixes(file: string): Promise<FixesFile> {
  let data: unknown;
  try {
    const bytes = await readFileBounded(file, MAX_FIXES_BYTES);
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    if (error instanceof IngestError) throw new FixesError(`${file}: ${error.message.replace(/^.*?: /, '')}`, file);
    const e = error as NodeJS.ErrnoException;
    if (e.code) throw new FixesError(`${file}: 无法读取更正文件 (cannot read the corrections file: ${e.code})`, file);
    throw new FixesError(`${file}: 不是有效的 JSON (invalid JSON: ${e.message})`, file);
  }
  return parseFixes(data, file);
}

/** Validate a corrections file already parsed from JSON (as a page receives it). Throws FixesError as readFixes does. */
export function parseFixes(data: unknown, file = 'fixes'): FixesFile {
  const parsed = FixesFile.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? issue.path.join('.') : '(root)';
  const entry = issue.path[0] === 'fixes' && typeof issue.path[1] === 'number' ? `更正 #${issue.path[1]} (entry ${issue.path[1]}): ` : '';
  const unknownOp = issue.code === 'invalid_union' && issue.path.length === 2 ? `未知操作 (unknown op; one of set-role, add-unit, remove-mention, merge-units, split-unit, set-lead, mark-person, rename-unit)` : issue.message;
  throw new FixesError(`${file}: 更正文件格式不符 (corrections file): ${entry}${where}: ${unknownOp}`, file);
}

/** A corrections file as JSON text: two-space indent, one final newline; the same file gives the same bytes. */
export function fixesToJson(file: FixesFile): string {
  return `${JSON.stringify(FixesFile.parse(file), null, 2)}\n`;
}

/**
 * Write a corrections file whole or not at all (a temp file beside it, then a rename), after validating it.
 *
 * @throws FixesError when `file` is not a valid FixesFile; WriteError when it cannot be written
 */
export async function writeFixes(target: string, file: FixesFile): Promise<void> {
  const parsed = FixesFile.safeParse(file);
  if (!parsed.success) parseFixes(file, target);
  await writeFileAtomic(target, fixesToJson(parsed.data ?? file));
}

/**
 * A corrections file with one more fix at its end (pure: `file` is not changed).
 *
 * @throws FixesError when `fix` is not a valid Fix
 */
export function addFix(file: FixesFile, fix: Fix): FixesFile {
  const parsed = Fix.safeParse(fix);
  if (!parsed.success) parseFixes({ ...file, fixes: [...file.fixes, fix] });
  return { ...file, fixes: [...file.fixes, parsed.data ?? fix] };
}

