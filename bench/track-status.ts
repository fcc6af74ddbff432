// Bench (issue 17): status and the 督办通报 on a store of 10 plans × 12 rounds — every unit of the sample handed a
// ledger each round and reporting on every task it takes part in. `npx tsx bench/track-status.ts`.
import { extractNotice } from '../src/api/extract.js';
import { bulletinFiles, statusText, trackStatus } from '../src/api/status.js';
import { STATUSES, type Handout, type ReturnedFile, type TaskReport, type WorkspaceData } from '../src/track/model.js';
import { loadTemplates } from '../src/render/templates.js';

const { plan } = await extractNotice('input/wulingyuan-2024-ba-da-xing-dong.txt');
const PLANS = 10;
const ROUNDS = 12;
const handouts: Handout[] = [];
const files: ReturnedFile[] = [];
const reports: TaskReport[] = [];
let seq = 0;
const units = plan.units.filter((u) => u.kind === 'unit' && !u.parent).map((u) => u.name);
for (let p = 0; p < PLANS; p++) {
  const planId = `plan${String(p).padStart(8, '0')}`;
  for (let r = 1; r <= ROUNDS; r++) {
    const round = `2025-${String(r).padStart(2, '0')}`;
    const date = `${round}-05`;
    units.forEach((unit, ui) => {
      handouts.push({ planId, round, unit, file: `ledgers/${round}/${ui}.xlsx`, sha256: `${planId}${round}${ui}`, date });
      if ((ui + r) % 9 === 0) return; // some silent each round
      files.push({ sha256: `f${planId}${round}${ui}`, name: `${ui}.xlsx`, stored: `returns/${ui}.xlsx`, planId, round, unit, collectedAt: `${date}T00:00:00Z` });
      for (const task of plan.annexes.flatMap((a) => a.tasks)) {
        if (!task.assignments.some((a) => a.unit === unit)) continue;
        reports.push({ planId, round, taskId: task.id, unit, status: STATUSES[(seq + r) % 4]!, progress: `第${r}轮进展`, evidence: '', reporter: '联络员', reportedOn: date, file: `f${planId}${round}${ui}`, sheet: '附件1', row: 2, seq: ++seq });
      }
    });
  }
}
const data: WorkspaceData = {
  plans: Array.from({ length: PLANS }, (_, p) => ({ planId: `plan${String(p).padStart(8, '0')}`, sha256: String(p), docNumber: `${plan.notice.docNumber}-${p}`, title: plan.notice.planTitle, plan, recordedOn: '2025-01-01' })),
  handouts, files, reports,
};
const templates = await loadTemplates();
const time = async (label: string, fn: () => unknown) => {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await fn();
    runs.push(performance.now() - t);
  }
  console.log(`${label}: ${runs.map((r) => r.toFixed(0)).join(' / ')} ms`);
};
console.log(`${PLANS} plans × ${ROUNDS} rounds: ${handouts.length} handouts, ${files.length} files, ${reports.length} reports`);
await time('trackStatus', () => trackStatus(data, { asOf: '2026-01-15' }));
const status = trackStatus(data, { asOf: '2026-01-15' });
await time('statusText', () => statusText(status));
await time('bulletinFiles (督办通报 + 催办单 + 10 总台账)', () => bulletinFiles(status, data, templates, { date: '2026-01-16' }));
const out = await bulletinFiles(status, data, templates, { date: '2026-01-16' });
console.log(`files: ${out.length}, bytes: ${out.reduce((n, f) => n + f.bytes.length, 0)}`);
