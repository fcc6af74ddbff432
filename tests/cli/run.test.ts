// fenjie run / build as a user runs them: every file whole, re-runs say what they replaced, Ctrl-C leaves no
// partial files, bad options and unwritable folders fail with a message.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE } from '../helpers.js';
import { fenjie } from './run-cli.js';


const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe('fenjie run', () => {
  it('writes plan.json, review.html, the documents and index.md; a re-run says what it replaced and leaves other files alone', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fenjie-run-'));
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const first = await fenjie('run', SAMPLE, '-o', out, '--date', '2026-11-27', '--format', 'docx', '-q');
    expect(first.code).toBe(0);
    const written = readdirSync(out);
    expect(written).toEqual(expect.arrayContaining(['plan.json', 'review.html', 'index.md', '任务分解表.docx', '责任矩阵.docx', 'units', 'notes.txt']));
    expect(written.some((f) => f.endsWith('.pdf') || f.endsWith('.xlsx'))).toBe(false);
    // index.md lists every file the run produced, plan.json and review.html included.
    const index = readFileSync(join(out, 'index.md'), 'utf8');
    for (const f of ['plan.json', 'review.html', '任务分解表.docx', 'units/区财政局.docx']) expect(index).toContain(`(<${f}>)`);
    expect(index).not.toContain('notes.txt');
    const plan = readFileSync(join(out, 'plan.json'));
    const again = await fenjie('run', SAMPLE, '-o', out, '--date', '2026-11-27', '--format', 'docx');
    expect(again.stderr).toMatch(/替换了 \d+ 个已有文件 \(replaced\)/);
    expect(again.stderr).toMatch(/目录中另有 1 个文件未改动/);
    // The summary counts the tasks without a lead (shown as 未明确) and names the option that would supply one.
    expect(again.stderr).toMatch(/fenjie: 24 项任务未明确牵头单位[^\n]*--first-listed-lead/);
    expect(readFileSync(join(out, 'plan.json'))).toEqual(plan);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(files(out).filter((f) => f.includes('.fenjie-tmp-'))).toEqual([]);
  });

  it('refuses an unknown --unit, a bad --date, a broken template and an output folder that cannot be written, without a stack trace', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fenjie-run-'));
    const unit = await fenjie('build', SAMPLE, '-o', out, '--unit', '区不存在局');
    expect(unit.code).toBe(2);
    expect(unit.stderr).toContain('区不存在局');
    const date = await fenjie('build', SAMPLE, '-o', out, '--date', '2026-13-45');
    expect(date.code).toBe(2);
    const templates = join(out, 'templates');
    mkdirSync(templates);
    writeFileSync(join(templates, 'unit-sheet.json'), '{"title": 5}');
    const template = await fenjie('build', SAMPLE, '-o', out, '--templates', templates, '--unit', '区财政局');
    expect(template.code).toBe(2);
    expect(template.stderr).toMatch(/templates\/unit-sheet\.json: \w+/);
    expect(template.stderr).not.toContain('内部错误');
    const blocker = join(out, 'a-file');
    writeFileSync(blocker, 'x');
    const blocked = await fenjie('build', SAMPLE, '-o', join(blocker, 'sub'), '--format', 'xlsx', '-q');
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/a-file/);
    expect(blocked.stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves no partial files when interrupted with Ctrl-C', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fenjie-int-'));
    const child = spawn('node', ['--import', 'tsx', 'src/cli/main.ts', 'run', SAMPLE, '-o', out, '--date', '2026-11-27', '-q']);
    // Interrupt once the unit sheets are being written.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const some = files(out).some((f) => f.includes('units'));
        if (some) {
          clearInterval(poll);
          child.kill('SIGINT');
          resolve();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(poll);
        resolve();
      });
    });
    const code = await new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (c) => resolve(c))));
    expect([0, 130]).toContain(code);
    expect(files(out).filter((f) => f.includes('.fenjie-tmp-'))).toEqual([]);
    // Every PDF that exists is whole.
    for (const f of files(out).filter((p) => p.endsWith('.pdf'))) expect(readFileSync(f).subarray(-6).toString('latin1')).toContain('%%EOF');
  });
});
