// A corpus of notices with gold: a folder where each notice `X.txt` (or .html, .docx) has `X.gold.json` beside it,
// or a folder with one `gold.json` of the form {"files": {"<file name>": [GoldTask, …]}} (../shared/genre-dev).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldTask } from './score.js';

export interface CorpusFile {
  readonly name: string;
  readonly path: string;
  readonly gold: readonly GoldTask[];
}

export function readCorpus(dir: string): CorpusFile[] {
  const combined = join(dir, 'gold.json');
  if (existsSync(combined)) {
    const files = (JSON.parse(readFileSync(combined, 'utf8')) as { files: Record<string, GoldTask[]> }).files;
    return Object.entries(files).map(([name, gold]) => ({ name, path: join(dir, name), gold }));
  }
  const names = readdirSync(dir).sort();
  return names
    .filter((n) => n.endsWith('.gold.json'))
    .map((g) => {
      const base = g.slice(0, -'.gold.json'.length);
      const name = names.find((n) => n.startsWith(`${base}.`) && n !== g && !n.endsWith('.md'));
      if (!name) throw new Error(`${join(dir, g)}: no notice beside it`);
      return { name, path: join(dir, name), gold: JSON.parse(readFileSync(join(dir, g), 'utf8')) as GoldTask[] };
    });
}
