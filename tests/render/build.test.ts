// buildDocuments' contract: options, atomic and silent writing, hostile unit names, pagination rules, determinism.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Plan } from '../../src/model/schema.js';
import { sheetCounts } from '../../src/render/jobs.js';
import { sheetUnits, unitView } from '../../src/render/unit-view.js';
import { writeFileAtomic, WritesStoppedError } from '../../src/render/write-atomic.js';
import { MANIFEST } from '../../src/render/manifest.js';
import { smallPlan } from './fixtures/small-plan.js';
import { build, freshDir, pdfInfo, pdfPages, samplePlan } from './helpers.js';

async function listAll(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listAll(root, full)));
    else if (entry.name !== MANIFEST) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out.sort();
}

afterEach(() => vi.restoreAllMocks());

describe('options', () => {
  it('writes only the formats asked for, plus index.md', async () => {
    const { dir, files } = await build(smallPlan, { formats: ['xlsx'] });
    expect(await listAll(dir)).toEqual(['index.md', '台账.xlsx', '责任矩阵.xlsx']);
    expect(files.map((f) => f.kind).sort()).toEqual(['index', 'ledger', 'matrix']);
  });

  it('with unit, writes only that unit\'s sheet (found by name or alias)', async () => {
    const { dir } = await build(smallPlan, { unit: '区国资局' });
    expect(await listAll(dir)).toEqual(['index.md', 'units/区财政局.docx', 'units/区财政局.pdf']);
    await expect(build(smallPlan, { unit: '不存在的单位' })).rejects.toThrow(/no unit named "不存在的单位"/);
  });

  it('refuses a date that is not YYYY-MM-DD', async () => {
    await expect(build(smallPlan, { date: '27/11/2026' })).rejects.toThrow(/YYYY-MM-DD/);
  });

  it('reports progress once per file, prints nothing, leaves no temp files', async () => {
    const log = vi.spyOn(console, 'log');
    const err = vi.spyOn(console, 'error');
    const out = vi.spyOn(process.stdout, 'write');
    const calls: [number, number, string][] = [];
    const { dir, files } = await build(smallPlan, { onProgress: (done, total, file) => calls.push([done, total, file]) });
    expect(calls.map((c) => c[0])).toEqual(files.map((_, i) => i + 1));
    expect(new Set(calls.map((c) => c[1]))).toEqual(new Set([files.length]));
    // Files are reported as their writes finish, which need not be the order they were rendered in.
    expect(calls.map((c) => c[2]).sort()).toEqual(files.map((f) => f.path).sort());
    expect(log).not.toHaveBeenCalled();
    expect(err).not.toHaveBeenCalled();
    expect(out).not.toHaveBeenCalled();
    expect((await listAll(dir)).filter((f) => f.includes('.fenjie-tmp-'))).toEqual([]);
    for (const f of files) expect((await readFile(f.path)).byteLength).toBe(f.bytes);
  });

  it('gives every real unit a sheet, and a collective only where a task names it (not one resolved to members)', async () => {
    const { files } = await build(smallPlan, { formats: ['docx'] });
    const units = files.filter((f) => f.kind === 'unit-sheet').map((f) => f.unit);
    expect(new Set(units)).toEqual(new Set(smallPlan.units.filter((u) => u.kind === 'unit').map((u) => u.name)));
  });
});

