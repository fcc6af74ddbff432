// Scoring plans against hand-checked gold: the same measures as ../shared/tools/score-genre.mjs (tasks found, unit
// F1 over all roles, role accuracy, lead F1), kept in the project so that CI, which has no ../shared, can assert
// them. Traditional characters are folded with the project's own converter instead of a fixed table.
import type { Plan } from '../src/index.js';
import { simplify } from '../src/normalize/script.js';

/** One gold task: the number and title as written, units by role, people. */
export interface GoldTask {
  readonly task: string;
  readonly title: string;
  readonly lead: readonly string[];
  readonly responsible: readonly string[];
  readonly cooperate: readonly string[];
  readonly leaders: readonly string[];
}

export interface Counts {
  gold: number;
  found: number;
  tp: number;
  fp: number;
  fn: number;
  pairs: number;
  right: number;
  ltp: number;
  lfp: number;
  lfn: number;
}

export const zero = (): Counts => ({ gold: 0, found: 0, tp: 0, fp: 0, fn: 0, pairs: 0, right: 0, ltp: 0, lfp: 0, lfn: 0 });
export const add = (a: Counts, b: Counts): void => {
  for (const k of Object.keys(a) as Array<keyof Counts>) a[k] += b[k];
};
export const f1 = (tp: number, fp: number, fn: number): number => (tp + fp + fn === 0 ? 1 : (2 * tp) / (2 * tp + fp + fn));

export interface FileScore {
  readonly counts: Counts;
  readonly unitF1: number;
  readonly leadF1: number;
  readonly role: number | null;
  /** people extracted as units */
  readonly persons: number;
  readonly notes: string[];
}

type Role = 'lead' | 'responsible' | 'cooperate';
const ROLES: readonly Role[] = ['lead', 'responsible', 'cooperate'];

const simp = (s: string): string => simplify(s.normalize('NFKC'));
const unitKey = (s: string): string => simp(s).replace(/\s+/g, '').replace(/[〈【〔[]/g, '(').replace(/[〉】〕\]]/g, ')').replace(/等$/, '');
const NUMBERING = /^(?:[(][一二三四五六七八九十百零〇\d]+[)]|[一二三四五六七八九十百]+[、.]|\d+[、.](?!\d)|[①-⑳⑴-⒇])/;

function titleKey(s: string, number = ''): string {
  let t = simp(s).trim();
  const n = simp(number).trim();
  if (n && t.startsWith(n) && (/[)]$/.test(n) || /^[、.]/.test(t.slice(n.length)))) t = t.slice(n.length).replace(/^[、.]/, '');
  return t.replace(NUMBERING, '').replace(/[\s\p{P}\p{S}]/gu, '');
}
const numberKey = (n: string): string => simp(n).replace(/[\s()、.]/g, '');

interface Entry {
  name: string;
  keys: Set<string>;
  roles: Set<Role>;
}

function entriesOf(task: Plan['annexes'][number]['tasks'][number], aliases: ReadonlyMap<string, readonly string[]>): Entry[] {
  const byName = new Map<string, Entry>();
  for (const a of task.assignments) {
    const shown = a.resolvedFrom ?? (a.desk && !a.unit.includes(a.desk) ? `${a.unit}(${a.desk})` : a.unit);
    let e = byName.get(unitKey(shown));
    if (!e) byName.set(unitKey(shown), (e = { name: shown, keys: new Set(), roles: new Set() }));
    for (const k of [a.unit, shown, a.raw, a.resolvedFrom, ...(aliases.get(a.unit) ?? []).map((al) => `${a.unit}(${al})`)]) if (k) e.keys.add(unitKey(k));
    e.roles.add(a.role);
  }
  return [...byName.values()];
}

