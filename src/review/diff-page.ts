// renderDiffReview: two versions of a notice side by side, changed tasks marked, the change list with redline on top.
import { describeChange } from '../render/changes/describe.js';
import { KIND_LABEL } from '../render/changes/labels.js';
import type { Change, ChangeSet, RedlineSegment } from '../diff/schema.js';
import type { Plan } from '../model/schema.js';
import { h, type HastElement, type HChild } from './hast.js';
import { domId, sourceItems, type SourceItems } from './items.js';
import { pageShell, sourcePane } from './page.js';
import { toHtml } from './to-html.js';

export interface DiffReviewOptions {
  /** labels for the two sides (default: the source paths) */
  readonly oldLabel?: string;
  readonly newLabel?: string;
  /** include the inline script (default: true) */
  readonly script?: boolean;
}

const TASK_ID = /^A\d+\.T\d+$/;
const OLD = 'old-';
const NEW = 'new-';

/** Old task id → new task id: pairs the ChangeSet states, then tasks that kept their id and were not re-paired. */
export function pairTasks(oldPlan: Plan, newPlan: Plan, changes: ChangeSet): Map<string, string> {
  const pairs = new Map<string, string>();
  const claimed = new Set<string>();
  const unpaired = new Set<string>();
  for (const c of changes.changes) {
    if (c.entity !== 'task') continue;
    if (c.oldId && c.newId) {
      pairs.set(c.oldId, c.newId);
      claimed.add(c.newId);
    } else if (c.kind === 'removed' && c.oldId) unpaired.add(c.oldId);
    else if (c.kind === 'added' && c.newId) claimed.add(c.newId);
  }
  const newIds = new Set(newPlan.annexes.flatMap((a) => a.tasks.map((t) => t.id)));
  for (const t of oldPlan.annexes.flatMap((a) => a.tasks)) {
    if (pairs.has(t.id) || unpaired.has(t.id) || claimed.has(t.id) || !newIds.has(t.id)) continue;
    pairs.set(t.id, t.id);
  }
  return pairs;
}

function taskClasses(changes: ChangeSet, side: 'old' | 'new'): (taskId: string) => string[] {
  const marks = new Map<string, string>();
  for (const c of changes.changes) {
    const id = side === 'old' ? c.oldId : c.newId;
    if (!id || !TASK_ID.test(id)) continue;
    const task = c.entity === 'task';
    const mark = task && c.kind === 'added' ? 'added' : task && c.kind === 'removed' ? 'removed' : task && (c.kind === 'renumbered' || c.kind === 'moved') ? 'renumbered' : 'changed';
    const was = marks.get(id);
    if (was === undefined || (was === 'renumbered' && mark === 'changed')) marks.set(id, mark);
  }
  return (id) => (marks.has(id) ? [marks.get(id) as string] : []);
}

function redlineNodes(segments: readonly RedlineSegment[]): HChild[] {
  return segments.map((s) => (s.op === 'equal' ? s.text : h(s.op === 'delete' ? 'del' : 'ins', {}, s.text)));
}

function jump(items: SourceItems, key: string, label: string): HChild {
  const id = items.sourceId.get(key);
  return id ? h('a', { className: ['jump'], href: `#${id}` }, label) : null;
}

