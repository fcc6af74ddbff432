// Small schema-valid Plans for diff tests. Task ids and numbers come from positions, as the extractor makes them,
// so inserting a task spec renumbers the ones after it.
import { Plan, SCHEMA_VERSION, type Assignment, type Role, type Target, type Task, type WorkGroup } from '../../src/model/schema.js';

const SPAN = { start: 0, end: 1, line: 1, column: 1, endLine: 1, endColumn: 2 };

export function target(indicator: string, verb: string, value: number, unit: string, qualifier: string | null = null): Target {
  return { indicator, verb, value, unit, qualifier, raw: `${indicator}${verb}${value}${unit}${qualifier ?? ''}`, span: SPAN };
}

export interface TaskSpec {
  readonly title: string;
  readonly body?: string;
  readonly lead?: readonly string[];
  readonly responsible?: readonly string[];
  readonly cooperate?: readonly string[];
  readonly targets?: readonly Target[];
  readonly section?: string;
  readonly sectionTitle?: string;
}

export interface AnnexSpec {
  readonly number: number;
  readonly title: string;
  readonly goals?: readonly Target[];
  readonly tasks: readonly TaskSpec[];
  readonly workGroup?: Partial<WorkGroup> | null;
}

export interface PlanSpec {
  readonly docNumber?: string | null;
  readonly date?: string | null;
  readonly title?: string | null;
  readonly recipients?: readonly string[];
  readonly goals?: readonly Target[];
  readonly annexes: readonly AnnexSpec[];
  readonly path?: string;
}

function clauseOf(spec: TaskSpec): string {
  const parts: string[] = [];
  if (spec.lead?.length) parts.push(`${spec.lead.join('、')}牵头`);
  if (spec.responsible?.length) parts.push(`${spec.responsible.join('、')}等按职责分工负责`);
  if (spec.cooperate?.length) parts.push(`${spec.cooperate.join('、')}配合`);
  return parts.length ? `（${parts.join('，')}）` : '';
}

function buildTask(annex: number, index: number, spec: TaskSpec): Task {
  const number = String(index + 1);
  const clause = clauseOf(spec);
  const text = `${number}.${spec.title}。${spec.body ?? ''}${clause}`;
  const roles: Array<[Role, readonly string[]]> = [['lead', spec.lead ?? []], ['responsible', spec.responsible ?? []], ['cooperate', spec.cooperate ?? []]];
  const assignments: Assignment[] = roles.flatMap(([role, units]) =>
    units.map((unit) => ({ role, unit, raw: unit, clause: 0, inferred: false, rule: null, resolvedFrom: null, desk: null, span: SPAN, mention: { raw: unit, span: SPAN } })),
  );
  return {
    id: `A${annex}.T${number}`,
    number,
    section: spec.section ?? null,
    sectionTitle: spec.sectionTitle ?? null,
    title: spec.title,
    text,
    clauses: clause ? [{ index: 0, form: 'parenthetical', raw: clause, span: SPAN, scope: { kind: 'task', span: SPAN } }] : [],
    assignments,
    leaders: [],
    targets: [...(spec.targets ?? [])],
    deadlines: [],
    span: SPAN,
  };
}

function buildWorkGroup(spec: Partial<WorkGroup>): WorkGroup {
  return {
    name: '工作专班',
    convener: null,
    deputyConveners: [],
    members: [],
    office: null,
    officeDuties: null,
    liaison: null,
    raw: '',
    span: SPAN,
    ...spec,
  };
}

