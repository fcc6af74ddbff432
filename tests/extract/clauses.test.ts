import { describe, expect, it } from 'vitest';
import { allTasks, extractText, roles } from '../helpers.js';

/** One annex with one numbered task whose text ends in `clause`. */
function oneTask(clause: string, prefix = '区'): string {
  return ['附件1', `${prefix}某某行动实施方案`, '一、工作任务', `1.推进某项工作。加快建设有关项目。${clause}`].join('\n');
}

describe('responsibility clauses', () => {
  it.each([
    ['(区农业农村局牵头,区财政局、区水利局等按职责分工负责)', 'l:区农业农村局 r:区财政局 r:区水利局'],
    ['（县农业农村局牵头，县财政局、县水利局等按职责分工负责）', 'l:县农业农村局 r:县财政局 r:县水利局'],
    ['(区教育局、区妇联牵头)', 'l:区教育局 l:区妇联'],
    ['(区发展和改革局牵头负责)', 'l:区发展和改革局'],
    ['(区住房和城乡建设局、区自然资源局按职责分工牵头负责)', 'l:区住房和城乡建设局 l:区自然资源局'],
    ['(区安委办牵头,各负有监管职责的行业部门配合)', 'l:区安委办 c:各负有监管职责的行业部门'],
    ['（市公安局牵头，市司法局协助，市民政局参与）', 'l:市公安局 c:市司法局 c:市民政局'],
    ['（省卫生健康委负责）', 'r:省卫生健康委'],
    ['（牵头单位：市发展改革委；责任单位：市财政局、市商务局）', 'l:市发展改革委 r:市财政局 r:市商务局'],
    ['[牵头单位:县卫健局;责任单位:县医保局、各乡镇]', 'l:县卫健局 r:县医保局 r:各乡镇'],
    ['（市住建局、市交通局等部门，各县（市、区）政府按职责分工负责）', 'r:市住建局 r:市交通局 r:各县(市、区)政府'],
  ])('%s', (clause, expected) => {
    const [task] = allTasks(extractText(oneTask(clause)));
    expect(roles(task)).toBe(expected);
  });

  it('reads desks of a bureau and aliases of a unit', () => {
    const plan = extractText(oneTask('(区发展和改革局〈科技、工信〉牵头,区财政局〈区国资局〉、各乡〈街道〉按职责分工负责)'));
    const [task] = allTasks(plan);
    expect(roles(task)).toBe('l:区发展和改革局〈科技〉 l:区发展和改革局〈工信〉 r:区财政局 r:各乡〈街道〉');
    expect(task.assignments[0].desk).toBe('科技');
    const units = Object.fromEntries(plan.units.map((u) => [u.name, u]));
    expect(units['区发展和改革局〈科技〉'].parent).toBe('区发展和改革局');
    expect(units['区财政局'].aliases).toEqual(['区国资局']);
    expect(units['各乡〈街道〉'].kind).toBe('collective');
    expect(units['区发展和改革局'].kind).toBe('unit');
  });

  it('reads separate responsibility lines after the item', () => {
    const text = ['附件1', '市某某工作方案', '一、重点任务', '1.完善制度。健全有关制度。', '牵头单位：市司法局', '责任单位：市财政局、市人社局', '2.加强督查。', '责任单位：市政府督查室（牵头）、市纪委监委'].join('\n');
    const [t1, t2] = allTasks(extractText(text));
    expect(roles(t1)).toBe('l:市司法局 r:市财政局 r:市人社局');
    // Label lines that follow one another are one clause: a convention then sees the lead of the other line.
    expect(t1.clauses.map((c) => [c.form, c.raw])).toEqual([['line', '牵头单位：市司法局\n责任单位：市财政局、市人社局']]);
    expect(roles(t2)).toBe('l:市政府督查室 r:市纪委监委');
  });

  it('keeps a duplicated unit once and warns', () => {
    const plan = extractText(oneTask('(区商务局牵头,区财政局、区商务局等按职责分工负责)'));
    expect(roles(allTasks(plan)[0])).toBe('l:区商务局 r:区财政局');
    expect(plan.diagnostics.find((d) => d.ruleId === 'duplicate-unit')?.span?.line).toBe(4);
  });

  it('ignores brackets that hold prose, not a clause', () => {
    const plan = extractText(oneTask('新建1个农村公益性公墓(骨灰堂)。(区民政局牵头)'));
    const [task] = allTasks(plan);
    expect(task.clauses).toHaveLength(1);
    expect(roles(task)).toBe('l:区民政局');
  });

  it('keeps each clause of a multi-clause item with its own index and span', () => {
    const text = ['附件1', '区某某行动实施方案', '二、工作任务', '(一)推进教育发展。开展对口帮扶(区教育局牵头)。开展家庭教育指导服务12场(区妇联、区教育局牵头)。'].join('\n');
    const [task] = allTasks(extractText(text));
    expect(task.assignments.map((a) => `${a.clause}:${a.unit}`)).toEqual(['0:区教育局', '1:区妇联', '1:区教育局']);
    expect(task.clauses[task.assignments[1].clause].raw).toBe('区妇联、区教育局牵头');
    const { span } = task.clauses[1];
    expect(text.slice(span.start, span.end)).toBe('区妇联、区教育局牵头');
    expect(task.assignments.map((a) => text.slice(a.span.start, a.span.end))).toEqual(['区教育局', '区妇联', '区教育局']);
    expect(task.id).toBe('A1.T1');
    expect(task.number).toBe('(一)');
  });

  it('flags a clause whose bracket never closes', () => {
    const plan = extractText(oneTask('(区教育局牵头,区财政局按职责分工负责'));
    expect(plan.diagnostics.map((d) => d.ruleId)).toContain('unbalanced-bracket');
  });
});

