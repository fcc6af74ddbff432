// fenjie serve over HTTP: the guards, uploads (raw and multipart with an annex), each correction form (valid → the
// corrections file has the fix; invalid → 400 and nothing written), error pages, and the downloads' lookups.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/serve/server.js';
import { MAX_TOTAL_BYTES } from '../../src/serve/uploads.js';
import { extractFiles, extractNotice, type Plan } from '../../src/index.js';
import { client, noticeAndAnnex, SAMPLE } from './client.js';

let server: Awaited<ReturnType<typeof startServer>>;
let http: ReturnType<typeof client>;
let plan: Plan;

beforeAll(async () => {
  server = await startServer({ workspace: await mkdtemp(join(tmpdir(), 'fenjie-serve-')), date: '2026-12-02' });
  http = client(Number(new URL(server.url).port), server.token);
  plan = (await extractNotice(SAMPLE)).plan;
});
afterAll(() => server.close());

const task = (id: string) => plan.annexes.flatMap((a) => a.tasks).find((t) => t.id === id)!;
const fixesOf = async (id: string) => JSON.parse(await readFile(join(server.workspaceDir, 'notices', id, '1.fixes.json'), 'utf8')) as { fixes: Array<Record<string, unknown>> };

describe('fenjie serve over HTTP: guards', () => {
  it('answers a forged Host with 421', async () => {
    expect((await http.call('GET', '/', { host: 'evil.example:80' })).status).toBe(421);
  });
  it('refuses a POST without the token, or from another origin, with 403', async () => {
    expect((await http.call('POST', '/notices', {}, new Uint8Array(1))).status).toBe(403);
    expect((await http.call('POST', '/notices', { 'x-fenjie-token': server.token, origin: 'http://evil.example' }, new Uint8Array(1))).status).toBe(403);
    expect((await http.form('/notices/0123456789abcdef/fixes', { token: 'wrong', op: 'set-role' })).status).toBe(403);
    expect((await http.call('POST', '/nowhere', {}, '')).status).toBe(403);
  });
  it('shows no page without the token: the printed address sets it as a cookie for this port', async () => {
    const port = Number(new URL(server.url).port);
    const stranger = client(port);
    expect((await stranger.call('GET', '/')).status).toBe(403);
    expect((await stranger.call('GET', '/?token=wrong')).status).toBe(403);
    expect((await stranger.call('GET', '/notices/0123456789abcdef/review')).status).toBe(403);
    expect((await stranger.call('GET', '/', { cookie: `fenjie-${port + 1}=${server.token}` })).status).toBe(403);
    expect((await stranger.call('GET', '/app.js')).status).toBe(200);
    const printed = await stranger.call('GET', `/?token=${server.token}`);
    expect(printed.status).toBe(303);
    expect(printed.headers.location).toBe('/');
    expect(printed.headers['set-cookie']).toEqual([`fenjie-${port}=${server.token}; HttpOnly; SameSite=Strict; Path=/`]);
    expect((await stranger.call('GET', '/', { cookie: `other=1; fenjie-${port}=${server.token}` })).status).toBe(200);
  });
  it('refuses an oversize raw upload with 413', async () => {
    expect((await http.call('POST', '/notices', { 'x-fenjie-token': server.token }, new Uint8Array(MAX_TOTAL_BYTES + 1))).status).toBe(413);
  });
});