function changeRow(c: Change, i: number, oldItems: SourceItems, newItems: SourceItems, changes: ChangeSet): HastElement {
  const row = describeChange(c);
  const body = c.redline?.length ? redlineNodes(c.redline) : [row.old !== '（无）' ? h('del', {}, row.old) : null, ' → ', row.new !== '（无）' ? h('ins', {}, row.new) : null];
  const links: HChild[] = [];
  if (c.entity === 'workGroup') {
    const oldAnnex = changes.annexes.find((a) => a.annex === c.annex)?.oldId;
    if (oldAnnex) links.push(jump(oldItems, `w:${oldAnnex}`, '旧'), ' ');
    if (c.annex) links.push(jump(newItems, `w:${c.annex}`, '新'));
  } else {
    if (c.oldId && TASK_ID.test(c.oldId)) links.push(jump(oldItems, `t:${c.oldId}`, `旧 ${c.oldId}`), ' ');
    if (c.newId && TASK_ID.test(c.newId)) links.push(jump(newItems, `t:${c.newId}`, `新 ${c.newId}`));
  }
  return h(
    'tr',
    { className: [`kind-${c.kind}`], id: `change-${i}` },
    h('td', {}, String(i + 1)),
    h('td', {}, KIND_LABEL[c.kind]),
    h('td', {}, row.place),
    h('td', {}, body),
    h('td', {}, c.fromCorrections ? h('span', { className: ['fix'], title: '来自更正文件 (from the corrections file)' }, '【更正】') : null, row.note, row.match ? h('span', { className: ['rl'] }, ` ${row.match}`) : null),
    h('td', { className: ['links'] }, links),
  );
}

/** Two versions side by side: the change list (with redline) on top, both texts below with changed tasks marked. */
export function renderDiffReview(oldPlan: Plan, oldSource: string, newPlan: Plan, newSource: string, changes: ChangeSet, options: DiffReviewOptions = {}): string {
  const pairs = pairTasks(oldPlan, newPlan, changes);
  const back = new Map([...pairs].map(([o, n]) => [n, o]));
  const partner = (map: Map<string, string>, prefix: string) => (key: string) => {
    if (!key.startsWith('t:')) return null;
    const other = map.get(key.slice(2));
    return other ? domId(prefix, 's', `t:${other}`) : null;
  };
  const oldItems = sourceItems(oldPlan, { prefix: OLD, tasksOnly: true, taskClass: taskClasses(changes, 'old'), partner: partner(pairs, NEW) });
  const newItems = sourceItems(newPlan, { prefix: NEW, tasksOnly: true, taskClass: taskClasses(changes, 'new'), partner: partner(back, OLD) });
  const oldLabel = options.oldLabel ?? oldPlan.source.path;
  const newLabel = options.newLabel ?? newPlan.source.path;
  const s = changes.summary;
  const top = [
    h('h1', {}, `变更核对 · ${newPlan.notice.title ?? newLabel}`),
    h(
      'div',
      { className: ['meta'] },
      `旧 ${oldLabel} (${changes.old.docNumber ?? '—'}) → 新 ${newLabel} (${changes.new.docNumber ?? '—'}) · 共 ${s.total} 处变化: `,
      Object.entries(s.byKind)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${KIND_LABEL[k as keyof typeof KIND_LABEL]} ${n}`)
        .join(' · '),
    ),
    h(
      'div',
      { className: ['legend', 'text'], style: 'white-space:normal;font-size:12px' },
      h('span', { className: ['hl', 'task', 'changed'] }, '修改的任务'),
      h('span', { className: ['hl', 'task', 'added'] }, '新增的任务'),
      h('span', { className: ['hl', 'task', 'removed'] }, '删除的任务'),
      h('span', { className: ['hl', 'task', 'renumbered'] }, '重新编号/移动'),
      h('span', { className: ['hl', 'task'] }, '未变的任务'),
    ),
    h(
      'details',
      { className: ['changes'], open: true },
      h('summary', {}, `变化清单 ${s.total} 条`),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ['#', '类型', '位置', '内容', '说明', '跳转'].map((x) => h('th', {}, x)))),
        h('tbody', {}, changes.changes.map((c, i) => changeRow(c, i, oldItems, newItems, changes))),
      ),
    ),
  ];
  const panes = [sourcePane(oldSource, oldItems, `旧版 ${oldLabel}`, OLD), sourcePane(newSource, newItems, `新版 ${newLabel}`, NEW)];
  return `${toHtml(pageShell(`变更核对 · ${newLabel}`, top, panes, options.script ?? true))}\n`;
}
