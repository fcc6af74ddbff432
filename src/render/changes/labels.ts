// Chinese labels for reports. Data, not logic, so every reporter says the same thing the same way.
import type { ChangeEntity, ChangeKind } from '../../diff/schema.js';

export const KIND_LABEL: Record<ChangeKind, string> = {
  added: '新增',
  removed: '删除',
  modified: '修改',
  renumbered: '重新编号',
  moved: '移动',
};

export const ENTITY_LABEL: Record<ChangeEntity, string> = {
  notice: '通知',
  annex: '附件',
  goal: '目标',
  task: '任务',
  target: '任务指标',
  assignment: '责任分工',
  workGroup: '工作专班',
  unit: '单位',
};

export const FIELD_LABEL: Readonly<Record<string, string>> = {
  docNumber: '文号',
  date: '成文日期',
  issuer: '发文机关',
  title: '标题',
  planTitle: '方案名称',
  planName: '方案简称',
  recipients: '主送单位',
  'command.name': '指挥部名称',
  'command.commander': '指挥长',
  'command.executiveDeputy': '常务副指挥长',
  'command.office': '指挥部办公室',
  'command.deputies': '副指挥长',
  cadences: '调度频次',
  number: '编号',
  action: '行动名称',
  text: '内容',
  clauses: '责任条款',
  section: '所属类别',
  annex: '所属附件',
  indicator: '指标',
  verb: '动词',
  value: '数值',
  unit: '单位',
  qualifier: '限定词',
  role: '职责',
  lead: '牵头单位',
  name: '名称',
  convener: '召集人',
  deputyConveners: '副召集人',
  office: '办公室',
  officeDuties: '办公室职责',
  liaison: '联络员',
  members: '成员单位',
  counts: '任务数',
};

export const ROLE_LABEL: Readonly<Record<string, string>> = {
  lead: '牵头',
  responsible: '负责',
  cooperate: '配合',
};

export const MATCH_LABEL = { id: '按编号匹配', text: '按内容匹配' } as const;

export function fieldLabel(field: string | null): string {
  if (field === null) return '';
  return field
    .split(',')
    .map((f) => FIELD_LABEL[f] ?? f)
    .join('、');
}
