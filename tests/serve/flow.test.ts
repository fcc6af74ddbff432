// The whole flow over HTTP with plain forms (as a browser with scripts off posts them): upload the sample, change a
// role and merge two names, build, download the zip and read the unit sheets in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { startServer } from '../../src/serve/server.js';
import { client, SAMPLE, sheetText } from './client.js';

let server: Awaited<ReturnType<typeof startServer>>;
let http: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startServer({ workspace: await mkdtemp(join(tmpdir(), 'fenjie-serve-')), date: '2026-12-02' });
  http = client(Number(new URL(server.url).port), server.token);
});
afterAll(() => server.close());

describe('fenjie serve: upload, correct, build, download', () => {
  it('a role changed and a merge posted as forms reach the zipped unit sheets', async () => {
    const gone = '区住房和城乡建设局〈住保中心〉';
    const keep = '区住房保障和房屋市场服务中心';
    const up = await http.multipart('/notices', { token: server.token }, [['notice', 'wulingyuan.txt', await readFile(SAMPLE)]]);
    expect(up.status).toBe(303);
    const base = String(up.headers.location);
    const id = base.split('/')[2]!;
    const before = await http.call('GET', base);
    expect(before.text).toContain(`<option value="${gone}">`);
    const role = await http.form(`${base}/fixes`, { token: server.token, op: 'set-role', task: 'A1.T1', unit: '区民政局', role: 'lead', reason: '原文为牵头' });
    expect(role.status).toBe(303);
    const merge = await http.form(`${base}/fixes`, { token: server.token, op: 'merge-units', unit: gone, other: keep, into: 'other', reason: '同一单位' });
    expect(merge.status).toBe(303);
    expect(merge.headers.location).toBe(base);
    const fixes = JSON.parse(await readFile(join(server.workspaceDir, 'notices', id, '1.fixes.json'), 'utf8'));
    expect(fixes.fixes.map((f: { op: string }) => f.op)).toEqual(['set-role', 'merge-units']);
    expect((await http.form(`${base}/build`, { token: server.token })).status).toBe(303);
    const zip = await http.call('GET', `${base}/documents.zip`);
    expect(zip.status).toBe(200);
    const files = unzipSync(new Uint8Array(zip.body));
    const docx = Object.keys(files).filter((n) => n.endsWith('.docx'));
    expect(docx).toContain(`units/${keep}.docx`);
    expect(docx.some((n) => n.includes('住保中心'))).toBe(false);
    expect(Object.keys(files)).not.toContain('.fenjie-manifest.json');
    const civil = sheetText(files['units/区民政局.docx']!);
    expect(civil.leads).toContain('A1.T1');
    expect(civil.leads).toContain('发展康养度假产业');
    // The same zip twice: same bytes (the build's date is pinned).
    expect(Buffer.compare((await http.call('GET', `${base}/documents.zip`)).body, zip.body)).toBe(0);
  }, 60_000);
});
