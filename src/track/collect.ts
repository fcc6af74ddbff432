// `track collect` (issue 17): returned ledgers → the store. Each file is read within a byte limit and hashed; a
// file collected before changes nothing; else it is read (read-return.ts), matched by its stamp to a recorded plan
// and to the ledger handed out for its unit and round, copied into returns/<sha256>.<ext> and recorded with its
// reports in one transaction. A file that fails is reported and the others go on; nothing of it is stored.
import { createHash } from 'node:crypto';
import { lstat, readdir, realpath } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { makeFolders, writeFileAtomic } from '../api/write.js';
import { TrackError } from '../errors.js';
import { readFileBounded } from '../ingest/read-file.js';
import { IngestError } from '../ingest/types.js';
import type { TrackedPlan } from './model.js';
import { handoutRows, MAX_RETURN_BYTES, openLedger, readReturn, type LedgerLayout, type LedgerRows } from './read-return.js';
import type { Store } from './store.js';
import { openWorkspace, RETURNS_DIR } from './workspace.js';

export interface CollectOptions {
  readonly workspace: string;
  /** YYYY-MM-DD: the collect's date, recorded as each file's collectedAt (default: now). */
  readonly asOf?: string;
  /** The loaded templates (only `ledger` is read: column labels, default status). */
  readonly templates: { readonly ledger: LedgerLayout };
}

export interface CollectedFile {
  readonly path: string;
  readonly name: string;
  readonly sha256: string;
  readonly planId: string;
  readonly unit: string;
  readonly round: string;
  /** new: stored now; unchanged: this very file was collected before, nothing was written */
  readonly state: 'new' | 'unchanged';
  /** reports stored from it (for an unchanged file: those stored when it was first collected) */
  readonly reports: number;
  readonly warnings: readonly string[];
}

export interface FailedFile {
  readonly path: string;
  readonly name: string;
  readonly state: 'failed';
  /** one bilingual line naming the file and the place */
  readonly error: string;
}

export type CollectOutcome = CollectedFile | FailedFile;

const WORKBOOK = /\.(xlsx|xls)$/i;

/**
 * The files to collect, in order: each file as given; for a folder every .xlsx/.xls inside (recursively, sorted by
 * path), skipping Office lock files (~$…), hidden files, the workspace itself, and symlinks leading out of the folder.
 */
export async function listReturns(paths: readonly string[], workspace: string): Promise<string[]> {
  const out: string[] = [];
  const ws = resolve(workspace);
  for (const p of paths) {
    let info;
    try {
      info = await lstat(p);
    } catch {
      out.push(p); // reported as unreadable when it is read
      continue;
    }
    if (!info.isDirectory() && !(info.isSymbolicLink() && (await isFolder(p)))) {
      out.push(p);
      continue;
    }
    const root = await realpath(p);
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name.startsWith('~$')) continue;
        const full = join(dir, entry.name);
        if (resolve(full) === ws) continue;
        let target = full;
        if (entry.isSymbolicLink()) {
          try {
            target = await realpath(full);
          } catch {
            continue;
          }
          if (target !== root && !target.startsWith(root + sep)) continue;
        }
        const stat = entry.isSymbolicLink() ? await lstat(target) : null;
        if (entry.isDirectory() || stat?.isDirectory()) {
          if (!entry.isSymbolicLink()) await walk(full);
        } else if ((entry.isFile() || stat?.isFile()) && WORKBOOK.test(entry.name)) found.push(full);
      }
    };
    await walk(p);
    out.push(...found.sort((a, b) => (relative(p, a) < relative(p, b) ? -1 : relative(p, a) > relative(p, b) ? 1 : 0)));
  }
  return out;
}

