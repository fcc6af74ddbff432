// status.ts and status-text.ts on the sample plan with hand-made reports (see status-fixture.ts).
import { describe, expect, it } from 'vitest';
import { statusText } from '../../src/track/status-text.js';
import { trackStatus } from '../../src/track/status.js';
import { AS_OF, PLAN_ID, ROUND, SILENT, workspaceData } from './status-fixture.js';

describe('trackStatus', () => {
  it('counts the round: 7 办结, 6 推进中, 2 滞后, the other 120 未启动', async () => {
    const s = trackStatus(await workspaceData(), { asOf: AS_OF });
    expect(s.round).toBe(ROUND);
    expect(s.plans).toHaveLength(1);
    const p = s.plans[0]!;
    expect(p.round).toBe(ROUND);
    expect(p.tasks).toHaveLength(135);
    expect(p.totals).toEqual({ 未启动: 120, 推进中: 6, 已完成: 7, 滞后: 2 });
    expect(p.annexes.map((a) => a.label)).toEqual(['附件1 产业培塑行动', '附件2 创新提升行动', '附件3 激发需求行动', '附件4 改革攻坚行动', '附件5 主体强身行动', '附件6 区域共进行动', '附件7 安全守底行动', '附件8 民生可感行动']);
    expect(p.annexes[0]!.totals).toEqual({ 未启动: 6, 推进中: 2, 已完成: 2, 滞后: 1 });
    expect(p.annexes[6]!.totals).toEqual({ 未启动: 27, 推进中: 3, 已完成: 3, 滞后: 1 });
    // Annex order, then task order.
    expect(p.tasks.slice(0, 3).map((t) => t.taskId)).toEqual(['A1.T1', 'A1.T2', 'A1.T3']);
  });

  it("lets the lead's worst report decide, else any unit's", async () => {
    const p = trackStatus(await workspaceData(), { asOf: AS_OF }).plans[0]!;
    const task = (id: string) => p.tasks.find((t) => t.taskId === id)!;
    // 区文化旅游广电体育局 leads A1.T1 (推进中); 区民政局, responsible, says 滞后.
    expect(task('A1.T1').status).toBe('推进中');
    expect(task('A1.T1').reports.map((r) => `${r.unit}:${r.status}:${r.lead}`)).toEqual(['区文化旅游广电体育局:推进中:true', '区民政局:滞后:false']);
    expect(task('A1.T2').status).toBe('已完成');
    // No lead report on A1.T5: the responsible unit's report of the earlier round stands.
    expect(task('A1.T5').status).toBe('推进中');
    expect(task('A1.T5').reports[0]).toMatchObject({ unit: '区自然资源局', round: '2025-12' });
    expect(task('A6.T1').status).toBe('未启动');
    expect(task('A6.T1').reports).toEqual([]);
  });

  it('marks the dated task past 2025-12-31 red, 滞后 yellow; last report and lead units carried', async () => {
    const p = trackStatus(await workspaceData(), { asOf: AS_OF }).plans[0]!;
    const by = (w: string) => p.tasks.filter((t) => t.warning === w).map((t) => t.taskId);
    expect(by('red')).toEqual(['A7.T5']);
    expect(by('yellow')).toEqual(['A1.T3', 'A7.T6']);
    expect(by('blue')).toEqual([]);
    const red = p.tasks.find((t) => t.taskId === 'A7.T5')!;
    expect(red).toMatchObject({ due: '2025-12-31', dueKind: 'by-date', deadlines: '2025年底前', lead: ['区安委办'], lastReport: { unit: '区安委办', progress: '智慧安监平台建设过半', reportedOn: '2026-01-05' } });
  });

  it('blue for the dated task within 15 days when under way (as of 2025-12-20, round 2026-01)', async () => {
    const p = trackStatus(await workspaceData(), { asOf: '2025-12-20', round: ROUND }).plans[0]!;
    expect(p.tasks.filter((t) => t.warning === 'blue').map((t) => t.taskId)).toEqual(['A7.T5']);
    expect(trackStatus(await workspaceData(), { asOf: '2025-12-20', round: ROUND, dueSoonDays: 5 }).plans[0]!.tasks.filter((t) => t.warning === 'blue')).toEqual([]);
  });

  it('names the unit that was handed a ledger and returned nothing', async () => {
    const s = trackStatus(await workspaceData(), { asOf: AS_OF });
    expect(s.plans[0]!.silent).toEqual([SILENT]);
    expect(s.plans[0]!.handedOut).toHaveLength(6);
    // In the earlier round only two units returned a file.
    const before = trackStatus(await workspaceData(), { asOf: '2025-12-20', round: '2025-12' }).plans[0]!;
    expect(before.silent).toEqual(before.handedOut.filter((u) => u !== '区文化旅游广电体育局' && u !== '区自然资源局'));
    expect(before.silent).toHaveLength(4);
    expect(before.totals['推进中']).toBe(1);
  });

  it('filters to one unit: its tasks, its silence', async () => {
    const data = await workspaceData();
    const plan = data.plans[0]!.plan;
    const own = plan.annexes.flatMap((a) => a.tasks).filter((t) => t.assignments.some((a) => a.unit === '区安委办')).map((t) => t.id);
    const s = trackStatus(data, { asOf: AS_OF, unit: '区安委办' });
    expect(s.unit).toBe('区安委办');
    expect(s.plans[0]!.tasks.map((t) => t.taskId)).toEqual(own);
    expect(s.plans[0]!.annexes.map((a) => a.annexId)).toEqual(['A7']);
    expect(s.plans[0]!.silent).toEqual([]);
    expect(trackStatus(data, { asOf: AS_OF, unit: SILENT }).plans[0]!.silent).toEqual([SILENT]);
    // A bureau answers for its desks.
    const desks = trackStatus(data, { asOf: AS_OF, unit: '区发展和改革局' }).plans[0]!.tasks.map((t) => t.taskId);
    expect(desks).toContain('A5.T8'); // led by 区发展和改革局〈工信〉
  });

  it('is deterministic and independent of the order reports come in', async () => {
    const data = await workspaceData();
    const a = trackStatus(data, { asOf: AS_OF });
    const b = trackStatus({ ...data, reports: [...data.reports].reverse(), handouts: [...data.handouts].reverse() }, { asOf: AS_OF });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('a later report of the same unit and round supersedes the earlier', async () => {
    const data = await workspaceData();
    const again = data.reports.find((r) => r.taskId === 'A7.T5')!;
    const reports = [...data.reports, { ...again, status: '已完成' as const, progress: '平台上线', seq: 999 }];
    const p = trackStatus({ ...data, reports }, { asOf: AS_OF }).plans[0]!;
    expect(p.tasks.find((t) => t.taskId === 'A7.T5')).toMatchObject({ status: '已完成', warning: null });
    expect(p.totals['已完成']).toBe(8);
  });

  it('an empty workspace has no plans', () => {
    expect(trackStatus({ plans: [], handouts: [], reports: [], files: [] }, { asOf: AS_OF }).plans).toEqual([]);
  });
});

describe('statusText', () => {
  it('summarises per annex, names the overdue task with its lead and the silent unit', async () => {
    const text = statusText(trackStatus(await workspaceData(), { asOf: AS_OF }));
    expect(text).toContain('截至 2026-01-15');
    expect(text).toContain('报送轮次：2026-01  任务 135 项  办结率 5.2%');
    expect(text).toMatch(/附件1 产业培塑行动\s+11\s+2\s+2\s+1\s+6/);
    expect(text).toMatch(/合计\s+135\s+7\s+6\s+2\s+120/);
    expect(text).toMatch(/逾期（红色预警）1 项\n  A7\.T5  时限 2025-12-31  推进中  持续强化科技兴安\s+牵头：区安委办/);
    expect(text).toContain('未报送单位 1 个：区自然资源局');
    // Columns aligned: every row of the annex table has its 合计 column at the same display width.
    const rows = text.split('\n').filter((l) => /^  (附件\d|合计)/.test(l));
    expect(rows).toHaveLength(9);
    expect(new Set(rows.map((r) => [...r].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))).size).toBe(1);
  });

  it('shows 未明确 where a late task has no lead', async () => {
    const data = await workspaceData();
    const plan = data.plans[0]!.plan;
    const noLead = plan.annexes.flatMap((a) => a.tasks).find((t) => !t.assignments.some((a) => a.role === 'lead'))!;
    const unit = noLead.assignments[0]!.unit;
    const reports = [...data.reports, { ...data.reports[0]!, taskId: noLead.id, unit, status: '滞后' as const, seq: 1000 }];
    const text = statusText(trackStatus({ ...data, reports }, { asOf: AS_OF }));
    expect(text).toMatch(new RegExp(`${noLead.id.replace('.', '\\.')}  滞后  .*牵头：未明确`));
  });
});

describe('the public API', () => {
  it('exports trackStatus, statusText and bulletinFiles from the entry point', async () => {
    const api = await import('../../src/index.js');
    expect([api.trackStatus, api.statusText, api.bulletinFiles].map((f) => typeof f)).toEqual(['function', 'function', 'function']);
    const files = await api.bulletinFiles(api.trackStatus(await workspaceData(), { asOf: AS_OF }), await workspaceData(), undefined, { date: '2026-01-16' });
    expect(files.map((f) => f.path)).toContain('督办通报.pdf');
  }, 60_000);
});