describe('fenjie serve over HTTP: uploads', () => {
  it('stores a raw-body upload and shows its page under a strict CSP', async () => {
    const up = await http.call('POST', '/notices', { 'x-fenjie-token': server.token, 'x-file-name': encodeURIComponent('../../x.txt') }, await readFile(SAMPLE));
    expect(up.status).toBe(303);
    const location = String(up.headers.location);
    expect(location).toMatch(/^\/notices\/[0-9a-f]{16}$/);
    const page = await http.call('GET', location);
    expect(page.status).toBe(200);
    expect(page.text).toContain('武陵源');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    const home = await http.call('GET', '/');
    expect(home.text).toContain(`href="${location}"`);
    expect(home.text).toContain('>x.txt<');
    expect((await http.call('GET', `${location}/review`)).text).toContain('武陵源');
  });

  it('takes a notice with an annex file as multipart, the token as a form field, names display-only', async () => {
    const [notice, annex] = noticeAndAnnex();
    const up = await http.multipart('/notices', { token: server.token }, [['notice', '../../通知.txt', notice], ['annex', 'C:\\temp\\附件1.txt', annex]]);
    expect(up.status).toBe(303);
    const id = String(up.headers.location).split('/')[2]!;
    const dir = join(server.workspaceDir, 'notices', id);
    expect((await readdir(dir)).sort()).toEqual(['1.txt', '2.txt', 'names.json']);
    expect(await readFile(join(dir, '2.txt'), 'utf8')).toBe(annex);
    const { plan: read } = await extractFiles([join(dir, '1.txt'), join(dir, '2.txt')]);
    expect(read.source.files).toHaveLength(2);
    expect(read.annexes.map((a) => a.number)).toEqual([1]);
    expect(read.annexes[0]!.tasks.map((t) => t.title)).toEqual(plan.annexes[0]!.tasks.map((t) => t.title));
    const page = await http.call('GET', `/notices/${id}`);
    expect(page.text).toContain('通知 通知.txt;附件文件1 附件1.txt');
    expect(page.text).toContain(`${plan.annexes[0]!.tasks.length} 项任务`);
  });

  it('refuses a multipart upload without the token, or with it after the files, and keeps nothing', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'fenjie-serve-'));
    const other = await startServer({ workspace });
    const c = client(Number(new URL(other.url).port), other.token);
    try {
      expect((await c.multipart('/notices', {}, [['notice', 'a.txt', '关于印发方案的通知\n']])).status).toBe(403);
      // The token field after the file: the file arrived unauthenticated.
      const late = await c.call('POST', '/notices', { 'content-type': 'multipart/form-data; boundary=b' }, `--b\r\nContent-Disposition: form-data; name="notice"; filename="a.txt"\r\n\r\nx\r\n--b\r\nContent-Disposition: form-data; name="token"\r\n\r\n${other.token}\r\n--b--\r\n`);
      expect(late.status).toBe(403);
      expect(existsSync(join(workspace, 'notices'))).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('refuses an oversize file, an oversize total and too many files with 413', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'fenjie-serve-'));
    const small = await startServer({ workspace, limits: { fileBytes: 4000, totalBytes: 6000, files: 2 } });
    const c = client(Number(new URL(small.url).port), small.token);
    const t = { token: small.token };
    try {
      const file = await c.multipart('/notices', t, [['notice', 'a.txt', 'x'.repeat(4001)]]);
      expect(file.status).toBe(413);
      expect(file.text).toContain('文件过大 / file too large: a.txt');
      const total = await c.multipart('/notices', t, [['notice', 'a.txt', 'x'.repeat(3500)], ['annex', 'b.txt', 'y'.repeat(3500)]]);
      expect(total.status).toBe(413);
      expect(total.text).toContain('上传总量过大');
      const many = await c.multipart('/notices', t, [['notice', 'a.txt', 'a'], ['annex', 'b.txt', 'b'], ['annex', 'c.txt', 'c']]);
      expect(many.status).toBe(413);
      expect(many.text).toContain('文件过多');
      // As a browser asks for it: a small HTML page.
      const page = await c.multipart('/notices', t, [['notice', 'a.txt', 'x'.repeat(4001)]], { accept: 'text/html' });
      expect(page.headers['content-type']).toContain('text/html');
      expect(page.text).toContain('<h1>413</h1>');
      expect(existsSync(join(workspace, 'notices'))).toBe(false);
    } finally {
      await small.close();
    }
  });

  it('refuses a file that is no notice with 400 and does not keep it', async () => {
    const bad = await http.multipart('/notices', { token: server.token }, [['notice', 'a.bin', new Uint8Array([0, 159, 146, 150, 0, 1, 2, 3])]], { accept: 'text/html' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<h1>400</h1>');
    expect(bad.text).not.toContain(server.workspaceDir);
  });
});

