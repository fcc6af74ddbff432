// The public API of tracking status (issue 17): a workspace's data → the status of every task for a round
// (trackStatus), its terminal summary (statusText), and the 督办通报, 催办单 and 总台账 files (bulletinFiles).
// Pure over WorkspaceData (what `readWorkspace` reads); dates only from the options.
import { bulletinFiles as renderBulletin, type BulletinFile, type BulletinOptions } from '../render/bulletin/index.js';
import { loadTemplates, type Templates } from '../render/templates.js';
import type { TrackStatus, WorkspaceData } from '../track/model.js';

export { trackStatus, type TrackStatusOptions } from '../track/status.js';
export { statusText } from '../track/status-text.js';
export type { BulletinFile, BulletinOptions } from '../render/bulletin/index.js';
export type { Status, TaskState, TrackStatus, UnitReport, Warning, WorkspaceData } from '../track/model.js';

/**
 * The 督办通报 (.docx, .pdf), one 催办单 per unit with overdue (red) tasks under 催办单/, and 总台账.xlsx with every
 * unit's latest report filled in, as bytes with relative paths; the caller writes them.
 *
 * @param status what trackStatus computed (its round and as-of date are the bulletin's)
 * @param data the workspace data the status was computed from (the plans)
 * @param templates loaded templates, or a folder whose template files override the shipped ones (default: shipped)
 * @param options `date`: YYYY-MM-DD the bulletin is issued, printed and stored inside the files
 */
export async function bulletinFiles(status: TrackStatus, data: WorkspaceData, templates: Templates | string | undefined, options: BulletinOptions): Promise<BulletinFile[]> {
  const loaded = typeof templates === 'object' ? templates : await loadTemplates(templates);
  return renderBulletin(status, data, loaded, options);
}
