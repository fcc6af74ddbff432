// Changes of one task, or of the tasks of one annex: added, removed, renumbered, moved, reworded, reassigned.
import type { Annex, Task } from '../model/schema.js';
import { change, type ChangeContext } from './change.js';
import { diffAssignments } from './diff-assignments.js';
import { diffTargets } from './diff-targets.js';
import { localId, type TaskMatching, type TaskPair, type TaskRef } from './match-tasks.js';
import { redline } from './redline.js';
import type { Change } from './schema.js';
import { collapseSpace, layoutKey, taskClauses } from './text.js';

function sectionLabel(task: Task): string | null {
  if (task.section === null && task.sectionTitle === null) return null;
  return `${task.section ?? ''}${task.sectionTitle ?? ''}`;
}

/** A section renumbered by an inserted section keeps its title; the task has not moved. */
function sectionKey(task: Task): string | null {
  return task.sectionTitle !== null ? collapseSpace(task.sectionTitle) : task.section;
}

export function diffTaskPair(pair: TaskPair, sameAnnexPair: boolean, redlineMinEqual?: number): Change[] {
  const o = pair.old.task;
  const n = pair.new.task;
  const ctx: ChangeContext = { annex: pair.new.annex.id, oldId: o.id, newId: n.id, match: pair.match };
  const out: Change[] = [];

  if (!sameAnnexPair) {
    out.push(change({ kind: 'moved', entity: 'task', field: 'annex', old: pair.old.annex.id, new: pair.new.annex.id, ...ctx }));
  } else {
    if (localId(o) !== localId(n) || o.number !== n.number) {
      out.push(change({ kind: 'renumbered', entity: 'task', field: 'number', old: o.number, new: n.number, ...ctx }));
    }
    if (sectionKey(o) !== sectionKey(n)) {
      out.push(change({ kind: 'moved', entity: 'task', field: 'section', old: sectionLabel(o), new: sectionLabel(n), ...ctx }));
    }
  }
  if (pair.old.key !== pair.new.key) {
    const lines = redline(pair.old.body, pair.new.body, { minEqual: redlineMinEqual });
    out.push(change({ kind: 'modified', entity: 'task', field: 'text', old: pair.old.body, new: pair.new.body, redline: lines, ...ctx }));
  }
  const assignments = diffAssignments(o.assignments, n.assignments, ctx);
  // Clause wording matters only where it changed nothing the assignments already report.
  const oc = taskClauses(o);
  const nc = taskClauses(n);
  if (assignments.length === 0 && layoutKey(oc) !== layoutKey(nc)) {
    const lines = redline(oc, nc, { minEqual: redlineMinEqual });
    out.push(change({ kind: 'modified', entity: 'task', field: 'clauses', old: oc, new: nc, redline: lines, ...ctx }));
  }
  for (const item of [...diffTargets('target', o.targets, n.targets, ctx), ...assignments]) out.push(item);
  return out;
}

/** The whole task as written, for an added or removed task: the auditor needs to read what came or went. */
function wholeText(task: Task): string {
  return collapseSpace(task.text);
}

interface Row {
  readonly position: number;
  readonly changes: Change[];
}

/**
 * Changes of the tasks of one new annex, in reading order of the new text. A removed task is placed right after
 * the new position of the old task that preceded it, so it shows where it used to stand.
 */
export function diffAnnexTasks(
  oldAnnex: Annex | null,
  newAnnex: Annex,
  matching: TaskMatching,
  redlineMinEqual?: number,
): Change[] {
  const rows: Row[] = [];
  for (const pair of matching.pairs) {
    if (pair.new.annex !== newAnnex) continue;
    rows.push({ position: pair.new.index, changes: diffTaskPair(pair, pair.old.annex === oldAnnex, redlineMinEqual) });
  }
  for (const ref of matching.added) {
    if (ref.annex !== newAnnex) continue;
    const ctx = { annex: newAnnex.id, newId: ref.task.id };
    rows.push({ position: ref.index, changes: [change({ kind: 'added', entity: 'task', field: 'text', new: wholeText(ref.task), ...ctx })] });
  }
  if (oldAnnex) {
    for (const ref of matching.removed) {
      if (ref.annex !== oldAnnex) continue;
      const ctx = { annex: newAnnex.id, oldId: ref.task.id };
      rows.push({
        position: removedPosition(ref, newAnnex, matching) + (ref.index + 1) / 10_000,
        changes: [change({ kind: 'removed', entity: 'task', field: 'text', old: wholeText(ref.task), ...ctx })],
      });
    }
  }
  rows.sort((a, b) => a.position - b.position);
  return rows.flatMap((r) => r.changes);
}

function removedPosition(ref: TaskRef, newAnnex: Annex, matching: TaskMatching): number {
  let position = -1;
  for (const pair of matching.pairs) {
    if (pair.old.annex === ref.annex && pair.old.index < ref.index && pair.new.annex === newAnnex) {
      position = Math.max(position, pair.new.index);
    }
  }
  return position + 0.5;
}
