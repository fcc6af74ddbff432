// The amplifiers of tests/resource at doubling sizes: `fenjie extract` (compiled) on each, as a child process with the
// resource test's heap of 512 MB, its wall time and peak RSS. Linear means each doubling about doubles the time
// (start-up, ~0.3 s, included, so small sizes show less). A size that runs past the limit ends its series.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AMPLIFIERS } from '../tests/resource/amplifiers.js';

const LIMIT_MS = 60_000;

export interface AmplifierRow {
  readonly name: string;
  readonly cells: string[];
}

/** One measured extraction: wall ms, peak RSS MB and exit code, or null past the limit. */
function measure(file: string, out: string): { ms: number; rssMb: number; code: number } | null {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, '--max-old-space-size=512', 'dist/cli/main.js', 'extract', file, '-o', out, '-q'], {
    encoding: 'utf8',
    timeout: LIMIT_MS,
  });
  const ms = performance.now() - started;
  if (r.error || r.signal) return null;
  const rssKb = Number(r.stderr.trim().split('\n').at(-1));
  return { ms, rssMb: rssKb / 1024, code: r.status ?? -1 };
}

export function amplifierSeries(steps = 4, only?: string): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'fenjie-amp-'));
  const rows: string[][] = [];
  for (const a of AMPLIFIERS) {
    if (only && !a.name.includes(only)) continue;
    const cells: string[] = [];
    let previous: number | null = null;
    for (let k = 0, n = a.bench; k < steps; k++, n *= 2) {
      const file = join(dir, `${a.name}.${a.ext}`);
      const bytes = a.build(n);
      writeFileSync(file, bytes);
      const m = measure(file, join(dir, 'out.json'));
      if (!m) {
        cells.push(`n=${n.toLocaleString('en-US')}: > ${LIMIT_MS / 1000} s`);
        break;
      }
      const ratio = previous === null ? '' : ` ×${(m.ms / previous).toFixed(1)}`;
      cells.push(`${(bytes.length / 1024).toFixed(0)} KB: ${(m.ms / 1000).toFixed(2)} s${ratio}, ${m.rssMb.toFixed(0)} MB${m.code === 0 || m.code === 1 ? '' : `, exit ${m.code}`}`);
      previous = m.ms;
    }
    rows.push([a.name, ...cells]);
    process.stderr.write(`  ${a.name} done\n`);
  }
  rmSync(dir, { recursive: true, force: true });
  return rows;
}
