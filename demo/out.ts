// Where the demos write: DEMO_OUT (the test sets it), else demo/out/ (ignored by git).
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const SAMPLE = path.resolve(import.meta.dirname, '../input/wulingyuan-2024-ba-da-xing-dong.txt');
export const SAMPLE_V2 = path.resolve(import.meta.dirname, '../tests/fixtures/diff/wulingyuan-v2.txt');

/** The demo's own output folder, created. */
export function outDir(name: string): string {
  const dir = path.resolve(process.env.DEMO_OUT ?? path.join(import.meta.dirname, 'out'), name);
  mkdirSync(dir, { recursive: true });
  return dir;
}
