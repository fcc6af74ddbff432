// How one change reads in a report: where it is, what it was, what it became, what happened. Shared by reporters.
import { ENTITY_LABEL, fieldLabel, KIND_LABEL, MATCH_LABEL, ROLE_LABEL } from './labels.js';
import type { Change, ChangeValue } from '../../diff/schema.js';

export interface ChangeRow {
  /** 位置: 通知 · 文号, 附件3 任务 A3.T6 → A3.T7, 单位「区教育局」 */
  readonly place: string;
  /** 原内容 and 修改后 as plain text; reporters that can mark edits use change.redline instead. */
  readonly old: string;
  readonly new: string;
  /** 变化说明: 新增任务, 牵头单位更换, 任务重新编号 … */
  readonly note: string;
  /** 按内容匹配，相似度 0.93 — only for paired tasks whose pairing is worth stating. */
  readonly match: string | null;
}

export function formatValue(value: ChangeValue, field: string | null = null): string {
  if (value === null) return '（无）';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.join('、') : '（无）';
  if (typeof value === 'object') {
    return ['lead', 'responsible', 'cooperate'].map((r) => `${ROLE_LABEL[r]}${value[r] ?? 0}`).join(' / ');
  }
  return field === 'role' ? (ROLE_LABEL[value] ?? value) : value;
}

function taskIds(c: Change): string {
  if (c.oldId && c.newId && c.oldId !== c.newId) return `${c.oldId} → ${c.newId}`;
  return c.newId ?? c.oldId ?? '';
}

/** A task as a place names it: its number in the notice and its title. */
export interface TaskRef {
  readonly number: string;
  readonly title: string;
}

export interface DescribeOptions {
  /** Name the annex in the place (default: true); a report that groups by annex can leave it out. */
  readonly withAnnex?: boolean;
  /**
   * A task's number and title by id on one side (optional): places then read 第5项《title》（A3.T5）, as auditors
   * cite them; without it, the ids alone.
   */
  readonly taskRef?: (id: string, side: 'old' | 'new') => TaskRef | null;
}

/** 第5项《发展康养度假产业》（A1.T5）, or the ids alone when the task is not known. */
function taskPlace(c: Change, options: DescribeOptions): string {
  const ref = (c.newId && options.taskRef?.(c.newId, 'new')) || (c.oldId && options.taskRef?.(c.oldId, 'old')) || null;
  if (!ref) return `任务 ${taskIds(c)}`;
  const number = /^\d+$/.test(ref.number) ? `第${ref.number}项` : ref.number;
  return `${number}《${ref.title}》（${taskIds(c)}）`;
}

export function place(c: Change, options: DescribeOptions = {}): string {
  const annexPrefix = (x: Change): string => (x.annex && (options.withAnnex ?? true) ? `附件${x.annex.slice(1)} ` : '');
  const key = c.key ? `「${c.key}」` : '';
  switch (c.entity) {
    case 'notice':
      return `通知 · ${fieldLabel(c.field)}${key}`;
    case 'annex':
      return `附件 ${taskIds(c)}`;
    case 'goal':
      return c.annex ? `${annexPrefix(c)}工作目标${key}`.trim() : `总体方案 主要目标${key}`;
    case 'task':
      return `${annexPrefix(c)}${taskPlace(c, options)}`;
    case 'target':
      return `${annexPrefix(c)}${taskPlace(c, options)} 指标${key}`;
    case 'assignment':
      return `${annexPrefix(c)}${taskPlace(c, options)} ${c.field === 'lead' ? '牵头单位' : `责任单位${key}`}`;
    case 'workGroup':
      return `${annexPrefix(c)}工作专班·${fieldLabel(c.field)}${c.field === 'members' || c.field === 'deputyConveners' ? key : ''}`;
    case 'unit':
      return `单位${key}`;
  }
}

export function note(c: Change): string {
  const kind = KIND_LABEL[c.kind];
  switch (c.entity) {
    case 'task':
      if (c.kind === 'renumbered') return `任务重新编号（${formatValue(c.old)} → ${formatValue(c.new)}）`;
      if (c.kind === 'moved') return c.field === 'annex' ? '任务移至其他附件' : '任务移至其他类别';
      if (c.kind === 'modified') return `任务${fieldLabel(c.field)}修改`;
      return `${kind}任务`;
    case 'assignment':
      if (c.field === 'lead') return '牵头单位更换';
      if (c.kind === 'modified') return `职责由“${formatValue(c.old, 'role')}”改为“${formatValue(c.new, 'role')}”`;
      return `${kind}责任单位（${formatValue(c.kind === 'added' ? c.new : c.old, 'role')}）`;
    case 'goal':
    case 'target':
      return c.kind === 'modified' ? `${fieldLabel(c.field)}变化` : `${kind}指标`;
    case 'unit':
      return c.kind === 'modified' ? '承担任务数变化' : c.kind === 'added' ? '新出现的单位' : '不再承担任务的单位';
    case 'workGroup':
      if (c.field === 'members' || c.field === 'deputyConveners') return `${kind}${fieldLabel(c.field)}`;
      return `${fieldLabel(c.field)}${c.kind === 'modified' ? '变更' : kind}`;
    case 'annex':
      if (c.kind === 'renumbered') return '附件重新编号';
      return c.kind === 'modified' ? `附件${fieldLabel(c.field)}修改` : `${kind}附件`;
    case 'notice':
      return c.field === 'recipients' || c.field === 'cadences' || c.field === 'command.deputies'
        ? `${kind}${fieldLabel(c.field)}`
        : `${fieldLabel(c.field)}${c.kind === 'modified' ? '变更' : kind}`;
  }
}

export function describeChange(c: Change, options: DescribeOptions = {}): ChangeRow {
  const taskLevel = c.entity === 'task' || c.entity === 'annex';
  const showMatch = taskLevel && c.match !== null && (c.match.method === 'text' || c.match.score < 1);
  return {
    place: place(c, options),
    old: formatValue(c.old, c.field),
    new: formatValue(c.new, c.field),
    note: note(c),
    match: showMatch ? `${MATCH_LABEL[c.match!.method]}，相似度 ${c.match!.score.toFixed(2)}` : null,
  };
}

/** Entities in report sections: within an annex, goals, then tasks with their targets and units, then the group. */
export const SECTION_OF: Record<Change['entity'], string> = {
  notice: '通知',
  annex: '附件',
  goal: '工作目标',
  task: '工作任务',
  target: '工作任务',
  assignment: '工作任务',
  workGroup: '工作专班',
  unit: '单位',
};

export { ENTITY_LABEL, KIND_LABEL };
