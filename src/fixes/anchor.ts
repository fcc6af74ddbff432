// Finding a fix's task by what the task says, so a renumbered revision does not send a fix to another task.
import { createHash } from 'node:crypto';
import type { Plan, Task } from '../model/schema.js';
import type { TaskAnchor } from './schema.js';

/** Text compared without its spacing: a re-wrapped line is the same text. */
const normalized = (text: string): string => text.replace(/\s+/gu, '');

/** 8 hex digits of the sha256 of a task's text without spacing: tells apart tasks that share a heading. */
export function taskHash(task: Pick<Task, 'text'>): string {
  return createHash('sha256').update(normalized(task.text)).digest('hex').slice(0, 8);
}

/** The anchor a fix made now on `task` should carry. */
export function taskAnchor(task: Pick<Task, 'id' | 'title' | 'text'>): TaskAnchor {
  return { title: task.title, hash: taskHash(task), id: task.id };
}

export type Found = { readonly task: Task } | { readonly task: null; readonly why: string };

/**
 * The one task the anchor names: those with its title, then those with its hash, then the one with its id. None, or
 * several left after the hints, is no task: a fix is never applied to a task it might not mean.
 */
export function findTask(plan: Plan, anchor: TaskAnchor): Found {
  const title = normalized(anchor.title);
  let found = plan.annexes.flatMap((a) => a.tasks).filter((t) => normalized(t.title) === title);
  if (found.length === 0) return { task: null, why: `无此任务 (no task titled "${anchor.title}")` };
  if (found.length > 1 && anchor.hash) {
    const byHash = found.filter((t) => taskHash(t) === anchor.hash);
    if (byHash.length) found = byHash;
  }
  if (found.length > 1 && anchor.id) {
    const byId = found.filter((t) => t.id === anchor.id);
    if (byId.length) found = byId;
  }
  if (found.length > 1) return { task: null, why: `多个任务同名 (${found.length} tasks titled "${anchor.title}": ${found.map((t) => t.id).join(', ')})` };
  return { task: found[0] };
}
