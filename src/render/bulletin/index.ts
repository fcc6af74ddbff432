// fenjie/render/bulletin: the 督办通报 of a round (Word and PDF), one 催办单 per unit with overdue tasks, and the
// 总台账.xlsx with every unit's latest report filled in. Bytes only; the caller writes them (paths are relative).
import type { Plan } from '../../model/schema.js';
import type { TaskState, TrackStatus, WorkspaceData } from '../../track/model.js';
import { allocateFileNames } from '../safe-filename.js';
import type { Templates } from '../templates.js';
import { ledgerXlsx, type LedgerReport } from '../xlsx/xlsx-ledger.js';
import { bulletinDocx } from './docx.js';
import { bulletinPdf } from './pdf.js';
import { bulletinView, remindersView } from './view.js';

export { bulletinView, remindersView, type BulletinBlock, type BulletinDoc, type Reminder } from './view.js';

export interface BulletinOptions {
  /** YYYY-MM-DD: the bulletin's issue date, printed and stored inside the files. */
  readonly date: string;
}

export interface BulletinFile {
  /** Relative path with forward slashes: 督办通报.docx, 催办单/区安委办.pdf, 总台账.xlsx. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The master ledger's fill-in cells for one task: the task's status, and each unit's latest words, one line each. */
export function ledgerReport(task: TaskState): LedgerReport | undefined {
  const said = task.reports.filter((r) => r.status !== null || r.progress || r.reporter || r.evidence);
  if (said.length === 0) return undefined;
  const many = said.length > 1;
  const lines = (pick: (r: (typeof said)[number]) => string) =>
    said.filter((r) => pick(r)).map((r) => (many ? `${r.unit}：${pick(r)}` : pick(r))).join('\n');
  const dates = said.flatMap((r) => (r.reportedOn ? [r.reportedOn] : [])).sort();
  return {
    progress: lines((r) => r.progress),
    status: task.status,
    evidence: lines((r) => r.evidence),
    reporter: lines((r) => r.reporter),
    reportedOn: dates[dates.length - 1] ?? null,
  };
}

/**
 * The 督办通报 (.docx, .pdf), a 催办单 (.docx, .pdf) per unit with overdue tasks under 催办单/, and the 总台账.xlsx
 * per plan (several plans: 总台账（文号）.xlsx). Deterministic: the same status, data and date give the same bytes.
 */
export async function bulletinFiles(status: TrackStatus, data: WorkspaceData, templates: Templates, options: BulletinOptions): Promise<BulletinFile[]> {
  const tpl = templates.bulletin;
  const doc = templates.document;
  const plans = new Map<string, Plan>(data.plans.map((p) => [p.planId, p.plan]));
  const { date } = options;
  const out: BulletinFile[] = [];
  const both = async (base: string, view: Parameters<typeof bulletinDocx>[0]) => {
    const [docx, pdf] = await Promise.all([
      bulletinDocx(view, doc, tpl.orientation, tpl.tableFontSize, date),
      bulletinPdf(view, doc, tpl.orientation, tpl.tableFontSize, date),
    ]);
    out.push({ path: `${base}.docx`, bytes: docx }, { path: `${base}.pdf`, bytes: pdf });
  };
  await both(tpl.fileNames.bulletin, bulletinView(status, plans, tpl, date));
  const reminders = remindersView(status, plans, tpl, date);
  const names = allocateFileNames(reminders.map((r) => r.unit));
  for (const r of reminders) await both(`${tpl.reminder.folder}/${names.get(r.unit)!}`, r);

  const ledgerNames = allocateFileNames(status.plans.map((p) => (status.plans.length > 1 ? `${tpl.fileNames.ledger}（${p.docNumber ?? p.planId}）` : tpl.fileNames.ledger)));
  for (const p of status.plans) {
    const plan = plans.get(p.planId);
    if (!plan) continue;
    const reports = new Map<string, LedgerReport>();
    for (const t of p.tasks) {
      const r = ledgerReport(t);
      if (r) reports.set(t.taskId, r);
    }
    const bytes = await ledgerXlsx(plan, templates, date, { round: p.round || undefined, reports });
    out.push({ path: `${ledgerNames.get(status.plans.length > 1 ? `${tpl.fileNames.ledger}（${p.docNumber ?? p.planId}）` : tpl.fileNames.ledger)!}.xlsx`, bytes });
  }
  return out;
}
