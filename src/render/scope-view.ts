// The part of a task a responsibility clause speaks for (Clause.scope): a sub-item （1）① or the sentences before a
// clause, as the task table and the unit sheets mark it. A clause whose scope is the whole task marks nothing.
import type { Assignment, Task } from '../model/schema.js';

/** One part of a task that some clause assigns on its own, numbered ① ② … in the order it stands in the text. */
export interface TaskPart {
  readonly mark: string;
  /** The part's text as it stands in the task (its clause included). */
  readonly text: string;
  /** Offset of the part in `task.text`. */
  readonly start: number;
  readonly end: number;
  /** Clause indices that speak for exactly this part. */
  readonly clauses: readonly number[];
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function partMark(n: number): string {
  return CIRCLED[n] ?? `(${n + 1})`;
}

/**
 * Where `task.text` starts in the source: spans are source offsets and the text is the task without its number, so
 * the offset is found from a clause whose text occurs once in the task (null when none does).
 */
function textStart(task: Task): number | null {
  for (const c of task.clauses) {
    const at = task.text.indexOf(c.raw);
    if (c.raw && at >= 0 && task.text.indexOf(c.raw, at + 1) < 0) return c.span.start - at;
  }
  return null;
}

const parts = new WeakMap<Task, readonly TaskPart[]>();

/** The task's parts assigned on their own (empty when every clause speaks for the whole task). */
export function taskParts(task: Task): readonly TaskPart[] {
  let found = parts.get(task);
  if (found) return found;
  const out: TaskPart[] = [];
  const base = task.clauses.some((c) => c.scope.kind !== 'task') ? textStart(task) : null;
  if (base !== null) {
    const bySpan = new Map<string, { start: number; end: number; clauses: number[] }>();
    for (const c of task.clauses) {
      if (c.scope.kind === 'task') continue;
      const start = Math.max(0, c.scope.span.start - base);
      const end = Math.min(task.text.length, c.scope.span.end - base);
      if (end <= start) continue;
      const key = `${start}:${end}`;
      const had = bySpan.get(key);
      if (had) had.clauses.push(c.index);
      else bySpan.set(key, { start, end, clauses: [c.index] });
    }
    [...bySpan.values()]
      .sort((a, b) => a.start - b.start || a.end - b.end)
      .forEach((p, i) => out.push({ mark: partMark(i), text: task.text.slice(p.start, p.end).trim(), start: p.start, end: p.end, clauses: p.clauses }));
  }
  parts.set(task, (found = out));
  return found;
}

/** The parts a set of assignments is limited to; empty when any of them speaks for the whole task. */
export function partsOf(task: Task, assignments: readonly Assignment[]): TaskPart[] {
  const all = taskParts(task);
  if (all.length === 0 || assignments.length === 0) return [];
  const mine: TaskPart[] = [];
  for (const a of assignments) {
    const part = all.find((p) => p.clauses.includes(a.clause));
    if (!part) return []; // this assignment covers the whole task
    if (!mine.includes(part)) mine.push(part);
  }
  return mine.sort((a, b) => a.start - b.start);
}

/** `content` (a piece of `task.text`) with each part's mark put where the part starts. */
export function markParts(task: Task, content: string): string {
  const all = taskParts(task);
  if (all.length === 0) return content;
  const offset = Math.max(0, task.text.indexOf(content));
  let out = '';
  let at = 0;
  for (const p of all) {
    const pos = Math.min(content.length, Math.max(at, p.start - offset));
    out += content.slice(at, pos) + p.mark;
    at = pos;
  }
  return out + content.slice(at);
}
