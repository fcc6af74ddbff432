// The compiled CLI (dist/, what `npm start` and the installed `fenjie` run) gives the same bytes as the source.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SAMPLE } from '../helpers.js';
import { fenjie } from './run-cli.js';

const run = promisify(execFile);
const compiled = (...args: string[]) => run('node', ['dist/cli/main.js', ...args], { maxBuffer: 64 << 20 });
const tree = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

describe('compiled CLI (dist/)', () => {
  it('extracts the same plan.json as the source', async () => {
    const [fromDist, fromSource] = await Promise.all([compiled('extract', SAMPLE, '-q'), fenjie('extract', SAMPLE, '-q')]);
    expect(fromSource.code).toBe(0);
    expect(fromDist.stdout).toBe(fromSource.stdout);
  });

  it('builds a unit sheet in every format with the same bytes as the source, on one thread and on workers', async () => {
    const [a, b, c] = [0, 1, 2].map(() => mkdtempSync(join(tmpdir(), 'fenjie-dist-')));
    const args = (out: string) => ['build', SAMPLE, '-o', out, '--unit', '区财政局', '--date', '2026-11-27', '-q'];
    await Promise.all([compiled(...args(a)), fenjie(...args(b))]);
    // Workers load the compiled render-worker.js directly (no TypeScript loader); the whole-plan files need more
    // than the worker threshold of jobs, so build all formats for all units.
    await compiled('build', SAMPLE, '-o', c, '--format', 'docx,pdf', '--date', '2026-11-27', '--jobs', '2', '-q');
    expect(tree(a)).toEqual(tree(b));
    for (const f of tree(a)) expect(readFileSync(join(a, f)), f).toEqual(readFileSync(join(b, f)));
    for (const f of tree(a).filter((f) => f.startsWith('units/'))) expect(readFileSync(join(c, f)), f).toEqual(readFileSync(join(a, f)));
  });
});
