// Test helpers: extract from inline text, exactly as the CLI would from a file.
import { extractIngested, type ExtractOptions, type Plan, type Task } from '../src/index.js';

export const SAMPLE = 'input/wulingyuan-2024-ba-da-xing-dong.txt';

/** Extract a Plan from notice text written inline in a test. */
export function extractText(text: string, options: ExtractOptions = {}): Plan {
  const bytes = new TextEncoder().encode(text);
  return extractIngested({ text, format: 'text', encoding: 'utf-8', meta: {} }, 'inline.txt', bytes, options).plan;
}

export function allTasks(plan: Plan): Task[] {
  return plan.annexes.flatMap((a) => a.tasks);
}

/** "l:A r:B c:C", with * for inferred roles: compact and easy to read in a failing assertion. */
export function roles(task: Task): string {
  return task.assignments.map((a) => `${a.role[0]}${a.inferred ? '*' : ''}:${a.unit}`).join(' ');
}
