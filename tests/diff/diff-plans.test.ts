import { describe, expect, it } from 'vitest';
import { diffPlans } from '../../src/diff/index.js';
import { ChangeSet, type Change } from '../../src/diff/schema.js';
import { BASE, editTasks, makePlan, target, type PlanSpec } from './factory.js';

const base = makePlan(BASE);
const diff = (spec: PlanSpec): Change[] => diffPlans(base, makePlan(spec)).changes;
const brief = (c: Change): string => [c.kind, c.entity, c.field, c.key ?? '-', c.oldId ?? '-', c.newId ?? '-'].join(' ');

describe('diffPlans', () => {
  it('reports no change for a plan compared with itself', () => {
    const set = diffPlans(base, makePlan(BASE));
    expect(set.changes).toEqual([]);
    expect(set.summary.total).toBe(0);
    expect(() => ChangeSet.parse(set)).not.toThrow();
  });

  it('reports a changed doc number and date', () => {
    const changes = diff({ ...BASE, docNumber: '某政办发〔2024〕3号', date: '2024-05-01' });
    expect(changes.map(brief)).toEqual(['modified notice docNumber - - -', 'modified notice date - - -']);
    expect(changes[0]).toMatchObject({ old: '某政办发〔2024〕2号', new: '某政办发〔2024〕3号', match: null });
  });

  it('reports recipients added and removed', () => {
    const changes = diff({ ...BASE, recipients: ['各街道办事处'] });
    expect(changes.map(brief)).toEqual(['added notice recipients 各街道办事处 - -', 'removed notice recipients 各乡人民政府 - -']);
  });

  it('reports a goal value change as value old → new', () => {
    const changes = diff({ ...BASE, goals: [target('旅游总收入', '增长', 12, '%', '左右'), BASE.goals![1]] });
    expect(changes).toEqual([
      expect.objectContaining({ kind: 'modified', entity: 'goal', field: 'value', key: '旅游总收入', old: '增长15%左右', new: '增长12%左右', annex: null }),
    ]);
  });

  it('reports a qualifier and unit change, and goals added or removed', () => {
    const changes = diff({ ...BASE, goals: [target('旅游总收入', '增长', 15, '%', '以上'), target('地区生产总值', '增长', 6, '%', '左右')] });
    expect(changes.map(brief)).toEqual([
      'modified goal qualifier 旅游总收入 - -',
      'added goal indicator 地区生产总值 - -',
      'removed goal indicator 农业总产值 - -',
    ]);
  });

  it('reports annex goals under their annex', () => {
    const spec: PlanSpec = { ...BASE, annexes: BASE.annexes.map((a) => (a.number === 1 ? { ...a, goals: [target('旅游总收入', '增长', 12, '%', '左右')] } : a)) };
    const [c] = diff(spec);
    expect(c).toMatchObject({ kind: 'modified', entity: 'goal', annex: 'A1', oldId: 'A1', newId: 'A1', field: 'value' });
  });

  it('reports an inserted task as added and the tasks after it as renumbered, not modified', () => {
    const spec = editTasks(BASE, 2, (t) => [t[0], { title: '以服务提升消费', body: '推进餐饮、家政等服务消费提质升级,培育养老托育消费。', lead: ['区商务和投资事务中心'] }, ...t.slice(1)]);
    const changes = diff(spec).filter((c) => c.entity !== 'unit');
    expect(changes.map(brief)).toEqual([
      'added task text - - A2.T2',
      'renumbered task number - A2.T2 A2.T3',
      'renumbered task number - A2.T3 A2.T4',
      'renumbered task number - A2.T4 A2.T5',
    ]);
    expect(changes[1]).toMatchObject({ old: '2', new: '3', match: { method: 'text', score: 1 } });
  });

  it('reports a removed task in place and renumbers the rest', () => {
    const changes = diff(editTasks(BASE, 2, (t) => [t[0], ...t.slice(2)])).filter((c) => c.entity !== 'unit');
    expect(changes.map(brief)).toEqual([
      'removed task text - A2.T2 -',
      'renumbered task number - A2.T3 A2.T2',
      'renumbered task number - A2.T4 A2.T3',
    ]);
  });

  it('reports a reworded task with a redline, paired by id', () => {
    const changes = diff(editTasks(BASE, 2, (t) => [t[0], { ...t[1], body: '积极组织市场主体参与省级夜间消费聚集示范区创建。' }, ...t.slice(2)]));
    expect(changes).toHaveLength(1);
    const [c] = changes;
    expect(c).toMatchObject({ kind: 'modified', entity: 'task', field: 'text', oldId: 'A2.T2', newId: 'A2.T2', match: { method: 'id' } });
    expect(c.match!.score).toBeGreaterThan(0.8);
    expect(c.redline).toEqual([
      { op: 'equal', text: '以业态引领消费。积极组织市场主体参与省级夜间消费聚集示范区' },
      { op: 'delete', text: '评选' },
      { op: 'insert', text: '创建' },
      { op: 'equal', text: '。' },
    ]);
  });

  it('never pairs unrelated tasks: a replaced task is one removal and one addition', () => {
    const changes = diff(editTasks(BASE, 3, (t) => [t[0], { title: '推进困难群体救助', body: '提高城乡低保标准,城市低保标准提高到700元/月/人。', lead: ['区民政局'] }]));
    expect(changes.filter((c) => c.entity === 'task').map(brief)).toEqual(['removed task text - A3.T2 -', 'added task text - - A3.T2']);
  });

  it('reports a task moved to another section', () => {
    const changes = diff(editTasks(BASE, 1, (t) => [t[0], { ...t[1], section: '(二)', sectionTitle: '集成提升传统产业' }, t[2]]));
    expect(changes).toEqual([expect.objectContaining({ kind: 'moved', entity: 'task', field: 'section', old: '(一)集群提质文化旅游产业', new: '(二)集成提升传统产业' })]);
  });

  it('reports a task moved to another annex', () => {
    const moved = BASE.annexes[1].tasks[3];
    let spec = editTasks(BASE, 2, (t) => t.slice(0, 3));
    spec = editTasks(spec, 3, (t) => [...t, moved]);
    const tasks = diff(spec).filter((c) => c.entity === 'task');
    expect(tasks.map(brief)).toEqual(['moved task annex - A2.T4 A3.T3']);
    expect(tasks[0].annex).toBe('A3');
  });

  it('reports a lead replaced as one change, a unit added, a role changed', () => {
    const spec = editTasks(BASE, 2, (t) => [
      { ...t[0], lead: ['区商务和投资事务中心'] },
      { ...t[1], responsible: ['区发展和改革局', '区市场监督管理局'] },
      { ...t[2], lead: ['区商务和投资事务中心', '区文化旅游广电体育局'] },
      { ...t[3], lead: ['区商务和投资事务中心'], responsible: ['区交通运输局'] },
    ]);
    const changes = diff(spec).filter((c) => c.entity === 'assignment');
    expect(changes.map(brief)).toEqual([
      'modified assignment lead - A2.T1 A2.T1',
      'added assignment role 区市场监督管理局 A2.T2 A2.T2',
      'added assignment role 区文化旅游广电体育局 A2.T3 A2.T3',
      'modified assignment role 区交通运输局 A2.T4 A2.T4',
    ]);
    expect(changes[0]).toMatchObject({ old: ['区发展和改革局'], new: ['区商务和投资事务中心'] });
    expect(changes[1]).toMatchObject({ new: 'responsible', match: { method: 'id', score: 1 } });
    expect(changes[3]).toMatchObject({ old: 'lead', new: 'responsible' });
  });

  it('reports a task target value change', () => {
    const spec = editTasks(BASE, 3, (t) => [t[0], { ...t[1], body: '新建或改扩建一批普惠托育服务机构,新增托位120个。', targets: [target('托位', '新增', 120, '个')] }]);
    const changes = diff(spec);
    expect(changes.map(brief)).toEqual(['modified task text - A3.T2 A3.T2', 'modified target value 托位 A3.T2 A3.T2']);
    expect(changes[1]).toMatchObject({ old: '新增100个', new: '新增120个' });
  });

  it('reports work group convener, office and member changes', () => {
    const wg = BASE.annexes[0].workGroup!;
    const spec: PlanSpec = {
      ...BASE,
      annexes: BASE.annexes.map((a) =>
        a.number === 1 ? { ...a, workGroup: { ...wg, convener: '常务副区长', office: '区文化旅游广电体育局', members: ['区文化旅游广电体育局', '区农业农村局', '区林业局'] } } : a,
      ),
    };
    expect(diff(spec).map(brief)).toEqual([
      'modified workGroup convener - A1 A1',
      'modified workGroup office - A1 A1',
      'added workGroup members 区林业局 A1 A1',
      'removed workGroup members 区财政局 A1 A1',
    ]);
  });

  it('reports units that appear, disappear or change load', () => {
    const spec = editTasks(BASE, 3, (t) => [t[0], { ...t[1], lead: ['区卫生健康局'], responsible: ['区妇联'] }]);
    const units = diffPlans(base, makePlan(spec)).changes.filter((c) => c.entity === 'unit');
    expect(units.map(brief)).toEqual(['added unit counts 区妇联 - -']);
    const spec2 = editTasks(BASE, 1, (t) => [{ ...t[0], responsible: ['区卫生健康局'] }, t[1], t[2]]);
    const units2 = diffPlans(base, makePlan(spec2)).changes.filter((c) => c.entity === 'unit');
    expect(units2.map(brief)).toEqual(['removed unit counts 区民政局 - -']);
    expect(units2[0].old).toEqual({ lead: 0, responsible: 1, cooperate: 0 });
  });

  it('ignores spans, offsets and layout whitespace', () => {
    const shifted = structuredClone(makePlan(BASE));
    for (const annex of shifted.annexes) {
      annex.span = { ...annex.span, start: annex.span.start + 40 };
      for (const task of annex.tasks) {
        task.span = { ...task.span, start: 99, end: 200, line: 7 };
        task.text = task.text.replace('。', '。\n  ');
      }
    }
    expect(diffPlans(base, shifted).changes).toEqual([]);
  });

  it('is deterministic and validates against its schema', () => {
    const spec = editTasks({ ...BASE, docNumber: 'X' }, 2, (t) => [{ title: '新任务', body: '全新的一项任务内容。', lead: ['区统计局'] }, ...t.slice(1)]);
    const a = diffPlans(base, makePlan(spec));
    const b = diffPlans(makePlan(BASE), makePlan(spec));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(ChangeSet.parse(a)).toEqual(a);
    expect(a.summary.total).toBe(a.changes.length);
  });
});
