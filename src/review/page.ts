// renderReview: one self-contained HTML page to check a Plan against its source text.
import type { Plan } from '../model/schema.js';
import { h, type HastElement, type HChild, type HastRoot } from './hast.js';
import { highlightSource } from './highlight.js';
import { sourceItems, type SourceItems } from './items.js';
import { diagnosticsPanel, outline } from './outline.js';
import { REVIEW_SCRIPT } from './script.js';
import { REVIEW_CSS } from './style.js';
import { toHtml } from './to-html.js';

export interface ReviewOptions {
  /** page title (default: the notice title, else the source path) */
  readonly title?: string;
  /** include the inline script for jumps and the unit filter (default: true) */
  readonly script?: boolean;
}

/** The shell shared by the review and diff pages: head with inline CSS, a top bar, panes, inline script. */
export function pageShell(title: string, top: HChild, panes: HChild, script: boolean): HastRoot {
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h(
        'html',
        { lang: 'zh-CN', className: ['no-js'] },
        h(
          'head',
          {},
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: 'fenjie review' }),
          h('title', {}, title),
          h('style', {}, REVIEW_CSS),
        ),
        h('body', {}, h('header', { className: ['top'] }, top), h('main', { className: ['panes'] }, panes), script ? h('script', {}, REVIEW_SCRIPT) : null),
      ),
    ],
  };
}

export function legend(): HastElement {
  const chip = (cls: string, label: string): HastElement => h('span', { className: ['hl', ...cls.split(' ')] }, label);
  return h(
    'div',
    { className: ['legend', 'text'], style: 'white-space:normal;font-size:12px;line-height:1.6' },
    chip('task', '任务'),
    chip('cl', '责任条款'),
    chip('mn role-lead', '● 牵头单位'),
    chip('mn role-responsible', '○ 责任单位'),
    chip('mn role-cooperate', '△ 配合单位'),
    chip('tgt', '指标'),
    chip('dl', '时限'),
    chip('dg', '诊断'),
  );
}

/** The left pane: the numbered source text with every item highlighted at its span. */
export function sourcePane(source: string, items: SourceItems, heading: string, prefix = ''): HastElement {
  return h(
    'section',
    { className: ['pane', 'pane-src'], id: `${prefix}src`, ariaLabel: heading },
    h('h2', {}, heading),
    h('div', { className: ['text'], lang: 'zh-CN' }, highlightSource(source, items.highlights, { idPrefix: prefix })),
  );
}

/** Build the review page as a hast tree. */
export function reviewTree(plan: Plan, source: string, options: ReviewOptions = {}): HastRoot {
  const items = sourceItems(plan);
  const title = options.title ?? plan.notice.title ?? plan.source.path;
  const tasks = plan.annexes.reduce((n, a) => n + a.tasks.length, 0);
  const units = plan.units.filter((u) => u.kind === 'unit').map((u) => u.name);
  const top = [
    h('h1', {}, `核对 · ${title}`),
    h(
      'div',
      { className: ['meta'] },
      `${plan.source.path} · ${plan.source.format}/${plan.source.encoding} · ${plan.source.chars} 字 ${plan.source.lines} 行${plan.source.pages ? ` ${plan.source.pages} 页` : ''} · ${plan.annexes.length} 个附件 ${tasks} 项任务 ${plan.units.length} 个单位 · sha256 ${plan.source.sha256.slice(0, 12)}`,
    ),
    plan.source.files
      ? h(
          'div',
          { className: ['meta', 'files'] },
          plan.source.files.map((f, i) => [i ? ' · ' : '', `${f.annex === null ? '通知' : `附件${f.annex}`} ${f.path.replace(/^.*[\\/]/, '')} (${f.format}${f.pages ? `, ${f.pages} 页` : ''}, sha256 ${f.sha256.slice(0, 12)})`]),
        )
      : null,
    h(
      'div',
      { className: ['bar'] },
      h(
        'label',
        { className: ['filter', 'js-only'] },
        '按单位筛选 ',
        h('input', { type: 'search', id: 'unit-filter', list: 'unit-names', placeholder: '如 区财政局', autocomplete: 'off' }),
        h('span', { className: ['count'], id: 'unit-filter-count' }),
        h('datalist', { id: 'unit-names' }, units.map((u) => h('option', { value: u }))),
      ),
      legend(),
    ),
    diagnosticsPanel(plan, items),
  ];
  const panes = [
    sourcePane(source, items, `原文 ${plan.source.path}`),
    h('section', { className: ['pane', 'pane-out'], id: 'out', ariaLabel: '结构' }, h('h2', {}, '提取结果 (plan)'), outline(plan, items)),
  ];
  return pageShell(`核对 · ${title}`, top, panes, options.script ?? true);
}

/**
 * Render a Plan and the source text its spans point into as one self-contained HTML page:
 * the highlighted text on the left, the outline on the right, diagnostics on top. No network, no external files.
 */
export function renderReview(plan: Plan, source: string, options: ReviewOptions = {}): string {
  return `${toHtml(reviewTree(plan, source, options))}\n`;
}
