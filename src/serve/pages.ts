// fenjie serve's own pages, server-rendered with hastscript as the review page is; readable with scripts off.
import { h } from 'hastscript';
import { toHtml } from 'hast-util-to-html';

/** The token rides in a meta tag for app.js: other origins cannot read this page (Host check, no CORS). */
export function homePage(ids: readonly string[], token: string): string {
  const tree = h(null, [
    { type: 'doctype' },
    h('html', { lang: 'zh-CN' }, [
      h('head', [h('meta', { charset: 'utf-8' }), h('meta', { name: 'fenjie-token', content: token }), h('title', 'fenjie'), h('link', { rel: 'stylesheet', href: '/app.css' }), h('script', { src: '/app.js', defer: true })]),
      h('body', [
        // Nav slot: the tracking view (issue 17) adds its link here.
        h('nav', [h('a', { href: '/' }, '方案 / Notices')]),
        h('h1', '方案 / Notices'),
        h('ul', ids.map((id) => h('li', [h('a', { href: `/notices/${id}/review` }, id)]))),
        h('form', { action: '/notices', method: 'post', enctype: 'multipart/form-data', 'data-fenjie': 'upload' }, [
          h('input', { type: 'hidden', name: 'token', value: token }),
          h('label', ['通知文件 / notice ', h('input', { type: 'file', name: 'notice', required: true })]),
          h('button', { type: 'submit' }, '上传 / Upload'),
          h('p', { class: 'status' }),
        ]),
      ]),
    ]),
  ]);
  return toHtml(tree);
}

export const APP_CSS = 'body{font-family:sans-serif;max-width:60rem;margin:2rem auto}nav a{margin-right:1rem}.status{color:#b00}';
