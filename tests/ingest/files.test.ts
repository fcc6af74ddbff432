// One notice in several files: the bundled notice split into the covering notice and its eight annexes, as a
// portal publishes them, must give the Plan the single file gives; each item names the file it came from.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFiles, extractNotice, type Plan } from '../../src/index.js';
import { listedAnnexes, numberFromName } from '../../src/ingest/files.js';
import { allTasks, SAMPLE } from '../helpers.js';
import { fenjie } from '../cli/run-cli.js';
import { renderReview } from '../../src/review/index.js';
import { essence } from './essence.js';

const dir = mkdtempSync(join(tmpdir(), 'fenjie-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The sample cut at its 附件N lines: [notice, annex 1, …, annex 8], each part as written. */
function splitSample(): string[] {
  const text = readFileSync(SAMPLE, 'utf8');
  const starts = [...text.matchAll(/^附件\d+$/gm)].map((m) => m.index!);
  return [0, ...starts].map((start, i, all) => text.slice(start, all[i + 1] ?? text.length));
}

/** Everything but where things are: spans, the source record, and messages' places. */
function withoutPlaces(plan: Plan): unknown {
  return JSON.parse(JSON.stringify({ ...plan, source: undefined }, (key, value) => (key === 'span' ? undefined : value)));
}

let single: Plan;
const parts = splitSample();
beforeAll(async () => {
  single = (await extractNotice(SAMPLE)).plan;
});

describe('the sample as a notice and eight annex files', () => {
  const folder = join(dir, 'split');
  mkdirSync(folder);
  // Shuffled names on disk: the folder is read notice first, annexes by number.
  writeFileSync(join(folder, '关于印发总体方案的通知.txt'), parts[0]);
  parts.slice(1).forEach((part, i) => writeFileSync(join(folder, `附件${i + 1}.txt`), part));

  it('a folder gives the same Plan as the single file (apart from where things are)', async () => {
    expect(parts).toHaveLength(9);
    const { plan } = await extractFiles([folder]);
    expect(withoutPlaces(plan)).toEqual(withoutPlaces(single));
  });

  it('records every file with its checksum and annex, and names the file (and annex) of every item', async () => {
    const { plan, source } = await extractFiles([folder]);
    const files = plan.source.files!;
    expect(files.map((f) => [f.path.slice(folder.length + 1), f.annex])).toEqual([
      ['关于印发总体方案的通知.txt', null],
      ...parts.slice(1).map((_, i) => [`附件${i + 1}.txt`, i + 1]),
    ]);
    expect(files[3].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(files[3].bytes).toBe(Buffer.byteLength(parts[3]));
    // The joined source holds each file's text where the record says.
    for (const [i, f] of files.entries()) expect(source.slice(f.start, f.end)).toBe(parts[i]);
    for (const annex of plan.annexes) {
      for (const task of annex.tasks) {
        expect(task.span.file).toBe(join(folder, `附件${annex.number}.txt`));
        expect(source.slice(task.span.start, task.span.end)).toBe(source.slice(task.span.start, task.span.end));
        for (const a of task.assignments) expect(a.span.file).toBe(task.span.file);
      }
    }
    expect(plan.notice.command?.span.file).toBe(files[0].path);
    // The review page lists the files and names each annex's file.
    const page = renderReview(plan, source);
    expect(page).toContain('通知 关于印发总体方案的通知.txt (text');
    expect(page).toMatch(/附件3 张家界市武陵源区激发需求行动实施方案<\/a> <span class="count">14 项任务<\/span><span class="count where"> 附件3\.txt<\/span>/);
  });

  it('annex files without a 附件N line are numbered from their names', async () => {
    const bare = join(dir, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, '通知.txt'), parts[0]);
    const names = parts.slice(1).map((part, i) => {
      const title = part.split('\n').find((l, k) => k > 0 && l.trim() !== '')!.trim();
      const name = i % 2 ? `附件${i + 1}-${title}.txt` : `${i + 1}.${title}.txt`;
      writeFileSync(join(bare, name), part.replace(/^附件\d+\s*\n/, ''));
      return name;
    });
    expect(names.map(numberFromName)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Given as files, in a shuffled order: the first is the notice, the rest are placed by number.
    const paths = [join(bare, '通知.txt'), ...[...names].reverse().map((n) => join(bare, n))];
    const { plan } = await extractFiles(paths);
    expect(essence(plan)).toEqual(essence(single));
    expect(plan.diagnostics.filter((d) => d.ruleId === 'ingest')).toEqual([]);
  });

  it('with annex 3 as the task table of an .xlsx gives the same tasks, assignments, targets and work groups', async () => {
    const paths = [join(folder, '关于印发总体方案的通知.txt'), ...[1, 2, 4, 5, 6, 7, 8].map((n) => join(folder, `附件${n}.txt`)), 'tests/fixtures/formats/annex3.xlsx'];
    const { plan } = await extractFiles(paths);
    expect(plan.source.files!.map((f) => f.format)).toEqual(['text', 'text', 'text', 'xlsx', 'text', 'text', 'text', 'text', 'text']);
    const a3 = plan.annexes.find((a) => a.id === 'A3')!;
    expect(a3.tasks.every((t) => t.span.sheet === '附件3' && t.span.file === 'tests/fixtures/formats/annex3.xlsx')).toBe(true);
    // One difference comes from the form, not from reading: a table row's role columns are separate clauses
    // (lead 0, responsible 1) where the text has one bracket.
    const roles = (plan: Plan) => essence(plan).map((a) => ({ ...a, tasks: a.tasks.map((t) => ({ ...t, assignments: t.assignments.map((s) => s.replace(/^\d+:/, '')) })) }));
    const fromTable = roles(plan);
    const fromText = roles(single);
    expect(fromTable).toEqual(fromText);
  });
});

describe('matching annex files to the notice', () => {
  it('reads the notice’s list of annexes', () => {
    expect(listedAnnexes('正文。\n附件：1.某某行动实施方案\n      2.重点任务分解表\n\n某某办公室')).toEqual([
      { number: 1, title: '某某行动实施方案' },
      { number: 2, title: '重点任务分解表' },
    ]);
    expect(listedAnnexes('附件1：任务清单\n附件2：推进情况表')).toEqual([
      { number: 1, title: '任务清单' },
      { number: 2, title: '推进情况表' },
    ]);
  });

  it('matches by title, makes an unmatched file the next annex, and warns of a listed annex without a file', async () => {
    const folder = join(dir, 'titles');
    mkdirSync(folder);
    const notice = '关于印发某某方案的通知\n各单位：\n现印发给你们，请认真落实。\n附件：1.城市更新重点任务分解表\n2.老旧小区改造推进情况表\n3.资金安排表\n某某市人民政府办公室\n2025年3月1日\n';
    writeFileSync(join(folder, 'a-通知.txt'), notice);
    writeFileSync(join(folder, 'b.txt'), '老旧小区改造推进情况表\n1.完成改造120个。（市住房和城乡建设局牵头）\n');
    writeFileSync(join(folder, 'c.txt'), '城市更新重点任务分解表\n1.改造管网。（市城市管理局牵头）\n');
    writeFileSync(join(folder, 'd.txt'), '补充说明\n1.做好宣传。（市委宣传部牵头）\n');
    const { plan } = await extractFiles([join(folder, 'a-通知.txt'), join(folder, 'b.txt'), join(folder, 'c.txt'), join(folder, 'd.txt')]);
    expect(plan.source.files!.map((f) => [f.path.slice(folder.length + 1), f.annex])).toEqual([
      ['a-通知.txt', null],
      ['c.txt', 1],
      ['b.txt', 2],
      ['d.txt', 4],
    ]);
    expect(plan.annexes.map((a) => [a.id, a.title, a.tasks.map((t) => t.assignments.map((s) => s.unit).join())])).toEqual([
      ['A1', '城市更新重点任务分解表', ['市城市管理局']],
      ['A2', '老旧小区改造推进情况表', ['市住房和城乡建设局']],
      ['A4', '补充说明', ['市委宣传部']],
    ]);
    const warnings = plan.diagnostics.filter((d) => d.ruleId === 'ingest').map((d) => d.message);
    expect(warnings).toEqual([expect.stringMatching(/d\.txt.*annex 4/), expect.stringMatching(/a-通知\.txt.*附件3《资金安排表》.*no file/)]);
  });

  it('a second file for a taken number says which file has it', async () => {
    const { plan } = await extractFiles([join(dir, 'split'), 'tests/fixtures/formats/annex3.xlsx']);
    expect(plan.source.files!.at(-1)).toMatchObject({ path: 'tests/fixtures/formats/annex3.xlsx', annex: 9 });
    expect(plan.diagnostics.filter((d) => d.ruleId === 'ingest').map((d) => d.message)).toEqual([expect.stringMatching(/annex3\.xlsx: 附件3 已是 .*附件3\.txt.*read as annex 9/)]);
  });
});

describe('the CLI with several files', () => {
  it('extract and diff: a multi-file plan.json against the single file shows no change; the html diff re-reads every file', async () => {
    const folder = join(dir, 'split');
    const out = join(dir, 'multi.json');
    const extract = await fenjie('extract', folder, '-o', out, '-q');
    expect(extract.stderr).toBe('');
    const plan = JSON.parse(readFileSync(out, 'utf8')) as Plan;
    expect(plan.source.files).toHaveLength(9);
    expect(allTasks(plan)[0].span.file).toBe(join(folder, '附件1.txt'));
    const diff = await fenjie('diff', SAMPLE, out);
    expect(diff.code, diff.stdout + diff.stderr).toBe(0);
    const page = join(dir, 'diff.html');
    const html = await fenjie('diff', SAMPLE, out, '-f', 'html', '-o', page);
    expect(html.code, html.stderr).toBe(0);
    expect(readFileSync(page, 'utf8')).toContain('激发需求行动');
  });

  it('a file it cannot read among several: one line naming that file, exit 2', async () => {
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, '%PDF-1.4\nnot really\n');
    const result = await fenjie('extract', SAMPLE, bad);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/bad\.pdf.*PDF/);
  });
});
