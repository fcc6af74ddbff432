// Synthetic notices N× the sample: the covering notice once, then its annexes repeated with running numbers.
import { readFileSync } from 'node:fs';

export function syntheticNotice(samplePath: string, times: number): string {
  const text = readFileSync(samplePath, 'utf8');
  const first = text.search(/^附件\s*1\s*$/m);
  const head = text.slice(0, first);
  const annexes = text.slice(first).split(/^(?=附件\s*\d+\s*$)/m);
  const out = [head];
  let n = 0;
  for (let copy = 0; copy < times; copy++) {
    for (const annex of annexes) out.push(annex.replace(/^附件\s*\d+/, `附件${++n}`).replace(/\n*$/, "\n\n"));
  }
  return out.join('');
}
