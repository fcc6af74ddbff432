// npm run eval [-- <corpus dir> …] [--brief]: extract every notice of each corpus and score it against its gold.
// Default corpora: tests/fixtures/genre (ours) and ../shared/genre-dev (the development set) when it is there.
// Exit 1 when a corpus is below the targets (every task found, unit F1 and lead F1 >= 0.97, no person as a unit).
import { existsSync } from 'node:fs';
import { extractNotice } from '../src/index.js';
import { readCorpus } from './corpus.js';
import { add, f1, scorePlan, zero, type Counts } from './score.js';

const args = process.argv.slice(2);
const brief = args.includes('--brief');
const dirs = args.filter((a) => !a.startsWith('--'));
if (dirs.length === 0) dirs.push('tests/fixtures/genre', ...(existsSync('../shared/genre-dev/gold.json') ? ['../shared/genre-dev'] : []));

const fmt = (x: number | null): string => (x === null ? '  -  ' : x.toFixed(3));
const row = (name: string, c: Counts, persons: number): string =>
  `${name.padEnd(46)} ${`${c.found}/${c.gold}`.padStart(7)}  ${fmt(f1(c.tp, c.fp, c.fn))}  ${fmt(c.pairs ? c.right / c.pairs : null)}  ${fmt(f1(c.ltp, c.lfp, c.lfn))}  ${String(persons).padStart(3)}`;

let failed = false;
for (const dir of dirs) {
  const total = zero();
  let persons = 0;
  const misses: string[] = [];
  console.log(`\n${dir}\n${'file'.padEnd(46)} ${'tasks'.padStart(7)}  unitF1 role   leadF1  ppl`);
  for (const file of readCorpus(dir)) {
    const { plan } = await extractNotice(file.path);
    const s = scorePlan(file.gold, plan);
    add(total, s.counts);
    persons += s.persons;
    console.log(row(file.name, s.counts, s.persons));
    if (s.notes.length) misses.push(file.name, ...s.notes.map((n) => `  ${n}`));
  }
  console.log(row('overall', total, persons));
  if (!brief && misses.length) console.log(`\nmisses\n${misses.join('\n')}`);
  const ok = total.found === total.gold && f1(total.tp, total.fp, total.fn) >= 0.97 && f1(total.ltp, total.lfp, total.lfn) >= 0.97 && persons === 0;
  if (!ok) {
    console.log(`${dir}: below the targets (every task, unit F1 and lead F1 >= 0.97, no person as a unit)`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
