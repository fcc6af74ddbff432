// File names from unit names: safe on Windows, macOS and Linux, distinct, stable.
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFileNames, safeFileName } from '../../src/render/safe-filename.js';

const FORBIDDEN = /[/\\:*?"<>|\u0000-\u001f\u007f]/;
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

function assertSafe(name: string): void {
  expect(name).not.toMatch(FORBIDDEN);
  expect(name).not.toContain('..');
  expect(name).not.toMatch(/^[.\s]|[.\s]$/);
  expect(name.length).toBeGreaterThan(0);
  expect(Buffer.byteLength(name)).toBeLessThanOrEqual(150);
  expect(RESERVED.test(name.split('.')[0]!)).toBe(false);
}

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd'],
    ['区财政局/区国资局'],
    ['C:\\Windows\\system32'],
    ['CON'],
    ['nul.txt'],
    ['Com1'],
    ['  .隐藏单位. '],
    ['..'],
    ['.'],
    [''],
    ['a\u0000b\u001fc\u007fd'],
    ['区\u202e局txt.exe'],
    ['单位'.repeat(200)],
    ['问号?星号*竖线|引号"尖括号<>'],
  ])('makes %j safe', (name) => {
    assertSafe(safeFileName(name));
  });

  it('keeps ordinary Chinese unit names as they are, desk and collective brackets written （）', () => {
    expect(safeFileName('区发展和改革局〈工信〉')).toBe('区发展和改革局（工信）');
    expect(safeFileName('各乡〈街道〉')).toBe('各乡（街道）');
    expect(safeFileName('张管局综合部')).toBe('张管局综合部');
  });

  it('is safe for any string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => assertSafe(safeFileName(s))), { numRuns: 500 });
  });
});

describe('allocateFileNames', () => {
  it('gives names that sanitise alike, or differ only in case, distinct files', () => {
    const names = ['区/局', '区:局', '区?局', 'Abc', 'abc', 'CON', '_CON'];
    const got = allocateFileNames(names);
    const values = [...got.values()];
    expect(new Set(values.map((v) => v.toLowerCase())).size).toBe(names.length);
    for (const v of values) assertSafe(v);
    // Stable: the first of a clash keeps the plain name.
    expect(got.get('区/局')).toBe('区_局');
    expect(got.get('区:局')).toBe('区_局-2');
  });

  it('writes hostile names as files inside the folder, none escaping it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fenjie-names-'));
    const names = ['../escape', '..', 'a/../../b', 'CON', 'x'.repeat(400), '区\\局', '区/局'];
    for (const base of allocateFileNames(names).values()) await writeFile(path.join(dir, `${base}.pdf`), 'x');
    expect(await readdir(dir)).toHaveLength(names.length);
  });
});