describe('lead conventions', () => {
  const annexRule = (rule: string) =>
    ['附件1', '区某某行动实施方案', '一、工作任务', '1.任务一。(区甲局、区乙局按职责分工负责)', '2.任务二。(区丙局牵头,区丁局按职责分工负责)', '二、推进机制', `成立工作专班。${rule}`].join('\n');

  it('applies a first-listed rule stated by the annex, marked inferred, and records the rule', () => {
    const plan = extractText(annexRule('本方案各项任务中排序第一的责任单位为该项工作的牵头单位。'));
    const [t1, t2] = allTasks(plan);
    expect(roles(t1)).toBe('l*:区甲局 r:区乙局');
    expect(t1.assignments[0].rule).toBe('first-listed-lead');
    expect(roles(t2)).toBe('l:区丙局 r:区丁局');
    expect(plan.annexes[0].rules.map((r) => r.id)).toEqual(['first-listed-lead']);
  });

  it.each(['各项任务中列第一位的单位为牵头单位。', '排在首位的部门为牵头部门。', '第一个单位为牵头单位。'])('recognises the idea in other words: %s', (rule) => {
    expect(roles(allTasks(extractText(annexRule(rule)))[0])).toBe('l*:区甲局 r:区乙局');
  });

  it('without a rule names no lead and says so; --first-listed-lead infers one on request', () => {
    const text = annexRule('');
    const plan = extractText(text);
    expect(roles(allTasks(plan)[0])).toBe('r:区甲局 r:区乙局');
    expect(plan.diagnostics.filter((d) => d.ruleId === 'no-lead').map((d) => d.task)).toEqual(['A1.T1']);
    const asked = extractText(text, { firstListedLead: true });
    expect(roles(allTasks(asked)[0])).toBe('l*:区甲局 r:区乙局');
  });

  it('a convention inside a clause applies to it and every later clause ("以下同")', () => {
    const text = ['国务院关于做好某项工作的若干意见', '一、总体要求', '（一）加强支持。支持企业稳定发展。', '（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）', '（二）加强培训。开展培训。', '（教育部、财政部负责）'].join('\n');
    const plan = extractText(text);
    const [t1, t2] = allTasks(plan);
    expect(roles(t1)).toBe('l*:人力资源社会保障部 r:财政部');
    expect(roles(t2)).toBe('l*:教育部 r:财政部');
    expect(plan.annexes[0].id).toBe('A0');
    expect(plan.annexes[0].rules.map((r) => r.scope)).toEqual(['following']);
  });

  it('resolves 各成员单位 to the work group members', () => {
    const text = ['附件1', '县某某行动实施方案', '一、工作任务', '1.开展服务。(各成员单位按职责分工负责)', '二、组织实施', '成立县某某行动工作专班,由县人民政府分管副县长任召集人,县甲局、县乙局等为成员单位。工作专班办公室设县甲局。'].join('\n');
    const plan = extractText(text);
    const [task] = allTasks(plan);
    expect(roles(task)).toBe('r:县甲局 r:县乙局');
    expect(task.assignments.every((a) => a.resolvedFrom === '各成员单位')).toBe(true);
    expect(plan.annexes[0].workGroup?.office).toBe('县甲局');
  });
});

