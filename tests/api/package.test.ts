// fenjie as a library: a project that depends on it imports it by name (package.json `exports`), gets the API of
// src/index.ts and nothing deeper, and extracts the sample exactly as the CLI does.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractNotice } from '../../src/index.js';
import { SAMPLE } from '../helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
let project: string;

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'fenjie-user-'));
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'user', type: 'module', private: true }));
  mkdirSync(path.join(project, 'node_modules'));
  // What `npm install <path>` makes of a local package: a link under node_modules.
  symlinkSync(root, path.join(project, 'node_modules', 'fenjie'), 'dir');
});
afterAll(() => rmSync(project, { recursive: true, force: true }));

const run = (code: string): string => {
  const file = path.join(project, 'main.mjs');
  writeFileSync(file, code);
  return execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
};

describe('the package', () => {
  it('is imported by name and extracts the sample', async () => {
    const out = run(`import { extractNotice, planToJson, SCHEMA_VERSION } from 'fenjie';
const { plan } = await extractNotice(${JSON.stringify(path.join(root, SAMPLE))});
console.log(JSON.stringify({ version: SCHEMA_VERSION, tasks: plan.annexes.reduce((n, a) => n + a.tasks.length, 0), bytes: planToJson(plan).length }));`);
    const { plan } = await extractNotice(path.join(root, SAMPLE));
    const { planToJson } = await import('../../src/index.js');
    expect(JSON.parse(out)).toEqual({ version: plan.schemaVersion, tasks: plan.annexes.reduce((n, a) => n + a.tasks.length, 0), bytes: planToJson(plan).length });
    expect(JSON.parse(out).tasks).toBeGreaterThan(100);
  });

  it('offers every stage through the one entry point, and no deep imports', () => {
    const out = run(`const api = await import('fenjie');
const names = ['extractNotice', 'extractFiles', 'loadPlan', 'loadPlanWithSource', 'buildDocuments', 'diffPlans', 'renderDiffMarkdown', 'renderReview', 'renderDiffReview', 'planJsonSchema', 'IngestError', 'PlanFileError'];
let deep = 'allowed';
try { await import('fenjie/dist/render/index.js'); } catch (e) { deep = e.code; }
console.log(JSON.stringify({ missing: names.filter((n) => typeof api[n] !== 'function'), deep }));`);
    expect(JSON.parse(out)).toEqual({ missing: [], deep: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });

  it('declares its types where package.json says (emitted by `npm run build:types`, which `npm install` runs)', { timeout: 180_000 }, () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['.'].types).toBe(pkg.types);
    const types = path.join(root, pkg.types);
    if (!existsSync(types)) execFileSync('npm', ['run', 'build:types', '--silent'], { cwd: root });
    const declared = readFileSync(types, 'utf8');
    for (const entry of ['./api/extract.js', './api/build.js', './api/diff.js', './api/review.js', './errors.js']) expect(declared).toContain(entry);
    expect(readFileSync(path.join(root, 'dist/api/extract.d.ts'), 'utf8')).toMatch(/export declare function extractNotice\(path: string, options\?: ReadOptions\): Promise<ExtractedNotice>/);
  });
});
