// The CLI never writes where it must not, stops the same way on every signal, cleans up after a killed run,
// prints no control character from a notice to the terminal, and refuses an inconsistent plan.json naming the field.
// Run on the compiled CLI (dist/, built by the global setup): its start-up is a tenth of tsx's.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE } from '../helpers.js';

const MAIN = resolve('dist/cli/main.js');
const sample = resolve(SAMPLE);

function cli(args: readonly string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [MAIN, ...args], { cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

/** One line on stderr, no stack trace. */
function oneLine(stderr: string): string {
  expect(stderr).not.toMatch(/\n\s+at |内部错误/);
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

const tmp = () => mkdtempSync(join(tmpdir(), 'fenjie-harden-'));

describe('writing where it must not', () => {
  it('refuses, before any work, an input in the output folder under an output name, and one given through a symlink', async () => {
    const out = tmp();
    copyFileSync(sample, join(out, 'index.md'));
    const inside = await cli(['run', join(out, 'index.md'), '-o', out, '-q']);
    expect(inside.code).toBe(2);
    expect(oneLine(inside.stderr)).toMatch(/index\.md: 输出不能覆盖输入文件 .*index\.md \(output would overwrite the input\)/);
    expect(files(out)).toEqual(['index.md']);
    expect(readFileSync(join(out, 'index.md'))).toEqual(readFileSync(sample));

    const dir = tmp();
    copyFileSync(sample, join(dir, 'target.txt'));
    symlinkSync(join(dir, 'target.txt'), join(dir, 'link.txt'));
    const linked = await cli(['extract', join(dir, 'link.txt'), '-o', join(dir, 'target.txt'), '-q']);
    expect(linked.code).toBe(2);
    expect(oneLine(linked.stderr)).toContain('link.txt (output would overwrite the input)');
    expect(readFileSync(join(dir, 'target.txt'))).toEqual(readFileSync(sample));
  });

  it('refuses an input among the unit sheets the plan names, once they are known and before anything is written', async () => {
    const out = tmp();
    mkdirSync(join(out, 'units'));
    const input = join(out, 'units', '区财政局.pdf'); // text, whatever its name says
    copyFileSync(sample, input);
    const r = await cli(['run', input, '-o', out, '--format', 'pdf', '-q']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/units\/区财政局\.pdf: 输出不能覆盖输入文件/);
    expect(files(out)).toEqual(['units/区财政局.pdf']);
  });

  it('never writes through a symlinked folder inside the output folder', async () => {
    const out = tmp();
    const elsewhere = tmp();
    symlinkSync(elsewhere, join(out, 'units'));
    const r = await cli(['build', SAMPLE, '-o', out, '--format', 'docx', '-q']);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/units: 输出文件夹中的符号链接,不会写入 \(a symbolic link inside the output folder/);
    expect(readdirSync(elsewhere)).toEqual([]);
    expect(files(out)).toEqual(['units']);
  });

  it('names the place in one line when -o is under a file, in /proc, a device or a folder; nothing is made', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a-file'), 'x');
    const cases: Array<[string[], RegExp]> = [
      [['run', SAMPLE, '-o', join(dir, 'a-file', 'sub')], /a-file\/sub: .*a-file 是文件,不是文件夹 \(.*a-file is a file, not a folder\)$/],
      [['run', SAMPLE, '-o', '/proc/fenjie-out'], /^fenjie: \/proc\/fenjie-out: 无法在 \/proc 中创建文件夹 \(cannot create a folder in \/proc: E[A-Z]+\)$/],
      [['extract', SAMPLE, '-o', '/proc/plan.json'], /^fenjie: \/proc\/plan\.json: 无法在 \/proc 中写入 \(cannot write in \/proc: E[A-Z]+\)$/],
      [['extract', SAMPLE, '-o', '/dev/null'], /^fenjie: \/dev\/null: 不是普通文件 \(not a regular file; omit -o to write to stdout\)$/],
      [['review', SAMPLE, '-o', dir], /是文件夹,不是文件 \(is a folder; name a file\)$/],
    ];
    const results = await Promise.all(cases.map(([args]) => cli([...args, '-q'])));
    results.forEach((r, i) => {
      expect(r.code, cases[i][0].join(' ')).toBe(2);
      expect(oneLine(r.stderr)).toMatch(cases[i][1]);
      expect(r.stderr).not.toMatch(/(E[A-Z]+) \1|\.fenjie-tmp-/);
    });
    expect(readdirSync(dir)).toEqual(['a-file']);
  });
});

describe('signals and killed runs', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    it(`${signal} stops a run like Ctrl-C: no temp file left, every PDF whole, exit ${code}`, async () => {
      const out = tmp();
      const child = spawn(process.execPath, [MAIN, 'run', SAMPLE, '-o', out, '--date', '2026-11-27', '--jobs', '2', '-q']);
      const exited = new Promise<number | null>((done) => child.on('exit', (c) => done(c)));
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const poll = setInterval(() => {
        if (existsSync(join(out, 'units')) && readdirSync(join(out, 'units')).length >= 4) {
          clearInterval(poll);
          child.kill(signal);
        }
      }, 10);
      const status = await exited;
      clearInterval(poll);
      expect([0, code]).toContain(status);
      if (status === code) expect(stderr).toContain(`已中断 (${signal})`);
      expect(files(out).filter((f) => f.includes('.fenjie-tmp-'))).toEqual([]);
      for (const f of files(out).filter((p) => p.endsWith('.pdf'))) expect(readFileSync(join(out, f)).subarray(-6).toString('latin1')).toContain('%%EOF');
    });
  }

  it('removes the temp files a killed run left (recognised by name and age), says so, and keeps a fresh one', async () => {
    const out = tmp();
    mkdirSync(join(out, 'units'));
    // A process id no process has: one that has just exited.
    const dead = await new Promise<number>((done) => {
      const child = spawn('true');
      child.on('exit', () => done(child.pid!));
    });
    const stale = [join(out, `.fenjie-tmp-${dead}-0123456789ab`), join(out, 'units', `.fenjie-tmp-${dead}-ba9876543210`)];
    const fresh = join(out, `.fenjie-tmp-${dead}-aaaaaaaaaaaa`);
    const other = join(out, '.fenjie-tmp-notes');
    for (const f of [...stale, fresh, other]) writeFileSync(f, 'partial');
    const hourAgo = Date.now() / 1000 - 3600;
    for (const f of [...stale, other]) utimesSync(f, hourAgo, hourAgo);
    const r = await cli(['build', SAMPLE, '-o', out, '--unit', '区财政局', '--format', 'docx']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('删除了 2 个中断运行留下的临时文件 (removed 2 stale temp files left by a killed run)');
    for (const f of stale) expect(existsSync(f)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});

describe('the terminal', () => {
  it('prints control characters from the notice as escapes: units table, diagnostics, messages', async () => {
    const dir = tmp();
    const notice = join(dir, 'esc.txt');
    writeFileSync(notice, ['附件1', '某方案', '一、工作任务', '1.任务甲。(区\u001bc财政局牵头)', '2.任务乙。(区\u001b[31m商务局牵头,区\u202e文旅局)'].join('\n'));
    const units = await cli(['units', notice]);
    expect(units.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(units.stdout).toContain('区\\x1bc财政局');
    const extract = await cli(['extract', notice]);
    expect(extract.stderr).not.toMatch(/[\u001b\u202e]/);
    expect(extract.stdout).not.toMatch(/[\u202e]/);
    expect(JSON.parse(extract.stdout).units.map((u: { name: string }) => u.name)).toContain('区\u001bc财政局');
    const missing = await cli(['extract', join(dir, 'no\u001b[2Jsuch.txt')]);
    expect(oneLine(missing.stderr)).toContain('no\\x1b[2Jsuch.txt');
  });
});

describe('plan.json given to build, diff and review', () => {
  it('refuses duplicate ids, inverted and past-the-end spans and unknown units, naming the field', async () => {
    const dir = tmp();
    const planFile = join(dir, 'plan.json');
    expect((await cli(['extract', SAMPLE, '-o', planFile, '-q'])).code).toBe(0);
    const plan = JSON.parse(readFileSync(planFile, 'utf8'));
    const doctored = (name: string, edit: (p: typeof plan) => void): string => {
      const copy = structuredClone(plan);
      edit(copy);
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(copy));
      return file;
    };
    const withTarget = (plan.annexes[1].tasks as Array<{ targets: unknown[] }>).findIndex((t) => t.targets.length > 0);
    const cases: Array<[string, RegExp]> = [
      [doctored('dup-task', (p) => (p.annexes[1].tasks[1].id = p.annexes[1].tasks[0].id)), /annexes\.1\.tasks\.1\.id: duplicate id A2\.T1 \(also annexes\.1\.tasks\.0\)/],
      [doctored('dup-annex', (p) => (p.annexes[2].id = p.annexes[1].id)), /annexes\.2\.id: duplicate id A2 \(also annexes\.1\)/],
      [doctored('inverted', (p) => (p.annexes[1].tasks[0].span.end = p.annexes[1].tasks[0].span.start - 1)), /annexes\.1\.tasks\.0\.span: start \d+ is after end \d+/],
      [doctored('past-end', (p) => (p.annexes[1].tasks[withTarget].targets[0].span.end = 10_000_000)), new RegExp(`annexes\\.1\\.tasks\\.${withTarget}\\.targets\\.0\\.span: end 10000000 is past the end of the source \\(37225 characters\\)`)],
      [doctored('unit', (p) => (p.annexes[1].tasks[0].assignments[0].unit = '区不存在局')), /annexes\.1\.tasks\.0\.assignments\.0\.unit: "区不存在局" is not among the plan's units/],
    ];
    const results = await Promise.all(cases.map(([file], i) => cli(i % 2 ? ['diff', file, planFile] : ['build', file, '-o', join(dir, `out-${i}`), '-q'])));
    results.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toMatch(new RegExp(`\\.json: 方案数据不一致 \\(inconsistent plan\\): ${cases[i][1].source}`));
    });
    expect(readdirSync(dir).filter((f) => f.startsWith('out-'))).toEqual([]);
  });

  it("reads a plan's source relative to the plan.json's folder, from any folder; a device is never read", async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'plans'));
    copyFileSync(sample, join(dir, 'notice.txt'));
    expect((await cli(['extract', 'notice.txt', '-o', 'plans/plan.json', '-q'], dir)).code).toBe(0);
    const plan = JSON.parse(readFileSync(join(dir, 'plans', 'plan.json'), 'utf8'));
    expect(plan.source.path).toBe('../notice.txt');
    const elsewhere = tmp();
    const review = await cli(['review', join(dir, 'plans', 'plan.json'), '-o', join(elsewhere, 'review.html'), '-q'], elsewhere);
    expect(review.code).toBe(0);
    expect(readFileSync(join(elsewhere, 'review.html'), 'utf8')).toContain('span class="ln"');
    expect((await cli(['diff', join(dir, 'plans', 'plan.json'), join(dir, 'notice.txt'), '--format', 'html', '-o', join(elsewhere, 'diff.html')], elsewhere)).code).toBe(0);

    writeFileSync(join(dir, 'plans', 'zero.json'), JSON.stringify({ ...plan, source: { ...plan.source, path: '/dev/zero' } }));
    const zero = await cli(['review', join(dir, 'plans', 'zero.json'), '-q']);
    expect(zero.code).toBe(2);
    expect(oneLine(zero.stderr)).toMatch(/zero\.json: 找不到方案的原文 \/dev\/zero/);
  });
});

describe('a reader that cannot start', () => {
  it('reads a web page under a virtual-memory limit (cheerio no longer pulls in undici and its WebAssembly)', async () => {
    const dir = tmp();
    const page = join(dir, 'page.html');
    writeFileSync(page, `<html><body><div id="zoom">${readFileSync(sample, 'utf8').split('\n').slice(0, 60).map((l) => `<p>${l}</p>`).join('')}</div></body></html>`);
    const r = await new Promise<{ code: number | null; stderr: string }>((done) => {
      execFile('sh', ['-c', `ulimit -v 2000000 && exec "${process.execPath}" "${MAIN}" extract "${page}" -q`], (error, _stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