describe('hostile unit names', () => {
  it('keeps every file inside outDir with distinct, safe names', async () => {
    const rename = new Map([['区财政局', '../../区/财政:局'], ['区教育局', 'CON'], ['区卫生健康局', '区\\财政?局']]);
    const json = JSON.stringify(smallPlan).replace(/"(区财政局|区教育局|区卫生健康局)"/g, (_, n: string) => JSON.stringify(rename.get(n)));
    const plan = Plan.parse(JSON.parse(json));
    const parent = await freshDir();
    const dir = path.join(parent, 'out');
    const { files } = await build(plan, { outDir: dir });
    expect(await readdir(parent)).toEqual(['out']);
    for (const f of files) expect(path.relative(dir, f.path).startsWith('..')).toBe(false);
    const sheets = (await listAll(dir)).filter((f) => f.startsWith('units/'));
    expect(sheets).toHaveLength(2 * plan.units.filter((u) => u.kind === 'unit').length);
    for (const f of sheets) expect(path.basename(f)).not.toMatch(/^(CON|con)\./);
    const md = await readFile(path.join(dir, 'index.md'), 'utf8');
    for (const f of sheets) expect(md).toContain(`(<${f}>)`);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and cleans up its temp file when the rename fails', async () => {
    const dir = await freshDir();
    const target = path.join(dir, 'a.txt');
    await writeFile(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    const blocked = path.join(dir, 'is-a-dir');
    await mkdir(path.join(blocked, 'child'), { recursive: true });
    await expect(writeFileAtomic(blocked, 'x')).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['a.txt', 'is-a-dir']);
    await rm(dir, { recursive: true });
  });
});

