// fenjie serve's own pages, server-rendered with hastscript as the review page is. Every edit is a plain form (the
// token as a hidden field, answered with 303), so the pages work with scripts off; /app.js only makes them smoother.
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';
import type { Element } from 'hast';
import type { Assignment, Correction, Plan, Task } from '../api/extract.js';
import type { BuildEntry } from '../api/serve.js';
import type { Fix, StaleFix } from '../api/fixes.js';
import { DEFAULT_REASON, ROLE_LABELS } from './forms.js';

type Child = Element | string | null;

function page(title: string, token: string | null, body: Child[]): string {
  const head = [h('meta', { charset: 'utf-8' }), token === null ? null : h('meta', { name: 'fenjie-token', content: token }), h('title', title), h('link', { rel: 'stylesheet', href: '/app.css' }), token === null ? null : h('script', { src: '/app.js', defer: true })];
  // Nav slot: the tracking view (issue 17) adds its link here.
  const nav = h('nav', [h('a', { href: '/' }, '方案 / Notices'), h('a', { href: '/track' }, '跟踪 / Tracking')]);
  return toHtml(h(null, [{ type: 'doctype' }, h('html', { lang: 'zh-CN' }, [h('head', head), h('body', [nav, ...body])])]));
}

const tokenField = (token: string) => h('input', { type: 'hidden', name: 'token', value: token });
const reasonField = () => h('input', { name: 'reason', value: DEFAULT_REASON, title: '理由 / reason', 'aria-label': '理由 / reason' });
const roleSelect = (selected?: string) => h('select', { name: 'role', 'aria-label': '角色 / role' }, Object.entries(ROLE_LABELS).map(([value, label]) => h('option', { value, selected: value === selected }, label)));
const unitSelect = (name: string, units: readonly string[], label: string) => h('select', { name, 'aria-label': label }, units.map((u) => h('option', { value: u }, u)));
const corrected = (c: Correction | undefined) => (c ? h('span', { class: 'corrected', title: `更正 ${c.op}：${c.reason}（${c.at}）` }, '已更正') : null);

export interface NoticeFile {
  readonly displayName: string;
  readonly kind: string;
}

export function homePage(notices: ReadonlyArray<{ id: string; title: string }>, token: string): string {
  return page('fenjie', token, [
    h('h1', '方案 / Notices'),
    notices.length === 0 ? h('p', '尚无方案 / no notices yet') : h('ul', notices.map((n) => h('li', [h('a', { href: `/notices/${n.id}` }, n.title), ' ', h('span', { class: 'id' }, n.id)]))),
    h('form', { class: 'block', action: '/notices', method: 'post', enctype: 'multipart/form-data' }, [
      tokenField(token),
      h('p', [h('label', ['通知文件 / notice ', h('input', { type: 'file', name: 'notice', required: true })])]),
      h('p', [h('label', ['附件文件(可多选)/ annex files ', h('input', { type: 'file', name: 'annex', multiple: true })])]),
      h('button', { type: 'submit' }, '上传 / Upload'),
      h('p', { class: 'status' }),
    ]),
  ]);
}

export interface NoticePageInput {
  readonly id: string;
  readonly plan: Plan;
  readonly files: readonly NoticeFile[];
  readonly fixes: readonly Fix[];
  readonly stale: readonly StaleFix[];
  /** the build's files, null before the first build */
  readonly build: readonly BuildEntry[] | null;
  /** corrections were made after the last build */
  readonly buildOutdated: boolean;
  readonly token: string;
}

/** A fix in a few words, to name a stale one. */
export function describeFix(fix: Fix): string {
  const task = 'task' in fix && fix.task ? `「${fix.task.title}」` : '';
  switch (fix.op) {
    case 'set-role': return `${task} ${fix.unit} → ${ROLE_LABELS[fix.role]}`;
    case 'set-lead': return `${task} 牵头 ${fix.unit}`;
    case 'remove-mention': return `${task} 删除 ${fix.unit}`;
    case 'mark-person': return `${task} ${fix.name} 为人名`;
    case 'add-unit': return `${task} 补充 ${fix.written}(${ROLE_LABELS[fix.role]})`;
    case 'merge-units': return `${fix.units.join(' = ')} → ${fix.into}`;
    case 'split-unit': return `${task} ${fix.unit} → ${fix.into.join('、')}`;
    case 'rename-unit': return `${fix.from} → ${fix.to}`;
  }
}

