// The compiled CLI (`node bin/fenjie.js serve`, dist/ built by the suite's global setup) serves its page script and
// style (they are TypeScript modules, so esbuild's output has them), takes an upload, and stops on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_CSS, APP_JS } from '../../src/serve/assets.js';
import { client, SAMPLE } from './client.js';

const BIN = fileURLToPath(new URL('../../bin/fenjie.js', import.meta.url));
let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('fenjie serve, compiled', () => {
  it('serves /app.js and /app.css from dist/, takes a multipart upload, stops on SIGTERM', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'fenjie-serve-'));
    child = spawn('node', [BIN, 'serve', '-w', workspace, '--port', '0', '--date', '2026-12-02'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /^(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m.exec(out);
        if (m) resolve(m[1]!);
      });
      child!.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const { port, searchParams } = new URL(url);
    const http = client(Number(port), searchParams.get("token")!);
    const js = await http.call('GET', '/app.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
    expect(js.text).toBe(APP_JS);
    expect((await http.call('GET', '/app.css')).text).toBe(APP_CSS);
    const up = await http.multipart('/notices', { token: searchParams.get('token')! }, [['notice', 'wulingyuan.txt', await readFile(SAMPLE)]]);
    expect(up.status).toBe(303);
    expect((await http.call('GET', String(up.headers.location))).text).toContain('武陵源');
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});