describe('AbortSignal', () => {
  it('stops a build on worker threads: nothing starts after it fires, whole files only, no temp file', { timeout: 120_000 }, async () => {
    const plan = await samplePlan();
    const dir = await freshDir();
    const controller = new AbortController();
    let seen = 0;
    const building = build(plan, {
      outDir: dir,
      workers: 1,
      signal: controller.signal,
      onProgress: (done) => {
        seen = done;
        if (done === 5) controller.abort();
      },
    });
    const error = await building.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(WritesStoppedError);
    const left = await listAll(dir);
    // The writes under way when it fired finish; nothing else is written, index.md (written last) included.
    expect(left.length).toBe(seen);
    expect(left.length).toBeLessThan(20);
    expect(left).not.toContain('index.md');
    expect(left.filter((f) => path.basename(f).startsWith('.fenjie-tmp-'))).toEqual([]);
    for (const f of left.filter((f) => f.endsWith('.pdf'))) expect((await pdfPages(path.join(dir, f))).length).toBeGreaterThan(0);
  });

  it('refuses to start once the signal has fired', async () => {
    const dir = await freshDir();
    await expect(build(smallPlan, { outDir: dir, signal: AbortSignal.abort() })).rejects.toBeInstanceOf(WritesStoppedError);
    expect(await readdir(dir)).toEqual([]);
    await expect(writeFileAtomic(path.join(dir, 'x'), 'x', AbortSignal.abort())).rejects.toBeInstanceOf(WritesStoppedError);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('PDF pagination (fixture)', () => {
  it('splits a row taller than a page with at least three lines on each, repeating 序号 and task with （续）', async () => {
    const longer = structuredClone(smallPlan);
    const t1 = longer.annexes[0]!.tasks[0]!;
    t1.text = t1.text.replace(/。(加强.*)（/, (_, body: string) => `。${body.repeat(3)}（`);
    const { dir } = await build(longer, { formats: ['pdf'] });
    const pages = (await pdfPages(path.join(dir, '任务分解表.pdf'))).map((p) => p.replace(/\s/g, ''));
    const on = (id: string) => pages.findIndex((p) => p.includes(id));
    // A1.T1 is longer than a page: it continues on the next page under its number, its name and its category, 续.
    const next = pages[on('A1.T1') + 1]!;
    expect(next).toContain('A1.T1');
    expect(next).toContain('发展康养度假产业（续）');
    expect(next).toContain('集群提质文化旅游产业（续）');
    for (const p of pages.filter((p) => p.length > 40)) expect(p).toContain('具体内容');
  });
});

describe('determinism', () => {
  it('writes the same bytes for the same Plan and date, with zip times and core dates from the date', async () => {
    const plan = await samplePlan();
    const a = await build(plan);
    // The second build runs with the clock years ahead: nothing may depend on the time of the run.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-15T13:45:30Z'));
    const b = await build(plan).finally(() => vi.useRealTimers());
    expect(b.files.map((f) => path.relative(b.dir, f.path))).toEqual(a.files.map((f) => path.relative(a.dir, f.path)));
    for (const f of a.files) {
      const rel = path.relative(a.dir, f.path);
      expect(Buffer.compare(await readFile(f.path), await readFile(path.join(b.dir, rel))), rel).toBe(0);
    }
    for (const name of ['任务分解表.docx', '台账.xlsx']) {
      const zip = await JSZip.loadAsync(await readFile(path.join(a.dir, name)));
      for (const entry of Object.values(zip.files)) expect(entry.date.getUTCFullYear() * 100 + entry.date.getUTCMonth() + 1, `${name} ${entry.name}`).toBe(202611);
      const core = await zip.file('docProps/core.xml')!.async('string');
      expect(core).toMatch(/<dcterms:created[^>]*>2026-11-27T00:00:00Z</);
    }
    const info = await pdfInfo(path.join(a.dir, '任务分解表.pdf'));
    expect(info.CreationDate).toMatch(/^D:20261127000000/);
    expect(info.ModDate).toMatch(/^D:20261127000000/);
  });

  it('writes a unit sheet with the same bytes alone, after the whole plan, and on worker threads', async () => {
    // Shared font state (fontkit's glyph cache) once made a PDF depend on what the process drew before it.
    const plan = await samplePlan();
    const unit = '区科协';
    const alone = await build(plan, { unit, formats: ['pdf'] });
    const whole = await build(plan, { formats: ['pdf'] });
    const threaded = await build(plan, { formats: ['pdf'], workers: 2 });
    const sheet = (r: typeof alone) => readFile(r.files.find((f) => f.unit === unit && f.path.endsWith('.pdf'))!.path);
    const [a, b, c] = await Promise.all([sheet(alone), sheet(whole), sheet(threaded)]);
    expect(Buffer.compare(a, b)).toBe(0);
    expect(Buffer.compare(a, c)).toBe(0);
    const other = whole.files.filter((f) => f.path.endsWith('.pdf'));
    for (const f of other) expect(Buffer.compare(await readFile(f.path), await readFile(path.join(threaded.dir, path.relative(whole.dir, f.path)))), f.path).toBe(0);
  });

  it('builds a large plan one whole-plan file at a time (workers on unit sheets only) with the same bytes', async () => {
    const plan = await samplePlan();
    const extras = [{ rel: 'plan.json', render: () => JSON.stringify(plan) }];
    const usual = await build(plan, { workers: 2, extras });
    const large = await build(plan, { workers: 2, extras, largePlanTasks: 1 });
    expect(large.files.map((f) => path.relative(large.dir, f.path))).toEqual(usual.files.map((f) => path.relative(usual.dir, f.path)));
    for (const f of usual.files) expect(Buffer.compare(await readFile(f.path), await readFile(path.join(large.dir, path.relative(usual.dir, f.path)))), f.path).toBe(0);
  });

  it('counts each sheet\'s led and joined tasks for index.md in one pass, as the unit view does', async () => {
    const plan = await samplePlan();
    const units = sheetUnits(plan);
    const counts = sheetCounts(plan, units);
    for (const u of units) {
      const view = unitView(plan, u);
      expect(counts.get(u.name), u.name).toEqual({ lead: view.lead.length, join: view.join.length });
    }
  });

  it('changes the dates inside the files with the date', async () => {
    const a = await build(smallPlan, { formats: ['docx'], date: '2026-11-27' });
    const b = await build(smallPlan, { formats: ['docx'], date: '2027-01-05' });
    const core = async (dir: string) => (await JSZip.loadAsync(await readFile(path.join(dir, '任务分解表.docx')))).file('docProps/core.xml')!.async('string');
    expect(await core(a.dir)).toContain('2026-11-27');
    expect(await core(b.dir)).toContain('2027-01-05');
  });
});
