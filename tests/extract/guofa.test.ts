// A real notice of another style: the State Council's 若干意见 as a portal page — no annexes, tasks （一）…（十五）
// in the body under 一、…五、, each clause on its own line, a convention in the first clause that runs forward.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice, type Plan } from '../../src/index.js';
import { allTasks, roles } from '../helpers.js';

const GUOFA = 'tests/fixtures/notices/guofa-2018-39-cujin-jiuye.html';
let plan: Plan;
let source: string;

beforeAll(async () => {
  ({ plan, source } = await extractNotice(GUOFA));
});

describe('国发〔2018〕39号 as published', () => {
  it('reads the header from the page', () => {
    expect(plan.source.format).toBe('html');
    expect(plan.notice).toMatchObject({ issuer: '国务院', docNumber: '国发〔2018〕39号', date: '2018-11-16', title: '关于做好当前和今后一个时期促进就业工作的若干意见' });
    expect(plan.notice.recipients).toEqual(['各省、自治区、直辖市人民政府', '国务院各部委、各直属机构']);
  });

  it('takes the body as the plan: 15 tasks under 5 sections', () => {
    expect(plan.annexes.map((a) => a.id)).toEqual(['A0']);
    const tasks = allTasks(plan);
    expect(tasks.map((t) => t.number)).toEqual(['(一)', '(二)', '(三)', '(四)', '(五)', '(六)', '(七)', '(八)', '(九)', '(十)', '(十一)', '(十二)', '(十三)', '(十四)', '(十五)']);
    expect(plan.annexes[0].sections.map((s) => s.title)).toEqual(['支持企业稳定发展', '鼓励支持就业创业', '积极实施培训', '及时开展下岗失业人员帮扶', '落实各方责任']);
    expect(tasks[0]).toMatchObject({ id: 'A0.T1', section: '一', title: '加大稳岗支持力度' });
    // The signature and 此件公开发布 are not part of the last task.
    expect(tasks.at(-1)!.text).not.toMatch(/2018年11月16日|此件公开发布/);
  });

  it('applies the convention stated in the first clause to it and every later clause, as inferred leads', () => {
    const [rule] = plan.annexes[0].rules;
    expect(rule).toMatchObject({ id: 'first-listed-lead', scope: 'following' });
    expect(source.slice(rule.span.start, rule.span.end)).toBe(rule.raw);
    const tasks = allTasks(plan);
    expect(roles(tasks[0])).toBe('l*:人力资源社会保障部 r:财政部');
    expect(roles(tasks[14])).toBe('l*:各有关部门和单位 r:各省级人民政府');
    expect(tasks.every((t) => t.assignments.filter((a) => a.role === 'lead').length === 1)).toBe(true);
    expect(plan.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });
});
