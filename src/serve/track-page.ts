// The tracking view of fenjie serve (issue 17 in the page): the round's status as `fenjie track status` prints it,
// a form to upload returned ledgers, what the last collect did, and the 督办通报 to download. Plain forms, as the
// other pages, so it reads and works with scripts off.
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

export interface CollectLine {
  readonly name: string;
  readonly line: string;
  readonly failed: boolean;
}

export interface TrackPageInput {
  readonly token: string;
  /** statusText of the workspace as of the server's date, or null before any plan is tracked */
  readonly status: string | null;
  readonly asOf: string;
  /** what the upload just collected (shown once, after a POST) */
  readonly collected?: readonly CollectLine[];
}

const tokenField = (token: string) => h('input', { type: 'hidden', name: 'token', value: token });

export function trackPage(input: TrackPageInput): string {
  const { token } = input;
  const body = [
    h('h1', '跟踪落实 / Tracking'),
    input.collected === undefined ? null : h('section', { id: 'collected' }, [
      h('h2', '本次收集 / Collected'),
      h('ul', input.collected.map((c) => h('li', { class: c.failed ? 'error' : undefined }, c.line))),
    ]),
    input.status === null
      ? h('p', '尚未跟踪任何方案：在方案页点“开始跟踪”发放台账 / no plan tracked yet: press 开始跟踪 on a notice\'s page')
      : h('div', [
          h('form', { class: 'block', action: '/track/returns', method: 'post', enctype: 'multipart/form-data' }, [
            tokenField(token),
            h('p', [h('label', ['交回的台账 (.xlsx/.xls，可多选) / returned ledgers ', h('input', { type: 'file', name: 'ledger', multiple: true, required: true, accept: '.xlsx,.xls' })])]),
            h('button', { type: 'submit' }, '收集 / Collect'),
          ]),
          h('form', { class: 'block', action: '/track/report', method: 'post' }, [tokenField(token), h('button', { type: 'submit' }, `生成督办通报 (截至 ${input.asOf}) / Bulletin`)]),
          h('h2', `落实情况 (截至 ${input.asOf}) / Status`),
          h('pre', { id: 'status' }, input.status),
        ]),
  ];
  const nav = h('nav', [h('a', { href: '/' }, '方案 / Notices'), h('a', { href: '/track' }, '跟踪 / Tracking')]);
  return toHtml(h(null, [{ type: 'doctype' }, h('html', { lang: 'zh-CN' }, [h('head', [h('meta', { charset: 'utf-8' }), h('meta', { name: 'fenjie-token', content: token }), h('title', '跟踪 / Tracking'), h('link', { rel: 'stylesheet', href: '/app.css' })]), h('body', [nav, ...body])])]));
}
