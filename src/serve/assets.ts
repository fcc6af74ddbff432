// The page's script and style as strings, so the compiled server (esbuild copies only .ts to dist/) serves them too.

/**
 * The page script (/app.js): every form works without it (plain posts carrying the token as a hidden field, answered
 * with 303); with it, a form is sent with fetch, the page comes back at the same scroll place, and a refusal is shown
 * in the form's status line instead of an error page.
 */
export const APP_JS = `'use strict';
const token = document.querySelector('meta[name="fenjie-token"]').content;
const key = 'fenjie-scroll:' + location.pathname;
const y = sessionStorage.getItem(key);
if (y !== null) { sessionStorage.removeItem(key); window.scrollTo(0, Number(y)); }
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== 'post') return;
  event.preventDefault();
  const data = new FormData(form, event.submitter);
  const body = form.enctype === 'multipart/form-data' ? data : new URLSearchParams(data);
  const status = form.querySelector('.status');
  if (status) status.textContent = '…';
  const answer = await fetch(form.action, { method: 'POST', headers: { 'X-Fenjie-Token': token, Accept: 'text/plain' }, body });
  if (answer.ok) {
    const there = new URL(answer.url);
    if (there.pathname === location.pathname) sessionStorage.setItem(key, String(window.scrollY));
    location.href = answer.url;
  } else if (status) status.textContent = await answer.text();
});
`;

export const APP_CSS = [
  'body{font-family:sans-serif;margin:1.5rem;font-size:14px}',
  'nav a{margin-right:1rem}',
  '.status,.error{color:#b00}',
  'table{border-collapse:collapse;width:100%}',
  'th,td{border:1px solid #ccc;padding:.25rem .4rem;vertical-align:top;text-align:left}',
  'th{background:#f3f3f3}',
  'td.task{width:24rem}',
  'table.sheets{width:auto}',
  '.id{color:#666;font-size:.85em;margin-right:.3rem}',
  'table.units{border:none;width:auto}',
  'table.units td{border:none;border-bottom:1px solid #eee;padding:.1rem .3rem}',
  'form{display:inline;margin:0}',
  'form.block{display:block;margin:.4rem 0}',
  'pre{white-space:pre-wrap}',
  'input[name=reason]{width:6rem}',
  '.role-lead{font-weight:bold}',
  '.corrected{background:#fff3c4;font-size:.8em;padding:0 .2rem;margin-left:.2rem}',
  '.stale li{color:#b00}',
  'section{margin:1.2rem 0}',
].join('\n');
