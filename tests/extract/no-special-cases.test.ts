// No rule may name a place, a unit, a person or a phrase of one notice: the code reads the genre, not its examples.
// Every unit and person of the corpora's gold (and the sample's units) is searched for in src/ outside comments.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readCorpus } from '../../eval/corpus.js';
import { extractNotice } from '../../src/index.js';
import { SAMPLE } from '../helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.ts$/.test(n) ? [p] : [];
  });
}

/** The code of a file with its comments blanked (string contents kept: that is where a special case would hide). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

it('names no unit or person of the sample or the corpus in src/ (comments aside)', async () => {
  const names = new Set<string>();
  for (const f of readCorpus('tests/fixtures/genre')) {
    for (const t of f.gold) for (const n of [...t.lead, ...t.responsible, ...t.cooperate, ...t.leaders]) names.add(n);
  }
  for (const u of (await extractNotice(SAMPLE)).plan.units) names.add(u.name);
  // Long enough to be a name of one body, not a generic word (各乡镇, 税务局 are the genre's).
  const specific = [...names].filter((n) => n.length >= 6 && !/^各/.test(n));
  expect(specific.length).toBeGreaterThan(200);
  const hits: string[] = [];
  for (const file of sources('src')) {
    const text = code(readFileSync(file, 'utf8'));
    for (const n of specific) if (text.includes(n)) hits.push(`${file}: ${n}`);
  }
  expect(hits).toEqual([]);
});
