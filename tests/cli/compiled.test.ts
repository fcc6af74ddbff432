// The compiled CLI (dist/, what `npm start` and the installed `fenjie` run) gives the same bytes as the source.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SAMPLE } from '../helpers.js';
import { fenjie } from './run-cli.js';

const run = promisify(execFile);
const compiled = (...args: string[]) => run('node', ['dist/cli/main.js', ...args], { maxBuffer: 64 << 20 });
/** The compiled CLI's exit code and stderr, without throwing on a non-zero exit. */
const compiledExit = (...args: string[]) =>
  compiled(...args).then(
    (r) => ({ code: 0, stderr: r.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
/** The documents under `dir` (the run's manifest, which records file times, is bookkeeping, not a document). */
const tree = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== '.fenjie-manifest.json')
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

  it('stops cleanly on a broken template or a run that fails before its render workers are used', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fenjie-dist-'));
    const templates = join(out, 'templates');
    mkdirSync(templates);
    writeFileSync(join(templates, 'document.json'), '{"page": 5}');
    const broken = await compiledExit('run', SAMPLE, '-o', join(out, 'a'), '--templates', templates, '--jobs', '2', '-q');
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/templates\/document\.json: \w+/);
    const badDate = await compiledExit('run', SAMPLE, '-o', join(out, 'b'), '--date', '2026-13-45', '--jobs', '2', '-q');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--date');
    for (const r of [broken, badDate]) {
      expect(r.stderr).not.toMatch(/\n\s+at |Unhandled|内部错误/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('leaves no temp file and no crash when interrupted while workers draw PDFs and many writes are in flight', async () => {
    // Three tries: before writes were drained on Ctrl-C, about one interrupted run in four left a temp file behind.
    for (let attempt = 0; attempt < 3; attempt++) {
      const out = mkdtempSync(join(tmpdir(), 'fenjie-dist-int-'));
      const child = spawn('node', ['dist/cli/main.js', 'run', SAMPLE, '-o', out, '--date', '2026-11-27', '--jobs', '2', '-q']);
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const poll = setInterval(() => {
        if (tree(out).filter((f) => f.startsWith('units/')).length < 4) return;
        clearInterval(poll); // one Ctrl-C: a second one stops at once, by design
        child.kill('SIGINT');
      }, 10);
      const code = await exited;
      clearInterval(poll);
      expect([0, 130]).toContain(code);
      expect(tree(out).filter((f) => f.includes('.fenjie-tmp-'))).toEqual([]);
      for (const f of tree(out).filter((p) => p.endsWith('.pdf'))) expect(readFileSync(join(out, f)).subarray(-6).toString('latin1')).toContain('%%EOF');
    }
  });
});
