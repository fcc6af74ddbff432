// The tracking view over HTTP with plain forms: a notice corrected in the page is handed out for tracking, a unit's
// returned ledger uploaded (and a file that is not a ledger beside it), the status shown, the 督办通报 downloaded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { startServer } from '../../src/serve/server.js';
import { fillLedger, ledgerTaskIds } from '../track/ledgers.js';
import { client, SAMPLE } from './client.js';

let server: Awaited<ReturnType<typeof startServer>>;
let http: ReturnType<typeof client>;

beforeAll(async () => {
  server = await startServer({ workspace: await mkdtemp(join(tmpdir(), 'fenjie-serve-track-')), date: '2026-01-15' });
  http = client(Number(new URL(server.url).port), server.token);
});
afterAll(() => server.close());

describe('fenjie serve: tracking', () => {
  it('hands out the corrected plan, collects a return, shows the status and gives the bulletin', async () => {
    const empty = await http.call('GET', '/track');
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('尚未跟踪任何方案');
    expect((await http.form('/track/report', { token: server.token })).status).toBe(400);

    const up = await http.multipart('/notices', { token: server.token }, [['notice', 'wulingyuan.txt', await readFile(SAMPLE)]]);
    const base = String(up.headers.location);
    // A correction made in the page reaches the ledgers handed out: 区民政局 now leads A1.T1.
    expect((await http.form(`${base}/fixes`, { token: server.token, op: 'set-role', task: 'A1.T1', unit: '区民政局', role: 'lead', reason: '原文为牵头' })).status).toBe(303);
    expect((await http.form(`${base}/track`, {})).status).toBe(403);
    const init = await http.form(`${base}/track`, { token: server.token });
    expect(init.status).toBe(303);
    expect(init.headers.location).toBe('/track');

    const handouts = join(server.workspaceDir, 'track', 'handouts');
    const [planId] = await readdir(handouts);
    const blank = await readFile(join(handouts, planId!, '2026-01', '区民政局.xlsx'));
    const ids = await ledgerTaskIds(blank);
    expect(ids).toContain('A1.T1');
    const filled = await fillLedger(blank, { 'A1.T1': { status: '滞后', progress: '场地尚未落实', reporter: '王五', updated: '2026/1/12' } });

    const collect = await http.multipart('/track/returns', { token: server.token }, [['ledger', '民政局回执.xlsx', Buffer.from(filled)], ['ledger', '../../etc/passwd.xlsx', Buffer.from('not a workbook')]]);
    expect(collect.status).toBe(200);
    expect(collect.text).toContain('民政局回执.xlsx 区民政局 2026-01: 1 条');
    expect(collect.text).toMatch(/class="error">passwd\.xlsx: [^<]*not an Excel workbook/);
    expect(collect.text).toMatch(/滞后（黄色预警）\d+ 项\n(?:.*\n)*? {2}A1\.T1 /);
    expect((await readdir(join(server.workspaceDir, 'track'))).filter((n) => n.startsWith('.inbox-'))).toEqual([]);
    const again = await http.multipart('/track/returns', { token: server.token }, [['ledger', 'again.xlsx', Buffer.from(filled)]]);
    expect(again.text).toContain('已收过 / collected before');

    const page = await http.call('GET', '/track');
    expect(page.text).toContain('截至 2026-01-15');
    expect(page.text).toContain('A7.T5');

    const report = await http.form('/track/report', { token: server.token });
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toBe('application/zip');
    const files = unzipSync(new Uint8Array(report.body));
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['督办通报.docx', '督办通报.pdf', '总台账.xlsx', '催办单/区安委办.docx']));
    const doc = new TextDecoder().decode(unzipSync(files['督办通报.docx']!)['word/document.xml']!).replace(/<[^>]+>/g, '');
    expect(doc).toContain('场地尚未落实');
    const twice = await http.form('/track/report', { token: server.token });
    expect(Buffer.from(twice.body).equals(Buffer.from(report.body))).toBe(true);
  }, 120_000);
});
