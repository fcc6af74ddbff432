// fenjie serve's page script: uploads and corrections sent with fetch, carrying the run's token from the page.
'use strict';
const token = document.querySelector('meta[name="fenjie-token"]').content;
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.fenjie) return;
  event.preventDefault();
  const status = form.querySelector('.status');
  const headers = { 'X-Fenjie-Token': token };
  let body;
  if (form.dataset.fenjie === 'upload') {
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) return;
    headers['X-File-Name'] = encodeURIComponent(file.name);
    body = file;
  } else {
    body = JSON.stringify({ fix: JSON.parse(form.querySelector('[name=fix]').value) });
  }
  const answer = await fetch(form.action, { method: 'POST', headers, body });
  if (answer.ok || answer.redirected) location.href = answer.url;
  else if (status) status.textContent = await answer.text();
});