function assignmentRow(id: string, task: Task, a: Assignment, token: string): Element {
  const action = `/notices/${id}/fixes`;
  return h('tr', [
    h('td', { class: `role-${a.role}` }, [ROLE_LABELS[a.role] ?? a.role, a.inferred ? '*' : '']),
    h('td', [a.unit, a.raw !== a.unit ? h('span', { class: 'id' }, `(${a.raw})`) : null, corrected(a.corrected)]),
    h('td', [
      h('form', { action, method: 'post' }, [
        tokenField(token),
        h('input', { type: 'hidden', name: 'task', value: task.id }),
        h('input', { type: 'hidden', name: 'unit', value: a.unit }),
        roleSelect(a.role),
        h('button', { name: 'op', value: 'set-role' }, '改角色'),
        a.role === 'lead' ? null : h('button', { name: 'op', value: 'set-lead' }, '设为牵头'),
        h('button', { name: 'op', value: 'remove-mention' }, '不是单位'),
        h('button', { name: 'op', value: 'mark-person' }, '是人名'),
        ' ',
        reasonField(),
        h('span', { class: 'status' }),
      ]),
    ]),
  ]);
}

function taskRow(id: string, task: Task, token: string): Element {
  return h('tr', { id: `task-${task.id}` }, [
    h('td', { class: 'task' }, [h('span', { class: 'id' }, task.id), task.title]),
    h('td', [
      task.assignments.length === 0 ? h('p', '(未读出单位 / no units read)') : h('table', { class: 'units' }, task.assignments.map((a) => assignmentRow(id, task, a, token))),
      task.leaders.length === 0 ? null : h('p', ['责任领导:', ...task.leaders.map((l) => h('span', [l.name, l.title ? `(${l.title})` : '', corrected(l.corrected), ' ']))]),
      h('form', { action: `/notices/${id}/fixes`, method: 'post', class: 'block' }, [
        tokenField(token),
        h('input', { type: 'hidden', name: 'op', value: 'add-unit' }),
        h('input', { type: 'hidden', name: 'task', value: task.id }),
        h('input', { name: 'written', placeholder: '原文中的单位名 / as written', 'aria-label': '原文中的单位名 / as written', required: true }),
        h('input', { name: 'occurrence', type: 'number', min: 1, placeholder: '第几处', 'aria-label': '第几处 / occurrence', style: undefined }),
        roleSelect('responsible'),
        reasonField(),
        h('button', { type: 'submit' }, '补充单位'),
        h('span', { class: 'status' }),
      ]),
    ]),
  ]);
}

function unitForms(id: string, plan: Plan, token: string): Element {
  const names = plan.units.filter((u) => u.kind === 'unit').map((u) => u.name);
  const action = `/notices/${id}/fixes`;
  return h('section', { id: 'units' }, [
    h('h2', '单位更正 / Units'),
    h('form', { action, method: 'post', class: 'block', 'data-op': 'merge-units' }, [
      tokenField(token), h('input', { type: 'hidden', name: 'op', value: 'merge-units' }),
      '合并 / merge ', unitSelect('unit', names, '单位一 / first'), ' = ', unitSelect('other', names, '单位二 / second'),
      ' 保留名称 / keep ', h('select', { name: 'into', 'aria-label': '保留名称 / keep' }, [h('option', { value: 'unit' }, '单位一'), h('option', { value: 'other' }, '单位二')]),
      ' ', reasonField(), h('button', { type: 'submit' }, '合并'), h('span', { class: 'status' }),
    ]),
    h('form', { action, method: 'post', class: 'block', 'data-op': 'split-unit' }, [
      tokenField(token), h('input', { type: 'hidden', name: 'op', value: 'split-unit' }),
      '拆分 / split ', unitSelect('unit', names, '单位 / unit'), ' 为 / into ', h('input', { name: 'into', placeholder: '甲、乙', 'aria-label': '拆分为(用、分隔)/ into', required: true }),
      ' ', reasonField(), h('button', { type: 'submit' }, '拆分'), h('span', { class: 'status' }),
    ]),
    h('form', { action, method: 'post', class: 'block', 'data-op': 'rename-unit' }, [
      tokenField(token), h('input', { type: 'hidden', name: 'op', value: 'rename-unit' }),
      '改名 / rename ', unitSelect('unit', names, '单位 / unit'), ' 为 / to ', h('input', { name: 'to', 'aria-label': '新名称 / new name', required: true }),
      ' ', reasonField(), h('button', { type: 'submit' }, '改名'), h('span', { class: 'status' }),
    ]),
  ]);
}

