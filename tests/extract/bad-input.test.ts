// Bad input: each case gives a clear message naming the file (and place), or a usable Plan with diagnostics.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractNotice, IngestError } from '../../src/index.js';
import { allTasks, extractText, roles } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'fenjie-bad-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

async function refusal(path: string, options = {}): Promise<IngestError> {
  const error = await extractNotice(path, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('unreadable input is refused with the file named', () => {
  it.each([
    ['empty.txt', '', 'empty'],
    ['blank.txt', '  \n\t\n  ', 'empty'],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]), 'unsupported-format'],
    ['report.txt', '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'corrupt-pdf'],
    ['page.html', '<html><body><nav>首页</nav><script>var a=1</script></body></html>', 'empty'],
  ])('%s', async (name, content, code) => {
    const path = file(name, content);
    const error = await refusal(path);
    expect(error.code).toBe(code);
    expect(error.message).toContain(name);
  });

  it('a missing file and a directory', async () => {
    expect((await refusal(join(dir, 'missing.txt'))).code).toBe('ENOENT');
    mkdirSync(join(dir, 'folder.txt'));
    expect((await refusal(join(dir, 'folder.txt'))).code).toBe('EISDIR');
  });

  it('a file over the size limit, with the limit named, before reading it', async () => {
    const path = file('big.txt', 'x'.repeat(4096));
    const error = await refusal(path, { maxBytes: 1024 });
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/limit/);
  });
});

describe('text that is not a clean plan still gives a Plan, with diagnostics at their place', () => {
  it('a notice with no annexes and no tasks', () => {
    const plan = extractText('关于做好某项工作的通知\n各单位:\n请认真做好有关工作。\n');
    expect(allTasks(plan)).toEqual([]);
    expect(plan.diagnostics.map((d) => d.ruleId)).toContain('no-tasks');
  });

  it('duplicated and skipped task numbers (1, 2, 2, 4)', () => {
    const text = ['附件1', '某方案', '一、工作任务', '1.任务甲。(区甲局牵头)', '2.任务乙。(区乙局牵头)', '2.任务丙。(区丙局牵头)', '4.任务丁。(区丁局牵头)'].join('\n');
    const plan = extractText(text);
    expect(allTasks(plan).map((t) => t.id)).toEqual(['A1.T1', 'A1.T2', 'A1.T3', 'A1.T4']);
    expect(allTasks(plan).map((t) => t.number)).toEqual(['1', '2', '2', '4']);
    const rules = plan.diagnostics.map((d) => `${d.ruleId}@${d.span?.line}`);
    expect(rules).toEqual(expect.arrayContaining(['duplicate-task-number@4', 'numbering-gap@6', 'numbering-gap@7']));
  });

  it('a clause that names a role but no unit, and unbalanced brackets', () => {
    const text = ['附件1', '某方案', '一、工作任务', '1.任务甲。(牵头,按职责分工负责)', '2.任务乙。(区乙局牵头,区丙局配合', '3.任务丙。区丁局牵头)继续'].join('\n');
    const plan = extractText(text);
    const [t1, t2, t3] = allTasks(plan);
    expect(t1.assignments).toEqual([]);
    expect(t2.assignments).toEqual([]);
    expect(roles(t3)).toBe('');
    const found = plan.diagnostics.map((d) => `${d.ruleId}@${d.task}`);
    expect(found).toEqual(expect.arrayContaining(['unbalanced-bracket@A1.T2']));
    expect(found.filter((f) => f.endsWith('A1.T1')).length).toBeGreaterThan(0);
  });

  it('mixed encodings: a UTF-8 file with a stray GBK line still reads, the line as GB18030 with a warning at it', async () => {
    const utf8 = new TextEncoder().encode('附件1\n某方案\n一、工作任务\n1.任务甲。(区甲局牵头)\n');
    const gbkLine = new Uint8Array([0xc7, 0xf8, 0xbc, 0xd7, 0xbe, 0xd6, 0x0a]); // 区甲局 in GBK
    const path = file('mixed.txt', new Uint8Array([...utf8, ...gbkLine]));
    const { plan, source } = await extractNotice(path);
    expect(plan.source.encoding).toBe('utf-8');
    expect(source).toBe('附件1\n某方案\n一、工作任务\n1.任务甲。(区甲局牵头)\n区甲局\n');
    expect(allTasks(plan).map(roles)).toEqual(['l:区甲局']);
    const note = plan.diagnostics.find((d) => d.ruleId === 'invalid-utf-8');
    expect(note).toMatchObject({ severity: 'warning', span: { line: 5, column: 1, endLine: 5, endColumn: 4 } });
    expect(note?.message).toMatch(/line 5 .*GB18030/);
  });

  it('one stray byte in a UTF-8 file: the rest reads as UTF-8, the byte is U+FFFD, with a warning at its place', async () => {
    const [before, after] = ['附件1\n某方案\n一、工作任务\n1.任务', '甲。(区甲局牵头)\n'].map((t) => new TextEncoder().encode(t));
    const path = file('stray.txt', new Uint8Array([...before, 0xff, ...after]));
    const { plan, source } = await extractNotice(path);
    expect(plan.source.encoding).toBe('utf-8');
    expect(source).toBe('附件1\n某方案\n一、工作任务\n1.任务\ufffd甲。(区甲局牵头)\n');
    expect(allTasks(plan).map(roles)).toEqual(['l:区甲局']);
    expect(plan.diagnostics.find((d) => d.ruleId === 'invalid-utf-8')).toMatchObject({ span: { line: 4, column: 5, endColumn: 6 } });
  });
});
