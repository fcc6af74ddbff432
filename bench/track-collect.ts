// Tracking bench (issue 17: collecting 80 returned ledgers for the sample under 5 s). `npx tsx bench/track-collect.ts`
// after `npm run build`: init on the sample (in-process and through the compiled CLI), 80 units' ledgers filled in
// (every row of each: status, progress, reporter, date), then collected in one run — in-process and through the CLI
// (start-up included) — and collected again (every file unchanged).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackCollect, trackInit } from '../src/index.js';
import { fillLedger, ledgerTaskIds } from '../tests/track/ledgers.js';

const SAMPLE = 'input/wulingyuan-2024-ba-da-xing-dong.txt';
const RETURNS = 80;
const work = mkdtempSync(join(tmpdir(), 'fenjie-bench-track-'));
const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
const cli = (...args: string[]) => {
  const t0 = performance.now();
  execFileSync(process.execPath, ['dist/cli/main.js', ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
  return ms(t0);
};

try {
  let t0 = performance.now();
  const ws = join(work, 'ws');
  const init = await trackInit(SAMPLE, { workspace: ws, date: '2024-05-31' });
  console.log(`init in-process (extract + ${init.handouts.length} ledgers): ${ms(t0)}`);
  console.log(`init through the CLI: ${cli('track', 'init', SAMPLE, '-w', join(work, 'ws-cli'), '--date', '2024-05-31', '-q')}`);

  const inbox = join(work, 'in');
  mkdirSync(inbox);
  const units = init.handouts.filter((h) => h.unit !== '全部').slice(0, RETURNS);
  let rows = 0;
  for (const [i, h] of units.entries()) {
    const blank = readFileSync(join(ws, ...h.file.split('/')));
    const ids = await ledgerTaskIds(blank);
    rows += ids.length;
    const status = ['推进中', '已完成', '滞后', '未启动'][i % 4]!;
    writeFileSync(join(inbox, `${String(i).padStart(2, '0')}.xlsx`), await fillLedger(blank, Object.fromEntries(ids.map((id) => [id, { status, progress: `第${i}份回执的进展情况`, reporter: '填报人', updated: '2024-06-18' }]))));
  }
  console.log(`${units.length} returns, ${rows} rows filled`);
  cpSync(ws, join(work, 'ws-2'), { recursive: true });

  t0 = performance.now();
  const out = await trackCollect([inbox], { workspace: ws, asOf: '2024-06-20' });
  const stored = out.reduce((n, r) => n + (r.state === 'new' ? r.reports : 0), 0);
  console.log(`collect ${out.length} files in-process: ${ms(t0)} (${out.filter((r) => r.state === 'new').length} new, ${stored} reports)`);
  t0 = performance.now();
  await trackCollect([inbox], { workspace: ws, asOf: '2024-06-21' });
  console.log(`collect again (all unchanged): ${ms(t0)}`);
  console.log(`collect ${out.length} files through the CLI (start-up included): ${cli('track', 'collect', inbox, '-w', join(work, 'ws-2'), '--as-of', '2024-06-20', '-q')}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