function buildSection(input: NoticePageInput): Element {
  const { id, build, token } = input;
  const sheets = new Map<string, Set<string>>();
  for (const e of build ?? []) if (e.unit !== undefined && (e.format === 'docx' || e.format === 'pdf')) sheets.set(e.unit, (sheets.get(e.unit) ?? new Set()).add(e.format));
  // In the plan's order of units (as the units table reads), not the file names' order.
  const order = new Map(input.plan.units.map((u, i) => [u.name, i]));
  const rank = (unit: string) => order.get(unit) ?? order.size;
  const unitUrl = (unit: string, ext: string) => `/notices/${id}/units/${encodeURIComponent(unit)}.${ext}`;
  return h('section', { id: 'build' }, [
    h('h2', '生成与下载 / Build and download'),
    h('form', { action: `/notices/${id}/build`, method: 'post' }, [tokenField(token), h('button', { type: 'submit' }, '生成文件 / Build'), h('span', { class: 'status' })]),
    h('form', { action: `/notices/${id}/track`, method: 'post' }, [tokenField(token), h('button', { type: 'submit' }, '开始跟踪：发放本轮台账 / Track: hand out ledgers')]),
    build === null ? h('p', '尚未生成 / not built yet') : h('div', [
      input.buildOutdated ? h('p', { class: 'error' }, '生成之后又有更正,请重新生成 / corrected since the last build: build again') : null,
      h('p', [h('a', { href: `/notices/${id}/documents.zip`, download: '' }, '全部文件 documents.zip'), ` (${build.length} 个文件 / files)`]),
      h('details', [h('summary', `各单位责任清单 / unit sheets (${sheets.size})`), h('table', { class: 'sheets' }, [
        h('tr', [h('th', '单位 / unit'), h('th', 'Word'), h('th', 'PDF')]),
        ...[...sheets].sort(([a], [b]) => rank(a) - rank(b)).map(([unit, formats]) => h('tr', [h('td', unit), h('td', formats.has('docx') ? h('a', { href: unitUrl(unit, 'docx') }, '.docx') : ''), h('td', formats.has('pdf') ? h('a', { href: unitUrl(unit, 'pdf') }, '.pdf') : '')])),
      ])]),
    ]),
  ]);
}

export function noticePage(input: NoticePageInput): string {
  const { id, plan, token } = input;
  const title = plan.notice.title ?? plan.notice.planTitle ?? id;
  return page(title, token, [
    h('h1', title),
    h('p', [h('a', { href: `/notices/${id}/review` }, '核对页 / review page (原文对照)'), ' · ', `${plan.annexes.reduce((n, a) => n + a.tasks.length, 0)} 项任务 · ${plan.units.length} 个单位 · ${input.fixes.length} 条更正`]),
    h('p', ['文件 / files: ', input.files.map((f, i) => `${i === 0 ? '通知' : `附件文件${i}`} ${f.displayName}`).join(';')]),
    input.stale.length === 0 ? null : h('section', { class: 'stale' }, [
      h('h2', '失效的更正 / Stale corrections'),
      h('ul', input.stale.map((s) => h('li', [`#${s.index} ${s.op} ${input.fixes[s.index] ? describeFix(input.fixes[s.index]!) : ''}: `, s.message.replace(/^.*?已失效,未应用 \(stale fix, not applied\): /, '')]))),
    ]),
    buildSection(input),
    unitForms(id, plan, token),
    h('section', { id: 'tasks' }, [
      h('h2', '任务与分工 / Tasks and assignments'),
      h('table', [
        h('tr', [h('th', '任务 / task'), h('th', '单位、角色与更正 / units, roles, corrections')]),
        ...plan.annexes.flatMap((annex) => [
          h('tr', [h('th', { colspan: 2 }, `${annex.number === 0 ? '' : `附件${annex.number} `}${annex.title}`)]),
          ...annex.tasks.map((t) => taskRow(id, t, token)),
        ]),
      ]),
    ]),
  ]);
}

/** A refusal as a small page: the status and one bilingual line. */
export function errorPage(status: number, message: string): string {
  return page(`${status}`, null, [h('h1', `${status}`), h('p', { class: 'error' }, message), h('p', [h('a', { href: '/' }, '返回 / back')])]);
}
