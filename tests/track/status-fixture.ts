// Workspace data for status and bulletin tests: the sample plan as task A's readWorkspace would return it, two
// rounds handed out to six units, and hand-made reports — five units report in 2026-01, 区自然资源局 stays silent
// (it reported once in 2025-12, which still stands), a lead and a responsible unit disagree on A1.T1 and A1.T2.
import { extractNotice, type Plan } from '../../src/index.js';
import type { Handout, ReturnedFile, Status, TaskReport, WorkspaceData } from '../../src/track/model.js';

export const SAMPLE = 'input/wulingyuan-2024-ba-da-xing-dong.txt';
export const PLAN_ID = '0123456789ab';
export const ROUND = '2026-01';
export const AS_OF = '2026-01-15';
export const UNITS = ['区安委办', '区文化旅游广电体育局', '区教育局', '区民政局', '区妇联', '区自然资源局'] as const;
export const SILENT = '区自然资源局';

let sample: Promise<Plan> | undefined;
export function samplePlan(): Promise<Plan> {
  sample ??= extractNotice(SAMPLE).then((r) => r.plan);
  return sample;
}

/** [unit, task, status, progress] per round. */
const REPORTS: Record<string, [string, string, Status | null, string][]> = {
  '2025-12': [
    ['区自然资源局', 'A1.T5', '推进中', '已完成选址论证'],
    ['区文化旅游广电体育局', 'A1.T1', '未启动', ''],
  ],
  '2026-01': [
    ['区安委办', 'A7.T2', '推进中', '每月开展隐患排查'],
    ['区安委办', 'A7.T3', '已完成', '专项行动已结束'],
    ['区安委办', 'A7.T4', '已完成', '已建立机制'],
    ['区安委办', 'A7.T5', '推进中', '智慧安监平台建设过半'],
    ['区安委办', 'A7.T6', '滞后', '资金未到位'],
    ['区安委办', 'A7.T7', '推进中', '按计划推进'],
    ['区安委办', 'A7.T8', '已完成', '宣传月活动已办'],
    ['区文化旅游广电体育局', 'A1.T1', '推进中', '康养项目签约2个'],
    ['区文化旅游广电体育局', 'A1.T2', '已完成', '已办结'],
    ['区文化旅游广电体育局', 'A1.T3', '滞后', '招商未落地'],
    ['区文化旅游广电体育局', 'A1.T4', '已完成', '已办结'],
    ['区民政局', 'A1.T1', '滞后', '养老床位建设滞后'],
    ['区民政局', 'A8.T3', '已完成', '已发放'],
    ['区教育局', 'A1.T2', '滞后', '研学基地未挂牌'],
    ['区教育局', 'A2.T8', '推进中', '课程开发中'],
    ['区妇联', 'A8.T1', '已完成', '两癌检查完成'],
    ['区妇联', 'A8.T4', '未启动', ''],
  ],
};

export async function workspaceData(): Promise<WorkspaceData> {
  const plan = await samplePlan();
  const handouts: Handout[] = [];
  const files: ReturnedFile[] = [];
  const reports: TaskReport[] = [];
  let seq = 0;
  for (const [round, date] of [['2025-12', '2025-12-05'], [ROUND, '2026-01-05']] as const) {
    for (const unit of ['全部', ...UNITS]) handouts.push({ planId: PLAN_ID, round, unit, file: `ledgers/${round}/${unit}.xlsx`, sha256: `${round}-${unit}`, date });
    const rows = REPORTS[round]!;
    for (const unit of new Set(rows.map((r) => r[0]))) {
      const sha = `ret-${round}-${unit}`;
      files.push({ sha256: sha, name: `${unit}.xlsx`, stored: `returns/${sha}.xlsx`, planId: PLAN_ID, round, unit, collectedAt: `${date}T09:00:00Z` });
      rows.filter((r) => r[0] === unit).forEach(([, taskId, status, progress], i) =>
        reports.push({ planId: PLAN_ID, round, taskId, unit, status, progress, evidence: '', reporter: `${unit.slice(1, 3)}联络员`, reportedOn: date, file: sha, sheet: '附件', row: i + 2, seq: ++seq }),
      );
    }
  }
  return {
    plans: [{ planId: PLAN_ID, sha256: `${PLAN_ID}ffff`, docNumber: plan.notice.docNumber, title: plan.notice.planTitle ?? plan.notice.title, plan, recordedOn: '2025-12-01' }],
    handouts,
    reports,
    files,
  };
}
