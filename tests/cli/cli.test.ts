// The CLI as a user runs it: exit codes, messages without stack traces, files written whole, input untouched.
import { mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Plan, SCHEMA_VERSION } from '../../src/index.js';
import { SAMPLE } from '../helpers.js';
import { fenjie, fenjieSource } from './run-cli.js';


const dir = mkdtempSync(join(tmpdir(), 'fenjie-cli-'));

describe('fenjie CLI', () => {
  it('extract -o writes a schema-valid plan, reports diagnostics like a linter, and leaves the input alone', async () => {
    const before = statSync(SAMPLE).mtimeMs;
    const out = join(dir, 'plan.json');
    const r = await fenjie('extract', SAMPLE, '-o', out);
    expect(r.code).toBe(0);
    const plan = Plan.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(plan.annexes.flatMap((a) => a.tasks)).toHaveLength(135);
    expect(r.stderr).toMatch(/232:\d+\s+warning\s+.*duplicate-unit \(A4 A4\.T2\)/);
    expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
    expect(statSync(SAMPLE).mtimeMs).toBe(before);

    // --strict turns that warning into a failing exit status.
    expect((await fenjie('extract', SAMPLE, '-o', out, '--strict', '-q')).code).toBe(1);
  });

  it('fails cleanly on bad input: a message naming the file, exit 2, no stack trace', async () => {
    const missing = await fenjie('extract', join(dir, 'nope.txt'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt');
    expect(missing.stderr).not.toMatch(/\bat .*\.ts:\d+/);

    const copy = join(dir, 'notice.txt');
    copyFileSync(SAMPLE, copy);
    const same = await fenjie('extract', copy, '-o', copy);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('输出不能覆盖输入文件');
    expect(readFileSync(copy)).toEqual(readFileSync(SAMPLE));

    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: SCHEMA_VERSION, annexes: 'x' }));
    const invalid = await fenjie('diff', bad, bad);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/bad\.json: 不符合 Plan 模式 \(schema\): source/);
    writeFileSync(bad, JSON.stringify({ schemaVersion: '1.0.0', annexes: [] }));
    const old = await fenjie('diff', bad, bad);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/bad\.json: 模式版本 1\.0\.0 .*re-extract/);
  });

  it('schema prints the JSON Schema generated from the zod model', async () => {
    const r = await fenjie('schema');
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toContain('2020-12');
    expect(Object.keys(schema.properties)).toEqual(['schemaVersion', 'source', 'notice', 'goals', 'annexes', 'units', 'diagnostics']);
  });

  it('diff exits 0 for the same plan (notice vs its plan.json) and 1 with changes', async () => {
    const out = join(dir, 'plan-for-diff.json');
    await fenjie('extract', SAMPLE, '-o', out, '-q');
    expect((await fenjie('diff', SAMPLE, out)).code).toBe(0);
    const changed = await fenjie('diff', SAMPLE, 'tests/fixtures/diff/wulingyuan-v2.txt', '--format', 'json');
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout).summary.total).toBeGreaterThan(0);
  });

  it('units prints the registry as a table', async () => {
    const r = await fenjie('units', SAMPLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/区财政局〔区国资局〕\s+单位\s+6\s+37\s+0/);
    expect(r.stdout).toMatch(/各乡〈街道〉\s+集体/);
  });
});

describe('the CLI from source (tsx), as `npm run fenjie` runs it', () => {
  it('starts and extracts like the build', async () => {
    const src = await fenjieSource('extract', SAMPLE, '-q');
    const built = await fenjie('extract', SAMPLE, '-q');
    expect(src.code).toBe(0);
    expect(src.stdout).toBe(built.stdout);
  });
});
