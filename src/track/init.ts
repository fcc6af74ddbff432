// `track init` (issue 17): record a plan in the workspace and hand out its ledgers for one round — one per unit
// with tasks (its own tasks only) and the master (全部) — each written atomically and recorded with its sha256.
// The ledger bytes and file names come from the caller (src/api/track.ts wires the renderer), so track does not
// depend on render's internals. Re-running it for a plan and round already handed out keeps what is there.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFolders, writeFileAtomic } from '../api/write.js';
import type { Plan } from '../model/schema.js';
import type { Handout } from './model.js';
import { openStore } from './store.js';
import { HANDOUTS_DIR, planIdOf } from './workspace.js';

/** The unit name a master ledger is stamped with (xlsx-stamp.ts ALL_UNITS). */
export const ALL_UNITS = '全部';

export interface HandOutOptions {
  readonly workspace: string;
  readonly round: string;
  /** YYYY-MM-DD: printed in the ledgers, recorded as the handout date and the plan's recordedOn. */
  readonly date: string;
  /** The units that get their own ledger (canonical names); the master ledger (全部) is always handed out too. */
  readonly units: readonly string[];
  /** A ledger's bytes: the unit's own, or the master for ALL_UNITS. */
  readonly ledger: (unit: string) => Promise<Uint8Array>;
  /** Safe, distinct file base names (no extension) for names, in order (render/safe-filename allocateFileNames). */
  readonly fileNames: (names: readonly string[]) => ReadonlyMap<string, string>;
}

export interface HandedOut extends Handout {
  /** written now, or kept: handed out before for this round and still there unchanged */
  readonly state: 'written' | 'kept';
}

export interface InitResult {
  /** the plan as recorded */
  readonly plan: Plan;
  readonly planId: string;
  readonly sha256: string;
  readonly docNumber: string | null;
  readonly title: string | null;
  readonly round: string;
  /** false when the workspace had the plan already (init is idempotent) */
  readonly recorded: boolean;
  readonly workspace: string;
  readonly handouts: readonly HandedOut[];
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Record `plan` in the workspace (creating it) and hand out its ledgers for `options.round`. */
export async function handOut(plan: Plan, options: HandOutOptions): Promise<InitResult> {
  const { workspace, round, date } = options;
  const planId = planIdOf(plan.source.sha256);
  const docNumber = plan.notice.docNumber ?? null;
  const title = plan.notice.planTitle ?? plan.notice.title ?? null;
  await makeFolders(workspace);
  const store = openStore(workspace);
  try {
    const known = store.plans().some((p) => p.planId === planId);
    store.recordPlan({ planId, sha256: plan.source.sha256, docNumber, title, plan, recordedOn: date });
    const before = new Map(store.handouts(planId, round).map((h) => [h.unit, h]));
    const units = [ALL_UNITS, ...options.units.filter((u) => u !== ALL_UNITS)];
    const names = options.fileNames(units);
    const folder = [HANDOUTS_DIR, planId, options.fileNames([round]).get(round)!].join('/');
    await makeFolders(join(workspace, ...folder.split('/')));
    const handouts: HandedOut[] = [];
    for (const unit of units) {
      const old = before.get(unit);
      if (old && existsSync(join(workspace, ...old.file.split('/'))) && sha256(readFileSync(join(workspace, ...old.file.split('/')))) === old.sha256) {
        handouts.push({ ...old, state: 'kept' });
        continue;
      }
      const bytes = await options.ledger(unit);
      const file = `${folder}/${names.get(unit)!}.xlsx`;
      await writeFileAtomic(join(workspace, ...file.split('/')), bytes);
      const handout: Handout = { planId, round, unit, file, sha256: sha256(bytes), date };
      store.recordHandout(handout);
      handouts.push({ ...handout, state: 'written' });
    }
    return { plan, planId, sha256: plan.source.sha256, docNumber, title, round, recorded: !known, workspace, handouts };
  } finally {
    store.close();
  }
}
