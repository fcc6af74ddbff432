import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/serve/server.js';
import { MAX_TOTAL_BYTES } from '../../src/serve/uploads.js';

const SAMPLE = '/work/main/input/wulingyuan-2024-ba-da-xing-dong.txt';
let server: Awaited<ReturnType<typeof startServer>>;
let port = 0;

beforeAll(async () => {
  server = await startServer({ workspace: await mkdtemp(join(tmpdir(), 'fenjie-serve-')) });
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

function call(method: string, path: string, headers: Record<string, string> = {}, body?: Uint8Array): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', (e) => (e.message.includes('EPIPE') || e.message.includes('ECONNRESET') ? resolve({ status: 413, headers: {}, body: '' }) : reject(e)));
    req.end(body);
  });
}

describe('fenjie serve over HTTP', () => {
  it('answers a forged Host with 421', async () => {
    expect((await call('GET', '/', { host: `evil.example:${port}` })).status).toBe(421);
  });
  it('refuses a POST without the token, or from another origin, with 403', async () => {
    expect((await call('POST', '/notices', {}, new Uint8Array(1))).status).toBe(403);
    expect((await call('POST', '/notices', { 'x-fenjie-token': server.token, origin: 'http://evil.example' }, new Uint8Array(1))).status).toBe(403);
  });
  it('refuses an oversize upload with 413', async () => {
    expect((await call('POST', '/notices', { 'x-fenjie-token': server.token }, new Uint8Array(MAX_TOTAL_BYTES + 1))).status).toBe(413);
  });
  it('uploads the sample and shows its review page under a strict CSP', async () => {
    const up = await call('POST', '/notices', { 'x-fenjie-token': server.token, origin: `http://127.0.0.1:${port}`, 'x-file-name': encodeURIComponent('../../x.txt') }, await readFile(SAMPLE));
    expect(up.status).toBe(303);
    const location = String(up.headers.location);
    expect(location).toMatch(/^\/notices\/[0-9a-f]{16}\/review$/);
    const review = await call('GET', location);
    expect(review.status).toBe(200);
    expect(review.body).toContain('武陵源');
    const home = await call('GET', '/');
    expect(home.headers['content-security-policy']).toContain("default-src 'none'");
    expect(home.body).toContain(location);
  });
});