describe('fenjie serve over HTTP: each correction form', () => {
  let id = '';
  beforeAll(async () => {
    const up = await http.call('POST', '/notices', { 'x-fenjie-token': server.token }, await readFile(SAMPLE));
    id = String(up.headers.location).split('/')[2]!;
  });
  const post = (fields: Record<string, string>) => http.form(`/notices/${id}/fixes`, { token: server.token, ...fields });

  // [the form's fields, what the fix must hold, an invalid variant and the 400 line it gets]; in this order, so that
  // each form's units are still in the plan when it is posted.
  const cases: Array<[string, () => Record<string, string>, Record<string, unknown>, Record<string, string>, string]> = [
    ['set-role', () => ({ op: 'set-role', task: 'A1.T1', unit: '区民政局', role: 'cooperate', reason: '原文为配合' }), { unit: '区民政局', role: 'cooperate', reason: '原文为配合' }, { role: 'boss' }, '字段 role 不符 / field role'],
    ['set-lead', () => ({ op: 'set-lead', task: 'A3.T1', unit: '区财政局' }), { unit: '区财政局', reason: '网页更正' }, { unit: '区不存在局' }, 'A3.T1: 任务中没有单位"区不存在局" / no unit "区不存在局" in this task'],
    ['remove-mention', () => ({ op: 'remove-mention', task: 'A4.T1', unit: '区科协' }), { unit: '区科协' }, { task: 'A99.T1' }, '无此任务"A99.T1" / no task "A99.T1"'],
    ['mark-person', () => ({ op: 'mark-person', task: 'A2.T1', unit: '区科协', title: '主席' }), { name: '区科协', title: '主席' }, { unit: '' }, 'A2.T1: 任务中没有单位""'],
    ['add-unit', () => ({ op: 'add-unit', task: 'A1.T1', written: '区文化旅游广电体育局', occurrence: '1', role: 'cooperate' }), { written: '区文化旅游广电体育局', occurrence: 1, role: 'cooperate' }, { written: '区不存在局' }, '任务原文中没有"区不存在局"'],
    ['merge-units', () => ({ op: 'merge-units', unit: '区住房和城乡建设局〈住保中心〉', other: '区住房保障和房屋市场服务中心', into: 'other' }), { units: ['区住房和城乡建设局〈住保中心〉', '区住房保障和房屋市场服务中心'], into: '区住房保障和房屋市场服务中心' }, { other: '区住房和城乡建设局〈住保中心〉' }, '需要两个不同的单位 / two different units are needed'],
    ['split-unit', () => ({ op: 'split-unit', unit: '区商务和投资事务中心', into: '区商务局、区投资促进中心' }), { unit: '区商务和投资事务中心', into: ['区商务局', '区投资促进中心'] }, { into: '区商务局' }, '字段 into 不符 / field into'],
    ['rename-unit', () => ({ op: 'rename-unit', unit: '区总工会', to: '武陵源区总工会' }), { from: '区总工会', to: '武陵源区总工会' }, { to: '' }, '字段 to 不符 / field to'],
  ];

  it.each(cases)('%s: a valid form adds the fix, an invalid one is a 400 line and adds nothing', async (op, fields, holds, broken, line) => {
    const before = existsSync(join(server.workspaceDir, 'notices', id, '1.fixes.json')) ? (await fixesOf(id)).fixes.length : 0;
    const refused = await post({ ...fields(), ...broken });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(`表单 ${op}: `);
    expect(refused.text).toContain(line);
    expect(refused.text.trim().split('\n')).toHaveLength(1);
    const ok = await post(fields());
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`/notices/${id}`);
    const { fixes } = await fixesOf(id);
    expect(fixes).toHaveLength(before + 1);
    expect(fixes.at(-1)).toMatchObject({ op, at: '2026-12-02', ...holds });
    if ('task' in fixes.at(-1)!) expect(fixes.at(-1)!.task).toMatchObject({ title: task(fields().task!).title, id: fields().task });
  });

  it('keeps every fix of posts sent at once', async () => {
    const before = (await fixesOf(id)).fixes.length;
    const sent = await Promise.all(['区发展和改革局', '区自然资源局', '区卫生健康局', '区公安分局'].map((unit) => post({ op: 'set-role', task: 'A1.T1', unit, role: 'responsible' })));
    expect(sent.map((a) => a.status)).toEqual([303, 303, 303, 303]);
    const { fixes } = await fixesOf(id);
    expect(fixes).toHaveLength(before + 4);
    expect(fixes.slice(-4).map((f) => f.unit).sort()).toEqual(['区公安分局', '区卫生健康局', '区发展和改革局', '区自然资源局'].sort());
  });

  it('shows the corrections on the page: corrected items marked, a stale fix named', async () => {
    const stale = { op: 'set-role', task: { title: '没有这个任务' }, unit: '区民政局', role: 'lead', reason: '测试', at: '2026-12-02' };
    expect((await http.call('POST', `/notices/${id}/fixes`, { 'x-fenjie-token': server.token, 'content-type': 'application/json' }, JSON.stringify({ fix: stale }))).status).toBe(303);
    const bad = await http.call('POST', `/notices/${id}/fixes`, { 'x-fenjie-token': server.token, 'content-type': 'application/json' }, JSON.stringify({ fix: { ...stale, role: 'boss' } }));
    expect(bad.status).toBe(400);
    const page = (await http.call('GET', `/notices/${id}`)).text;
    expect(page).toContain('失效的更正 / Stale corrections');
    expect(page).toMatch(/#12 set-role 「没有这个任务」 区民政局 → 牵头: 无此任务/);
    expect(page).toContain('13 条更正');
    // A1.T1's 区民政局 is now 配合, marked corrected; the merged name has no row of its own.
    const row = page.slice(page.indexOf('<tr id="task-A1.T1"'), page.indexOf('<tr id="task-A1.T2"'));
    expect(row).toMatch(/<td class="role-cooperate">配合<\/td><td>区民政局<span class="corrected" title="更正 set-role：原文为配合（2026-12-02）">已更正<\/span>/);
    expect(page).not.toContain('<option value="区住房和城乡建设局〈住保中心〉">');
    expect(page).toContain('<option value="武陵源区总工会">');
  });

  it('builds, then serves the zip and each unit sheet through the manifest only', async () => {
    expect((await http.call('GET', `/notices/${id}/documents.zip`)).status).toBe(404);
    const built = await http.form(`/notices/${id}/build`, { token: server.token });
    expect(built.status).toBe(303);
    const page = (await http.call('GET', `/notices/${id}`)).text;
    const href = `/notices/${id}/units/${encodeURIComponent('区民政局')}.docx`;
    expect(page).toContain(`href="${href}"`);
    const sheet = await http.call('GET', href);
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toContain('wordprocessingml');
    expect(sheet.body.subarray(0, 2).toString()).toBe('PK');
    expect((await http.call('GET', href.replace('.docx', '.pdf'))).body.subarray(0, 5).toString()).toBe('%PDF-');
    for (const path of [`/notices/${id}/units/..%2F..%2Fnotices%2F${id}%2F1.txt.docx`, `/notices/${id}/units/../../1.docx`, `/notices/${id}/units/${encodeURIComponent('区住房和城乡建设局〈住保中心〉')}.docx`, `/notices/${id}/units/nobody.docx`, `/notices/${id}/units/%E0%A4%A.docx`, `/notices/${id}/units/${encodeURIComponent('区民政局')}.xlsx`]) {
      expect((await http.call('GET', path)).status, path).toBe(404);
    }
    const zip = await http.call('GET', `/notices/${id}/documents.zip`);
    expect(zip.status).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
  }, 60_000);

  it('answers an unknown page with a small HTML page for a browser, one text line for a caller', async () => {
    const html = await http.call('GET', '/notices/0123456789abcdef', { accept: 'text/html,*/*' });
    expect(html.status).toBe(404);
    expect(html.text).toContain('<h1>404</h1>');
    const plain = await http.call('GET', '/nothing');
    expect(plain.status).toBe(404);
    expect(plain.headers['content-type']).toContain('text/plain');
    expect(plain.text).toBe('未找到 / not found\n');
  });
});