/** Score one plan against its gold tasks. */
export function scorePlan(gold: readonly GoldTask[], plan: Plan): FileScore {
  const c = zero();
  const notes: string[] = [];
  c.gold = gold.length;
  const persons = new Set(gold.flatMap((t) => t.leaders).map(unitKey));
  const tasks = plan.annexes.flatMap((a) => a.tasks);
  const aliases = new Map(plan.units.map((u) => [u.name, u.aliases]));
  const keys = tasks.map((t) => ({
    title: titleKey(t.title, t.number),
    cells: t.text.split(/[\n\t|]/).map((l) => titleKey(l, t.number)).filter(Boolean).slice(0, 4),
  }));
  const pairs = gold.map(() => -1);
  const taken = new Set<number>();
  const pick = (i: number, test: (g: string, k: (typeof keys)[number]) => boolean): void => {
    const g = titleKey(gold[i].title);
    const cands = tasks.map((_, j) => j).filter((j) => !taken.has(j) && test(g, keys[j]));
    const j = cands.find((x) => numberKey(tasks[x].number) !== '' && numberKey(tasks[x].number) === numberKey(gold[i].task)) ?? cands[0];
    if (j !== undefined) {
      pairs[i] = j;
      taken.add(j);
    }
  };
  gold.forEach((_, i) => pick(i, (g, k) => k.title !== '' && (k.title.startsWith(g) || (k.title.length >= 4 && g.startsWith(k.title)))));
  gold.forEach((_, i) => pairs[i] < 0 && pick(i, (g, k) => k.cells.some((x) => x.startsWith(g))));
  let personUnits = 0;

  const scoreTask = (g: GoldTask | null, entries: Entry[], where: string): void => {
    const want = new Map<string, { name: string; roles: Set<Role> }>();
    for (const r of ROLES) {
      for (const u of g?.[r] ?? []) {
        const k = unitKey(u);
        if (!want.has(k)) want.set(k, { name: u, roles: new Set() });
        want.get(k)!.roles.add(r);
      }
    }
    const used = new Set<Entry>();
    const here: string[] = [];
    for (const [k, w] of want) {
      const e = entries.find((x) => !used.has(x) && x.keys.has(k));
      if (!e) {
        c.fn++;
        if (w.roles.has('lead')) c.lfn++;
        here.push(`missing ${w.name} (${[...w.roles].join('+')})`);
        continue;
      }
      used.add(e);
      c.tp++;
      for (const r of w.roles) {
        c.pairs++;
        if (e.roles.has(r)) c.right++;
      }
      if (![...w.roles].every((r) => e.roles.has(r))) here.push(`role ${w.name}: ${[...w.roles].join('+')}, got ${[...e.roles].join('+')}`);
      if (w.roles.has('lead')) {
        if (e.roles.has('lead')) c.ltp++;
        else c.lfn++;
      } else if (e.roles.has('lead')) c.lfp++;
    }
    for (const e of entries) {
      if (used.has(e)) continue;
      c.fp++;
      if (e.roles.has('lead')) c.lfp++;
      const person = persons.has(unitKey(e.name).replace(/\(.*\)$/, ''));
      if (person) personUnits++;
      here.push(`extra ${e.name} (${[...e.roles].join('+')}${person ? ', a person' : ''})`);
    }
    if (here.length) notes.push(`${where}: ${here.join('; ')}`);
  };

  gold.forEach((g, i) => {
    if (pairs[i] < 0) notes.push(`${g.task} ${g.title}: task not found`);
    else c.found++;
    scoreTask(g, pairs[i] < 0 ? [] : entriesOf(tasks[pairs[i]], aliases), `${g.task} ${g.title}`);
  });
  tasks.forEach((t, j) => {
    if (!taken.has(j) && t.assignments.length) scoreTask(null, entriesOf(t, aliases), `extra task ${t.number} ${t.title.slice(0, 16)}`);
  });
  return {
    counts: c,
    unitF1: f1(c.tp, c.fp, c.fn),
    leadF1: f1(c.ltp, c.lfp, c.lfn),
    role: c.pairs ? c.right / c.pairs : null,
    persons: personUnits,
    notes,
  };
}