async function isFolder(p: string): Promise<boolean> {
  try {
    return (await lstat(await realpath(p))).isDirectory();
  } catch {
    return false;
  }
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** One file into the store (or not): throws TrackError / IngestError for a file that cannot be used. */
async function collectOne(path: string, store: Store, plans: ReadonlyMap<string, TrackedPlan>, handouts: Map<string, LedgerRows | undefined>, options: CollectOptions): Promise<CollectedFile> {
  const name = basename(path);
  const bytes = await readFileBounded(path, MAX_RETURN_BYTES, { regularOnly: true });
  const sha = sha256(bytes);
  const before = store.hasFile(sha) ? store.files().find((f) => f.sha256 === sha) : undefined;
  if (before) {
    const reports = store.history(before.planId, before.round).filter((r) => r.file === sha).length;
    return { path, name, sha256: sha, planId: before.planId, unit: before.unit, round: before.round, state: 'unchanged', reports, warnings: [] };
  }
  const ledger = openLedger(bytes, name);
  const { stamp } = ledger;
  const tracked = plans.get(stamp.sha256);
  if (!tracked) {
    throw new TrackError(`${name}: 台账所属方案未在工作区登记（${stamp.docNumber || stamp.planTitle || stamp.sha256.slice(0, 12)}）/ the ledger's plan is not recorded in this workspace: run fenjie track init on it first`, path);
  }
  if (!stamp.round) {
    throw new TrackError(`${name}: 台账没有报送轮次（不是 fenjie track init 发放的）/ the ledger has no round: collect the ledgers \`fenjie track init\` handed out, not those of \`fenjie build\``, path);
  }
  const handout = store.handouts(tracked.planId, stamp.round).find((h) => h.unit === stamp.unit);
  if (!handout) {
    const rounds = [...new Set(store.handouts(tracked.planId).map((h) => h.round))].join('、') || '无';
    throw new TrackError(`${name}: 未向「${stamp.unit}」发放过第「${stamp.round}」轮台账（已发放轮次：${rounds}）/ no ledger was handed out to ${stamp.unit} for round "${stamp.round}"`, path);
  }
  // The ledger as handed out, to compare the fixed columns with; read once per handout in a collect.
  const key = `${handout.planId}\u0000${handout.round}\u0000${handout.unit}`;
  if (!handouts.has(key)) handouts.set(key, await readHandout(store.dir, handout.file, handout.sha256, options.templates.ledger));
  const read = readReturn(ledger, name, tracked.plan, options.templates, { handout: handouts.get(key) });
  const stored = `${RETURNS_DIR}/${sha}.${read.format}`;
  await makeFolders(join(store.dir, RETURNS_DIR));
  // The copy first, then the record: the store never names a file that is not there.
  await writeFileAtomic(join(store.dir, RETURNS_DIR, `${sha}.${read.format}`), bytes);
  const collectedAt = options.asOf ? `${options.asOf}T00:00:00.000Z` : new Date().toISOString();
  const file = { sha256: sha, name, stored, planId: tracked.planId, round: stamp.round, unit: stamp.unit, collectedAt };
  try {
    store.recordReturn(
      file,
      read.reports.map((r) => ({ planId: tracked.planId, round: stamp.round, unit: stamp.unit, ...r })),
    );
  } catch (error) {
    // Another collect stored this very file meanwhile (both read it as new): it is there once, as it should be.
    if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY' && store.hasFile(sha)) {
      return { path, name, sha256: sha, planId: tracked.planId, unit: stamp.unit, round: stamp.round, state: 'unchanged', reports: read.reports.length, warnings: [] };
    }
    throw error;
  }
  return { path, name, sha256: sha, planId: tracked.planId, unit: stamp.unit, round: stamp.round, state: 'new', reports: read.reports.length, warnings: read.warnings };
}

/** The handed-out ledger's rows, or undefined when its file is gone or changed (then only the plan's ids are checked). */
async function readHandout(dir: string, file: string, checksum: string, layout: LedgerLayout): Promise<LedgerRows | undefined> {
  try {
    const bytes = await readFileBounded(join(dir, ...file.split('/')), MAX_RETURN_BYTES, { regularOnly: true });
    if (sha256(bytes) !== checksum) return undefined;
    return handoutRows(openLedger(bytes, file), layout);
  } catch (error) {
    if (error instanceof IngestError || error instanceof TrackError) return undefined;
    throw error;
  }
}

/**
 * Collect returned ledgers into the workspace: files and folders (see listReturns), each on its own — a file that
 * cannot be used is a `failed` outcome with its message, and the others go on.
 */
export async function collectReturns(paths: readonly string[], options: CollectOptions): Promise<CollectOutcome[]> {
  const store = openWorkspace(options.workspace);
  try {
    const plans = new Map(store.plans().map((p) => [p.sha256, p]));
    const handouts = new Map<string, LedgerRows | undefined>();
    const out: CollectOutcome[] = [];
    for (const path of await listReturns(paths, options.workspace)) {
      try {
        out.push(await collectOne(path, store, plans, handouts, options));
      } catch (error) {
        if (!(error instanceof TrackError || error instanceof IngestError)) throw error;
        const message = error instanceof IngestError && !error.message.startsWith(error.path) ? `${error.path}: ${error.message}` : error.message;
        out.push({ path, name: basename(path), state: 'failed', error: message });
      }
    }
    return out;
  } finally {
    store.close();
  }
}
