// Pair the tasks of two plans. Ids are stable only until a task is inserted, so the text decides.
import type { Annex, Task } from '../model/schema.js';
import type { AnnexPair } from './match-annexes.js';
import type { Match } from './schema.js';
import { bigrams, diceOfGrams, roundScore, similarityKey } from './similarity.js';
import { layoutKey, taskBody } from './text.js';

/**
 * Thresholds on the bigram Dice score of task bodies (text minus number and clauses). Measured on the sample:
 * unrelated tasks of one annex score at most 0.22, related tasks of different annexes up to 0.49
 * (A4.T13 实施存量企业扩能工程 vs A5.T1), a reworded task 0.7–0.95. Below a threshold, no pairing: the old
 * task is removed and the new one added.
 */
export interface MatchThresholds {
  /** Minimum score to pair two tasks of paired annexes with different ids (default: 0.4). */
  readonly minScore?: number;
  /** Minimum score to keep two tasks with the same id paired, i.e. a heavy rewording (default: 0.3). */
  readonly minScoreSameId?: number;
  /** Minimum score to pair tasks across annexes, i.e. a task moved to another annex (default: 0.6). */
  readonly minScoreCrossAnnex?: number;
}

export interface TaskRef {
  readonly annex: Annex;
  readonly task: Task;
  /** 0-based position within the annex. */
  readonly index: number;
  readonly body: string;
  /** body without layout whitespace, what equality is decided on */
  readonly key: string;
}

export interface TaskPair {
  readonly old: TaskRef;
  readonly new: TaskRef;
  readonly match: Match;
}

export interface TaskMatching {
  readonly pairs: readonly TaskPair[];
  readonly removed: readonly TaskRef[];
  readonly added: readonly TaskRef[];
}

interface Candidate {
  readonly old: TaskRef;
  readonly new: TaskRef;
  readonly score: number;
  readonly sameId: boolean;
}

/** The task's number within its annex (A3.T6 → 6), which is what renumbering changes. */
export function localId(task: Task): string {
  return task.id.slice(task.id.indexOf('.') + 1);
}

function refs(annex: Annex): TaskRef[] {
  return annex.tasks.map((task, index) => {
    const body = taskBody(task);
    return { annex, task, index, body, key: layoutKey(body) };
  });
}

export function matchTasks(
  oldAnnexes: readonly Annex[],
  newAnnexes: readonly Annex[],
  annexPairs: readonly AnnexPair[],
  thresholds: MatchThresholds = {},
): TaskMatching {
  const minScore = thresholds.minScore ?? 0.4;
  const minSameId = thresholds.minScoreSameId ?? 0.3;
  const minCross = thresholds.minScoreCrossAnnex ?? 0.6;
  const oldRefs = new Map(oldAnnexes.map((a) => [a, refs(a)]));
  const newRefs = new Map(newAnnexes.map((a) => [a, refs(a)]));
  const grams = new Map<TaskRef, Map<string, number>>();
  // Bigrams only for tasks that reach scoring: most tasks of a revised plan pair by identical text.
  const gramsOf = (r: TaskRef): Map<string, number> => {
    let g = grams.get(r);
    if (!g) grams.set(r, (g = bigrams(similarityKey(r.body))));
    return g;
  };
  const score = (o: TaskRef, n: TaskRef): number => (o.key === n.key ? 1 : diceOfGrams(gramsOf(o), gramsOf(n)));

  const pairs: TaskPair[] = [];
  const usedOld = new Set<TaskRef>();
  const usedNew = new Set<TaskRef>();

  // Phase 0: identical texts, found by hashing, so that a long unchanged plan costs no similarity scoring.
  const exact: Candidate[] = [];
  for (const ap of annexPairs) {
    const byKey = new Map<string, TaskRef[]>();
    for (const n of newRefs.get(ap.new) ?? []) byKey.set(n.key, [...(byKey.get(n.key) ?? []), n]);
    for (const o of oldRefs.get(ap.old) ?? []) {
      for (const n of byKey.get(o.key) ?? []) exact.push({ old: o, new: n, score: 1, sameId: localId(o.task) === localId(n.task) });
    }
  }
  assign(exact, pairs, usedOld, usedNew);

  // Phase 1: within each pair of annexes, every candidate over its threshold, best first.
  const inside: Candidate[] = [];
  for (const ap of annexPairs) {
    for (const o of oldRefs.get(ap.old) ?? []) {
      if (usedOld.has(o)) continue;
      for (const n of newRefs.get(ap.new) ?? []) {
        if (usedNew.has(n)) continue;
        const sameId = localId(o.task) === localId(n.task);
        const s = score(o, n);
        if (s >= (sameId ? minSameId : minScore)) inside.push({ old: o, new: n, score: s, sameId });
      }
    }
  }
  assign(inside, pairs, usedOld, usedNew);

  // Phase 2: what is left may have moved to another annex; ask for stronger evidence.
  const leftOld = [...oldRefs.values()].flat().filter((r) => !usedOld.has(r));
  const leftNew = [...newRefs.values()].flat().filter((r) => !usedNew.has(r));
  const across: Candidate[] = [];
  for (const o of leftOld) {
    for (const n of leftNew) {
      const s = score(o, n);
      if (s >= minCross) across.push({ old: o, new: n, score: s, sameId: false });
    }
  }
  assign(across, pairs, usedOld, usedNew);

  const order = (a: TaskRef, b: TaskRef): number =>
    a.annex.number - b.annex.number || a.index - b.index;
  pairs.sort((a, b) => order(a.new, b.new));
  return {
    pairs,
    removed: [...oldRefs.values()].flat().filter((r) => !usedOld.has(r)),
    added: [...newRefs.values()].flat().filter((r) => !usedNew.has(r)),
  };
}

/**
 * Greedy assignment by score: identical texts (1.0) pair first, so a shifted run pairs each task with its own
 * text. Ties go to the same id, then to the nearer position, then to document order, for a deterministic result.
 */
function assign(candidates: Candidate[], pairs: TaskPair[], usedOld: Set<TaskRef>, usedNew: Set<TaskRef>): void {
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      Number(b.sameId) - Number(a.sameId) ||
      Math.abs(a.old.index - a.new.index) - Math.abs(b.old.index - b.new.index) ||
      a.old.annex.number - b.old.annex.number ||
      a.old.index - b.old.index ||
      a.new.annex.number - b.new.annex.number ||
      a.new.index - b.new.index,
  );
  for (const c of candidates) {
    if (usedOld.has(c.old) || usedNew.has(c.new)) continue;
    usedOld.add(c.old);
    usedNew.add(c.new);
    const sameAnnexId = c.sameId && c.old.annex.number === c.new.annex.number;
    pairs.push({ old: c.old, new: c.new, match: { method: sameAnnexId ? 'id' : 'text', score: roundScore(c.score) } });
  }
}
