// A tracking workspace (issue 17) is one folder: fenjie.db (the store), handouts/<planId>/<round>/<unit>.xlsx (the
// ledgers handed out) and returns/<sha256>.<ext> (every returned file, kept as the record). Everything it records
// is relative to the folder, so a copied workspace works. This module opens it and reads it whole.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TrackError } from '../errors.js';
import type { WorkspaceData } from './model.js';
import { DB_NAME, openStore, type Store, type StoreExport } from './store.js';

export const DEFAULT_WORKSPACE = './fenjie-work';
export const HANDOUTS_DIR = 'handouts';
export const RETURNS_DIR = 'returns';

/** planId: the first 12 hex digits of the source's sha256, stable within a workspace. */
export const planIdOf = (sha256: string): string => sha256.slice(0, 12);

/** Open an existing workspace's store; a folder without fenjie.db is refused with a hint to `fenjie track init`. */
export function openWorkspace(workspace: string): Store {
  if (!existsSync(join(workspace, DB_NAME))) {
    throw new TrackError(`${workspace}: 不是 fenjie 工作区（没有 ${DB_NAME}），请先运行 fenjie track init / not a tracking workspace (no ${DB_NAME}): run \`fenjie track init <notice> -w ${workspace}\` first`, workspace);
  }
  return openStore(workspace);
}

/** The whole workspace as data: plans, handouts, the current reports (latest per plan, round, task, unit), files. */
export function readWorkspace(workspace: string): WorkspaceData {
  const store = openWorkspace(workspace);
  try {
    const plans = store.plans();
    return { plans, handouts: store.handouts(), reports: plans.flatMap((p) => store.latestReports(p.planId)), files: store.files() };
  } finally {
    store.close();
  }
}

/** The whole store, history included, in a fixed order (`fenjie track export`, for an auditor). */
export function trackExport(workspace: string): StoreExport {
  const store = openWorkspace(workspace);
  try {
    return store.exportAll();
  } finally {
    store.close();
  }
}
