// The bundled notice end to end: every item the issue lists, checked against the source text.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice, Plan, planToJson, type Task } from '../../src/index.js';
import { expectGolden } from '../golden.js';
import { SAMPLE, allTasks, roles } from '../helpers.js';

let plan: Plan;
let source: string;
const task = (id: string): Task => allTasks(plan).find((t) => t.id === id)!;

beforeAll(async () => {
  ({ plan, source } = await extractNotice(SAMPLE));
});

describe('the bundled notice', () => {
  it('reads the header and drops web-page debris', () => {
    expect(plan.notice).toMatchObject({
      issuer: '张家界市武陵源区人民政府办公室',
      title: '关于印发《张家界市武陵源区实施“八大行动”总体方案》的通知',
      docNumber: '张武政办发〔2024〕2号',
      date: '2024-04-12',
      recipients: ['张管局', '各乡人民政府、街道办事处', '区直(垂直)及驻武相关单位'],
      planTitle: '张家界市武陵源区实施“八大行动”总体方案',
      planName: '实施“八大行动”',
    });
    const text = JSON.stringify(plan.annexes);
    for (const debris of ['您当前的位置', '打印本页', '关闭窗口']) expect(text).not.toContain(debris);
  });

  it('finds 8 annexes and 135 tasks: 11, 12, 14, 14, 16, 22, 34, 12', () => {
    expect(plan.annexes.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8']);
    expect(plan.annexes.map((a) => a.tasks.length)).toEqual([11, 12, 14, 14, 16, 22, 34, 12]);
    expect(plan.annexes.map((a) => a.action)).toEqual(['产业培塑行动', '创新提升行动', '激发需求行动', '改革攻坚行动', '主体强身行动', '区域共进行动', '安全守底行动', '民生可感行动']);
  });

  it('numbers annex 8 items (一)…(十二) as its tasks, and puts tasks under the right sections', () => {
    const a8 = plan.annexes[7];
    expect(a8.tasks.map((t) => t.number)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)', '(八)', '(九)', '(十)', '(十一)', '(十二)']);
    expect(task('A8.T3').number).toBe('(三)');
    expect(task('A1.T7')).toMatchObject({ section: '(二)', sectionTitle: '集成提升传统产业', title: '加快发展生态农业' });
    expect(task('A1.T11').section).toBe('(四)');
    expect(plan.annexes[0].sections.map((s) => s.title)).toEqual(['集群提质文化旅游产业', '集成提升传统产业', '集聚突破新兴产业', '强化产业发展支撑']);
  });

  it('reads every clause form the sample uses', () => {
    expect(roles(task('A1.T1'))).toBe('l:区文化旅游广电体育局 r:区民政局 r:区发展和改革局 r:区自然资源局 r:区卫生健康局 r:区公安分局 r:区商务和投资事务中心');
    expect(roles(task('A1.T2'))).toContain('r:区发展和改革局〈科技〉 r:区发展和改革局〈工信〉');
    expect(roles(task('A7.T2'))).toBe('l:区安委办 c:各负有监管职责的行业部门');
    const desk = plan.units.find((u) => u.name === '区发展和改革局〈科技〉')!;
    expect(desk.parent).toBe('区发展和改革局');
    expect(plan.units.find((u) => u.name === '区财政局')!.aliases).toEqual(['区国资局']);
    expect(plan.units.find((u) => u.name === '各乡〈街道〉')!.kind).toBe('collective');
  });

  it('keeps a unit listed twice in one clause once, with a warning at its place', () => {
    const t = task('A4.T2');
    expect(t.assignments.filter((a) => a.unit === '区商务和投资事务中心')).toHaveLength(1);
    const d = plan.diagnostics.find((x) => x.ruleId === 'duplicate-unit')!;
    expect(d).toMatchObject({ annex: 'A4', task: 'A4.T2', severity: 'warning' });
    expect(source.slice(d.span!.start, d.span!.end)).toBe('区商务和投资事务中心');
  });

  it('applies annex 6 "排序第一的责任单位为牵头单位" as an inferred lead, and records the rule', () => {
    expect(plan.annexes[5].rules).toHaveLength(1);
    expect(plan.annexes[5].rules[0].raw).toContain('排序第一的责任单位为该项工作的牵头单位');
    expect(roles(task('A6.T1'))).toBe('l*:区自然资源局 r:区林业局 r:区农业农村局 r:张管局规划建设部');
    for (const t of plan.annexes[5].tasks) expect(t.assignments.filter((a) => a.role === 'lead').length).toBeGreaterThan(0);
  });

  it('names no lead for annex 7 tasks 9–31 and says so', () => {
    const noLead = plan.annexes[6].tasks.filter((t) => !t.assignments.some((a) => a.role === 'lead')).map((t) => Number(t.number));
    expect(noLead.every((n) => n >= 9 && n <= 31)).toBe(true);
    expect(noLead.length).toBeGreaterThan(15);
    const flagged = plan.diagnostics.filter((d) => d.ruleId === 'no-lead').map((d) => d.task);
    expect(flagged.filter((id) => id?.startsWith('A7'))).toEqual(noLead.map((n) => `A7.T${n}`));
    // 各成员单位按职责分工负责 names no lead either (annex 5 states no first-listed rule).
    expect(flagged.filter((id) => !id?.startsWith('A7'))).toEqual(['A5.T13']);
    expect(plan.annexes[6].rules).toEqual([]);
  });

  it('keeps the clauses of multi-clause items apart', () => {
    const t1 = task('A7.T1');
    expect(t1.clauses).toHaveLength(2);
    expect(t1.assignments.filter((a) => a.clause === 0 && a.role === 'lead')).toHaveLength(10);
    expect(roles({ ...t1, assignments: t1.assignments.filter((a) => a.clause === 1) })).toBe('r:区交通运输局 r:市交警支队直属二大队 r:区农业农村局 r:区教育局');
    const t4 = task('A8.T4');
    expect(t4.assignments.map((a) => `${a.clause}:${a.unit}`)).toEqual(['0:区妇联', '1:区残联', '2:区卫生健康局', '3:区退役军人事务局', '4:区人力资源和社会保障局']);
  });

  it('resolves 各成员单位 in annex 5 task 13 to the work group members', () => {
    const t = task('A5.T13');
    expect(t.assignments.map((a) => a.unit)).toEqual(plan.annexes[4].workGroup!.members);
    expect(t.assignments.every((a) => a.resolvedFrom === '各成员单位' && a.role === 'responsible')).toBe(true);
  });

  it('reads goals and task quantities as targets', () => {
    const goal = (annex: number, indicator: string) => plan.annexes[annex - 1].goals.find((g) => g.indicator === indicator);
    expect(goal(1, '旅游总收入')).toMatchObject({ verb: '增长', value: 15, unit: '%', qualifier: '左右' });
    expect(goal(2, '万人高价值发明专利拥有量')).toMatchObject({ verb: '达', value: 0.33, unit: '件', qualifier: '以上' });
    expect(goal(5, '新登记经营主体')).toMatchObject({ value: 1550, unit: '户', qualifier: '以上' });
    expect(goal(7, '地表水断面水质优良比例')).toMatchObject({ verb: '保持', value: 100, unit: '%' });
    expect(plan.goals.find((g) => g.indicator === '旅游总收入')).toMatchObject({ value: 15, qualifier: '左右' });
    expect(task('A8.T2').targets[0]).toMatchObject({ indicator: '托位', verb: '新增', value: 100, unit: '个' });
    expect(task('A8.T3').targets[0]).toMatchObject({ indicator: '城市低保标准', value: 700, unit: '元/月/人' });
    const quantities = allTasks(plan).flatMap((t) => t.targets.map((g) => `${g.value}${g.unit}`));
    expect(quantities).toEqual(expect.arrayContaining(['1.2亿元', '2000亩']));
  });

  it('reads deadlines', () => {
    const raws = allTasks(plan).flatMap((t) => t.deadlines.map((d) => d.raw));
    expect(raws.length).toBeGreaterThan(5);
    const all = allTasks(plan).flatMap((t) => t.deadlines);
    expect(all.find((d) => d.raw.includes('2025年底前'))?.date).toBe('2025-12-31');
    expect(all.some((d) => d.kind === 'recurring' && d.period === 'quarter')).toBe(true);
  });

  it('reads the command and the reporting cadence of the covering plan', () => {
    expect(plan.notice.command).toMatchObject({ commander: '区长', executiveDeputy: '常务副区长', office: '区政府办' });
    expect(plan.notice.cadences.map((c) => c.raw)).toEqual(['每旬调度更新', '月底收集更新', '“旬调度、月通报、季讲评”', '不少于1次/月']);
  });

  it('reads all 8 work groups with convener, deputies, members and office', () => {
    const groups = plan.annexes.map((a) => a.workGroup!);
    expect(groups.every((g) => g.name.endsWith('工作专班') && g.convener?.startsWith('区人民政府分管'))).toBe(true);
    expect(groups[0].convener).toBe('区人民政府分管发展改革工作的副区长');
    expect(groups[4].office).toBe('区市场监督管理局');
    expect(groups[4].deputyConveners).toEqual(['区政府办联系市场监管工作的副主任', '区市场监督管理局主要负责人', '区发展和改革局(工信)主要负责人']);
    expect(groups[7].office).toBe('区人力资源和社会保障局');
    expect(groups[7].members).toHaveLength(19);
    expect(groups[0].members).toContain('区财政局');
    expect(groups[1].office).toBe('区发展和改革局〈科技〉');
  });

  it('grounds every item: source.slice(span) is exactly its raw', () => {
    let checked = 0;
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) return x.forEach(walk);
      if (x && typeof x === 'object') {
        const o = x as { raw?: unknown; span?: { start: number; end: number; line: number; column: number } };
        if (typeof o.raw === 'string' && o.span) {
          expect(source.slice(o.span.start, o.span.end)).toBe(o.raw);
          const lines = source.slice(0, o.span.start).split('\n');
          expect([o.span.line, o.span.column]).toEqual([lines.length, lines.at(-1)!.length + 1]);
          checked++;
        }
        Object.values(o).forEach(walk);
      }
    };
    walk(plan);
    // Assignments are grounded at the unit as written (the clause once, on task.clauses): ~880 items.
    expect(checked).toBeGreaterThan(850);
  });

  it('is schema-valid and byte-identical across runs', async () => {
    expect(() => Plan.parse(plan)).not.toThrow();
    const again = await extractNotice(SAMPLE);
    expect(planToJson(again.plan)).toBe(planToJson(plan));
  });

  it('matches the reviewed golden summary', () => {
    const summary = plan.annexes.map((a) => ({
      id: a.id,
      title: a.title,
      goals: a.goals.map((g) => `${g.indicator} | ${g.verb ?? ''} | ${g.value} | ${g.unit} | ${g.qualifier ?? ''}`),
      rules: a.rules.map((r) => `${r.id} (${r.scope})`),
      workGroup: a.workGroup && { convener: a.workGroup.convener, deputies: a.workGroup.deputyConveners, office: a.workGroup.office, members: a.workGroup.members },
      tasks: a.tasks.map((t) => ({
        id: `${t.id} ${t.number} ${t.section ?? ''} ${t.title}`,
        roles: roles(t),
        targets: t.targets.map((g) => `${g.indicator} | ${g.verb ?? ''} | ${g.value} | ${g.unit} | ${g.qualifier ?? ''}`),
        deadlines: t.deadlines.map((d) => `${d.raw} → ${d.date ?? d.period ?? d.kind}`),
      })),
    }));
    expectGolden('tests/fixtures/sample/expected-summary.json', `${JSON.stringify(summary, null, 1)}\n`);
    void readFileSync;
  });
});
