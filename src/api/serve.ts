// The public API of `fenjie serve`: the pipeline behind a local web page (upload, review, correct, build, download),
// and what the page needs of a finished build: its manifest (which file is whose sheet) and the build as one zip.
// The server imports these two from here, so the serve stage reaches render only through the api.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { MANIFEST } from '../render/manifest.js';
import { writeZip } from '../render/zip.js';

export { startServer, type ServeOptions, type ServeLimits, type RunningServer } from '../serve/server.js';

/** One file a build wrote, as its manifest records it. */
export interface BuildEntry {
  /** relative to the build folder, with / */
  readonly path: string;
  /** docx, pdf, xlsx, md, or data */
  readonly format: string;
  /** the unit, for a unit's 责任清单 */
  readonly unit?: string;
}

const Entry = z.object({ path: z.string().min(1), format: z.string(), unit: z.string().optional() });
const Manifest = z.object({ tool: z.literal('fenjie'), version: z.literal(1), files: z.array(Entry) });

/** A manifest's path that stays inside its folder (the manifest is a file anyone could edit). */
function inside(rel: string): boolean {
  return !path.isAbsolute(rel) && !rel.includes('\\') && !rel.split('/').some((p) => p === '..' || p === '.' || p === '');
}

/**
 * The files a build wrote into `dir`, from its manifest (`.fenjie-manifest.json`), sorted by path.
 *
 * @returns the entries, or null when `dir` holds no (valid) manifest; entries whose path leaves the folder are dropped
 */
export async function readBuild(dir: string): Promise<BuildEntry[] | null> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    return null;
  }
  const parsed = Manifest.safeParse(data);
  if (!parsed.success) return null;
  return parsed.data.files.filter((f) => inside(f.path)).map((f) => ({ path: f.path, format: f.format, ...(f.unit === undefined ? {} : { unit: f.unit }) }));
}

/**
 * The files of a build as one zip: exactly the manifest's entries, each under its relative path, every entry's time
 * the given date, so the same build and date give the same bytes.
 *
 * @param date YYYY-MM-DD
 */
export async function zipBuild(dir: string, entries: readonly BuildEntry[], date: string): Promise<Uint8Array> {
  const parts = [];
  for (const e of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    parts.push({ name: e.path, data: new Uint8Array(await readFile(path.join(dir, ...e.path.split('/')))) });
  }
  return writeZip(parts, date);
}

/** A zip of files given as bytes (the 督办通报 of the tracking view), entries in the order given, times pinned to `date`. */
export function writeZipOf(parts: readonly { readonly name: string; readonly data: Uint8Array }[], date: string): Uint8Array {
  return writeZip([...parts], date);
}