export function makePlan(spec: PlanSpec): Plan {
  const annexes = spec.annexes.map((a) => ({
    id: `A${a.number}`,
    number: a.number,
    title: a.title,
    action: null,
    goals: [...(a.goals ?? [])],
    sections: [],
    tasks: a.tasks.map((t, i) => buildTask(a.number, i, t)),
    workGroup: a.workGroup ? buildWorkGroup(a.workGroup) : null,
    rules: [],
    span: SPAN,
  }));
  const counts = new Map<string, { lead: number; responsible: number; cooperate: number }>();
  for (const annex of annexes) {
    for (const task of annex.tasks) {
      for (const a of task.assignments) {
        const c = counts.get(a.unit) ?? { lead: 0, responsible: 0, cooperate: 0 };
        c[a.role]++;
        counts.set(a.unit, c);
      }
    }
  }
  return Plan.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { path: spec.path ?? 'plan.txt', sha256: '0'.repeat(64), format: 'text', encoding: 'utf-8', script: 'simplified', chars: 1, lines: 1 },
    notice: {
      issuer: '某区人民政府办公室',
      title: spec.title === undefined ? '关于印发《某区实施方案》的通知' : spec.title,
      docNumber: spec.docNumber === undefined ? '某政办发〔2024〕2号' : spec.docNumber,
      date: spec.date === undefined ? '2024-04-12' : spec.date,
      recipients: [...(spec.recipients ?? ['各乡人民政府'])],
      planTitle: '某区实施方案',
      planName: null,
      command: null,
      cadences: [],
    },
    goals: [...(spec.goals ?? [])],
    annexes,
    units: [...counts].map(([name, c]) => ({ name, aliases: [], parent: null, kind: 'unit', members: [], counts: c })),
    diagnostics: [],
  });
}

/** A three-annex base plan; tests copy its spec and change one thing. */
export const BASE: PlanSpec = {
  goals: [target('旅游总收入', '增长', 15, '%', '左右'), target('农业总产值', '增长', 3.5, '%')],
  annexes: [
    {
      number: 1,
      title: '某区产业培塑行动实施方案',
      goals: [target('旅游总收入', '增长', 15, '%', '左右')],
      tasks: [
        { title: '发展康养度假产业', body: '强化康养度假品牌营销和联合营销,打造康养休闲品牌。', lead: ['区文化旅游广电体育局'], responsible: ['区民政局', '区卫生健康局'], section: '(一)', sectionTitle: '集群提质文化旅游产业' },
        { title: '培育多元业态', body: '引进国际国内体育赛事,举办专题演唱会、音乐节等文艺活动。', lead: ['区文化旅游广电体育局'], responsible: ['区教育局'], section: '(一)', sectionTitle: '集群提质文化旅游产业' },
        { title: '加快发展生态农业', body: '加强品牌策划、运营、宣传推介和保护,稳定粮食生产。', lead: ['区农业农村局'], section: '(二)', sectionTitle: '集成提升传统产业' },
      ],
      workGroup: { name: '产业培塑行动工作专班', convener: '分管发展改革工作的副区长', office: '区发展和改革局', members: ['区文化旅游广电体育局', '区农业农村局', '区财政局'] },
    },
    {
      number: 2,
      title: '某区激发需求行动实施方案',
      tasks: [
        { title: '以政策引导消费', body: '突出就业优先导向,加大财政、金融、投资、消费等政策协同。', lead: ['区发展和改革局'], responsible: ['区财政局'] },
        { title: '以业态引领消费', body: '积极组织市场主体参与省级夜间消费聚集示范区评选。', lead: ['区商务和投资事务中心'], responsible: ['区发展和改革局'] },
        { title: '以活动激发消费', body: '打造优质消费活动品牌,开展家电家装、零售等消费促进活动2次以上。', lead: ['区商务和投资事务中心'], targets: [target('消费促进活动', '开展', 2, '次', '以上')] },
        { title: '以平台促进消费', body: '继续实施县域商业体系建设三年行动,抓好冷链物流项目建设。', lead: ['区商务和投资事务中心', '区交通运输局'] },
      ],
    },
    {
      number: 3,
      title: '某区民生可感行动实施方案',
      tasks: [
        { title: '推进教育高质量发展', body: '鼓励有条件的托育中心和幼儿园业务兼容,实行学前一站式服务。', lead: ['区教育局'] },
        { title: '推进健康建设', body: '新建或改扩建一批普惠托育服务机构,新增托位100个。', lead: ['区卫生健康局'], targets: [target('托位', '新增', 100, '个')] },
      ],
    },
  ],
};

/** Copy of a spec with one annex's tasks replaced through a function. */
export function editTasks(spec: PlanSpec, annexNumber: number, edit: (tasks: TaskSpec[]) => TaskSpec[]): PlanSpec {
  return {
    ...spec,
    annexes: spec.annexes.map((a) => (a.number === annexNumber ? { ...a, tasks: edit([...a.tasks]) } : a)),
  };
}
