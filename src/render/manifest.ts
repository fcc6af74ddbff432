// What a build wrote into its output folder, kept in `.fenjie-manifest.json` there, so that a re-run into the same
// folder can remove the files an earlier run wrote and this one no longer writes (a unit dropped from the plan) —
// and only those: a file is removed only if the manifest lists it, this run would have written it had it still been
// in the plan (same format, and every unit's sheets when the run writes every unit), and it is as that run left it
// (same size and modification time); anything else in the folder is never touched.
import { readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './write-atomic.js';

export const MANIFEST = '.fenjie-manifest.json';

export interface ManifestEntry {
  /** Relative to the output folder, with /. */
  readonly path: string;
  /** docx, pdf, xlsx, md, or data (plan.json, review.html). */
  readonly format: string;
  /** The unit of a unit sheet. */
  readonly unit?: string;
  readonly bytes: number;
  readonly mtimeMs: number;
}

export interface Manifest {
  readonly tool: 'fenjie';
  readonly version: 1;
  readonly files: readonly ManifestEntry[];
}

/** What this run covers, to tell a file it no longer writes from one it was not asked to write. */
export interface RunScope {
  readonly formats: ReadonlySet<string>;
  /** The one unit a `--unit` run writes; undefined when the run writes every unit's sheets. */
  readonly unit?: string;
}

export interface WrittenFile {
  readonly rel: string;
  readonly format: string;
  readonly unit?: string;
}

export interface ManifestResult {
  /** Files of an earlier run removed, relative paths. */
  readonly removed: readonly string[];
  /** Files of an earlier run this one no longer writes but left, because they were changed since. */
  readonly kept: readonly string[];
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const data = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    return data.tool === 'fenjie' && data.version === 1 && Array.isArray(data.files) ? data : null;
  } catch {
    return null;
  }
}

/** A relative path from a manifest that stays inside the folder (a manifest is a file anyone could edit). */
function inside(dir: string, rel: string): string | null {
  if (typeof rel !== 'string' || rel === '' || path.isAbsolute(rel) || rel.split('/').includes('..')) return null;
  const full = path.join(dir, ...rel.split('/'));
  return full.startsWith(path.resolve(dir) + path.sep) ? full : null;
}

/** true: as the run left it; false: changed since (or not a file); null: gone. */
async function unchanged(full: string, entry: ManifestEntry): Promise<boolean | null> {
  try {
    const s = await stat(full);
    return s.isFile() && s.size === entry.bytes && Math.abs(s.mtimeMs - entry.mtimeMs) < 1;
  } catch {
    return null;
  }
}

function covered(entry: ManifestEntry, scope: RunScope): boolean {
  if (entry.format === 'data') return false; // plan.json and review.html: written by some commands only
  if (entry.format !== 'md' && !scope.formats.has(entry.format)) return false;
  if (scope.unit !== undefined) return entry.unit === scope.unit;
  return true;
}

/**
 * After a build: remove what the previous run wrote and this one did not (where it covers it), then record this
 * run's files, with the earlier entries it did not cover and that are still as they were.
 */
export async function updateManifest(dir: string, written: readonly WrittenFile[], scope: RunScope): Promise<ManifestResult> {
  const before = await readManifest(dir);
  const now = new Set(written.map((w) => w.rel));
  const removed: string[] = [];
  const kept: string[] = [];
  const carried: ManifestEntry[] = [];
  for (const entry of before?.files ?? []) {
    if (now.has(entry.path)) continue;
    const full = inside(dir, entry.path);
    const state = full ? await unchanged(full, entry) : null;
    if (state === null) continue;
    if (state === false) {
      if (covered(entry, scope)) kept.push(entry.path);
      continue;
    }
    if (covered(entry, scope)) {
      await rm(full!, { force: true });
      removed.push(entry.path);
    } else carried.push(entry);
  }
  const files = await Promise.all(
    written.map(async (w): Promise<ManifestEntry> => {
      const s = await stat(path.join(dir, ...w.rel.split('/')));
      return { path: w.rel, format: w.format, ...(w.unit !== undefined ? { unit: w.unit } : {}), bytes: s.size, mtimeMs: s.mtimeMs };
    }),
  );
  const manifest: Manifest = { tool: 'fenjie', version: 1, files: [...files, ...carried].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
  await writeFileAtomic(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return { removed: removed.sort(), kept: kept.sort() };
}
