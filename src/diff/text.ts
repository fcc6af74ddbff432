// Text views used for comparison: what a task says, without its number, clauses or layout whitespace.
import type { Target, Task } from '../model/schema.js';

/** Runs of whitespace become one space; layout (line breaks, indentation) is not content. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

// Chinese has no word spaces: a space next to a Han character or punctuation is a line wrap, not content.
const LAYOUT_SPACE = /(?<=[\p{Script=Han}\p{P}\p{S}])\s+|\s+(?=[\p{Script=Han}\p{P}\p{S}])/gu;

/** The text as compared: whitespace collapsed, and removed where it only wraps Chinese text. */
export function layoutKey(text: string): string {
  return collapseSpace(text).replace(LAYOUT_SPACE, '');
}

// A leading list number ("7." "7、" "(三)" "三、") moves with renumbering, so it is not part of what the task says.
const LEADING_NUMBER = /^\s*(?:\d+\s*[.．、]|[(（][一二三四五六七八九十百零〇\d]+[)）]|[一二三四五六七八九十百]+、)\s*/u;

/** The task's own words: its text minus the leading number and the responsibility clauses. */
export function taskBody(task: Task): string {
  let text = task.text;
  // Longest clauses first, so a clause that contains another is removed whole.
  const clauses = [...task.clauses].sort((a, b) => b.raw.length - a.raw.length);
  for (const clause of clauses) {
    if (clause.raw.length > 0) text = text.split(clause.raw).join('');
  }
  // A clause recorded without its brackets leaves an empty pair behind.
  text = text.replace(/[(（]\s*[)）]/gu, '');
  return collapseSpace(text.replace(LEADING_NUMBER, ''));
}

/** The clauses as written, joined; used only when clause wording changes without any assignment change. */
export function taskClauses(task: Task): string {
  return collapseSpace(task.clauses.map((c) => c.raw).join(' '));
}

/** A target as an auditor reads it: 增长15%左右. */
export function formatTarget(target: Target): string {
  return `${target.verb}${formatNumber(target.value)}${target.unit}${target.qualifier ?? ''}`;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}
