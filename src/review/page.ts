// renderReview: one self-contained HTML page to check a Plan against its source text.
import type { Plan } from '../model/schema.js';
import { h, type HastElement, type HChild, type HastRoot } from './hast.js';
import { highlightLines, highlightSource } from './highlight.js';
import { sourceItems, type SourceItems } from './items.js';
import { diagnosticsPanel, outline, outlineParts } from './outline.js';
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
  return pageTree(plan, source, sourceItems(plan), options, null);
}

/** Text that stands for a part of the page written on its own (the source lines, the annexes' outlines). */
interface Deferred {
  readonly lines: string;
  readonly annexes: string;
  /** the outline's notice header, which stays in the page's tree */
  readonly header: HastElement;
}

function pageTree(plan: Plan, source: string, items: SourceItems, options: ReviewOptions, deferred: Deferred | null): HastRoot {
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
  const heading = `原文 ${plan.source.path}`;
  const panes = [
    deferred
      ? h('section', { className: ['pane', 'pane-src'], id: 'src', ariaLabel: heading }, h('h2', {}, heading), h('div', { className: ['text'], lang: 'zh-CN' }, deferred.lines))
      : sourcePane(source, items, heading),
    h(
      'section',
      { className: ['pane', 'pane-out'], id: 'out', ariaLabel: '结构' },
      h('h2', {}, '提取结果 (plan)'),
      deferred ? h('div', { className: ['outline'] }, deferred.header, deferred.annexes) : outline(plan, items),
    ),
  ];
  return pageShell(`核对 · ${title}`, top, panes, options.script ?? true);
}

/**
 * Render a Plan and the source text its spans point into as one self-contained HTML page:
 * the highlighted text on the left, the outline on the right, diagnostics on top. No network, no external files.
 * The same bytes as toHtml(reviewTree(…)), but the source is written line by line and the outline annex by annex,
 * each piece's tree let go once written: at 100× the sample the whole tree was ~1 GB.
 */
export function renderReview(plan: Plan, source: string, options: ReviewOptions = {}): string {
  const items = sourceItems(plan);
  let n = 0;
  let marker = '';
  do marker = `\u0001fenjie-${n++}\u0001`;
  while (source.includes(marker));
  const parts = outlineParts(plan, items);
  const deferred = { lines: `${marker}lines`, annexes: `${marker}annexes`, header: parts.header };
  const shell = toHtml(pageTree(plan, source, items, options, deferred));
  const [beforeLines, between, afterAnnexes] = splitAt(shell, [deferred.lines, deferred.annexes]);
  const out: string[] = [beforeLines];
  highlightLines(source, items.highlights, (line) => void out.push(toHtml(line)));
  out.push(between);
  for (const a of plan.annexes) out.push(toHtml(parts.annex(a)));
  out.push(afterAnnexes, '\n');
  return out.join('');
}

/** `text` cut at each marker, in order (each occurs once). */
function splitAt(text: string, markers: readonly string[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of markers) {
    const at = text.indexOf(m, from);
    if (at < 0) throw new Error(`review page: marker ${JSON.stringify(m)} not found`);
    parts.push(text.slice(from, at));
    from = at + m.length;
  }
  parts.push(text.slice(from));
  return parts;
}