describe('unit names written without a separator', () => {
  it('are split into units the document names elsewhere, when there is one way to split', () => {
    const text = ['附件1', '县某某方案', '一、工作任务', '1.任务甲。(县财政局牵头,县商务局按职责分工负责)', '2.任务乙。(县财政局县商务局按职责分工负责)'].join('\n');
    const plan = extractText(text);
    const t2 = allTasks(plan)[1];
    expect(roles(t2)).toBe('r:县财政局 r:县商务局');
    expect(t2.assignments.map((a) => a.raw)).toEqual(['县财政局', '县商务局']);
    expect(plan.units.map((u) => u.name)).not.toContain('县财政局县商务局');
    expect(plan.diagnostics.find((d) => d.ruleId === 'unit-split')).toMatchObject({ task: 'A1.T2', actual: '县财政局县商务局', expected: ['县财政局、县商务局'] });
  });

  it('are flagged, and kept as written, when the split is ambiguous', () => {
    // 县甲局乙科丙局处 reads as 县甲局 + 乙科丙局处 or as 县甲局乙科 + 丙局处.
    const text = ['附件1', '县某某方案', '一、工作任务', '1.任务甲。(县甲局、乙科丙局处、县甲局乙科、丙局处、县甲局乙科丙局处按职责分工负责)'].join('\n');
    const plan = extractText(text);
    expect(roles(allTasks(plan)[0])).toContain('r:县甲局乙科丙局处');
    const d = plan.diagnostics.find((x) => x.ruleId === 'unit-ambiguous')!;
    expect(d.actual).toBe('县甲局乙科丙局处');
    expect(d.expected).toEqual(expect.arrayContaining(['县甲局、乙科丙局处', '县甲局乙科、丙局处']));
  });
});

describe('clauses that are not understood', () => {
  it('become diagnostics at their place instead of vanishing', () => {
    const text = ['附件1', '市某某方案', '一、重点任务', '1.完善制度。', '责任单位:2025年底前完成', '2.加强督查。(由市有关方面统筹牵头推进落实的相关工作事项)'].join('\n');
    const plan = extractText(text);
    const unclear = plan.diagnostics.filter((d) => d.ruleId === 'unclear-clause');
    expect(unclear.map((d) => `${d.task}@${d.span?.line}`)).toEqual(['A1.T1@5', 'A1.T2@6']);
  });
});

describe('work groups in other words', () => {
  it.each(['成立', '建立', '组建', '设立'])('are read when the text says %s', (verb) => {
    const text = ['附件1', '县某某行动实施方案', '一、工作任务', '1.开展服务。(县甲局牵头)', '二、保障措施', `${verb}县某某行动工作专班,由县人民政府分管副县长任召集人,县甲局、县乙局等为成员单位。工作专班办公室设在县甲局。`].join('\n');
    const group = extractText(text).annexes[0].workGroup;
    expect(group).toMatchObject({ name: '县某某行动工作专班', convener: '县人民政府分管副县长', members: ['县甲局', '县乙局'], office: '县甲局' });
  });
});
