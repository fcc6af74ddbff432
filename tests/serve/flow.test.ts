import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { startServer } from '../../src/serve/server.js';
import { extractNotice } from '../../src/api/extract.js';

const SAMPLE = '/work/main/input/wulingyuan-2024-ba-da-xing-dong.txt';
let server: Awaited<ReturnType<typeof startServer>>;
let port = 0;

beforeAll(async () => {
  server = await startServer({ workspace: await mkdtemp(join(tmpdir(), 'fenjie-serve-')), date: '2026-12-02' });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

function call(method: string, path: string, body?: Uint8Array | string): Promise<{ status: number; location: string; body: Buffer }> {
  const headers = { host: `127.0.0.1:${port}`, 'x-fenjie-token': server.token, origin: `http://127.0.0.1:${port}` };
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, location: String(res.headers.location ?? ''), body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('fenjie serve: upload, correct, build, download', () => {
  it('a merge posted on the page reaches the zipped unit sheets', async () => {
    const { plan } = await extractNotice(SAMPLE);
    const [keep, gone] = [plan.units[0]!.name, plan.units[1]!.name];
    const up = await call('POST', '/notices', await readFile(SAMPLE));
    expect(up.status).toBe(303);
    const base = up.location.replace(/\/review$/, '');
    const fix = { op: 'merge-units', units: [keep, gone], into: keep, reason: '同一单位', at: '2026-12-02' };
    expect((await call('POST', `${base}/fixes`, JSON.stringify({ fix }))).status).toBe(303);
    const built = await call('POST', `${base}/build`);
    expect(built.status).toBe(303);
    const zip = await call('GET', built.location);
    expect(zip.status).toBe(200);
    const names = Object.keys(unzipSync(new Uint8Array(zip.body)));
    const docx = names.filter((n) => n.endsWith('.docx'));
    expect(docx.some((n) => n.includes(keep))).toBe(true);
    expect(docx.some((n) => n.includes(gone))).toBe(false);
    const fixes = JSON.parse(strFromU8(new Uint8Array(await readFile(join(server.workspaceDir, 'notices', base.split('/')[2]!, '1.fixes.json')))));
    expect(fixes.fixes).toHaveLength(1);
  }, 30_000);
});
