// One correction from a plain HTML form: the fields name the task by its id on the page and the unit as the page
// shows it; the fix is built against the plan the page was made from (its task anchored by text, see taskAnchor),
// then validated by the corrections schema. A form that does not make a fix is one bilingual line (400).
import { Fix, taskAnchor, type TaskAnchor } from '../api/fixes.js';
import type { Plan, Task } from '../api/extract.js';
import { HttpError } from './multipart.js';

/** The reason a fix gets when its form's reason field is left empty. */
export const DEFAULT_REASON = '网页更正';

export const ROLE_LABELS: Readonly<Record<string, string>> = { lead: '牵头', responsible: '责任', cooperate: '配合' };

const bad = (op: string, message: string) => new HttpError(400, `表单 ${op}: ${message}`);

/** Names split where a person would: 、，,；; or line ends. */
export function splitNames(text: string): string[] {
  return text.split(/[、，,；;\n]+/u).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * The fix a form posts.
 *
 * @param fields the form's fields: `op` (a fix operation), `task` (a task id of the page), `unit`, `role`, `written`,
 *   `occurrence`, `name`, `title`, `units`, `into`, `to`, `reason`
 * @param plan the plan the page shows (with the fixes so far)
 * @param date the server's pinned date: the fix's `at`
 * @throws HttpError 400 naming the form and the field
 */
export function fixFromForm(fields: ReadonlyMap<string, string>, plan: Plan, date: string): Fix {
  const op = fields.get('op') ?? '';
  const get = (name: string) => (fields.get(name) ?? '').trim();
  const tasks = plan.annexes.flatMap((a) => a.tasks);
  const units = new Set(plan.units.flatMap((u) => [u.name, ...u.aliases]));
  const taskOf = (): Task => {
    const id = get('task');
    const task = tasks.find((t) => t.id === id);
    if (!task) throw bad(op, `无此任务"${id}" / no task "${id}"`);
    return task;
  };
  const anchor = (): TaskAnchor => taskAnchor(taskOf());
  const assigned = (task: Task, name: string) => {
    if (!task.assignments.some((a) => a.unit === name || a.raw === name)) throw bad(op, `${task.id}: 任务中没有单位"${name}" / no unit "${name}" in this task`);
    return name;
  };
  const known = (name: string) => {
    if (!units.has(name)) throw bad(op, `无此单位"${name}" / no unit "${name}" in the plan`);
    return name;
  };
  const reason = get('reason') || DEFAULT_REASON;
  const base = { reason, at: date };
  let fix: unknown;
  switch (op) {
    case 'set-role': {
      const task = taskOf();
      fix = { op, task: taskAnchor(task), unit: assigned(task, get('unit')), role: get('role'), ...base };
      break;
    }
    case 'set-lead': {
      const task = taskOf();
      fix = { op, task: taskAnchor(task), unit: assigned(task, get('unit')), ...base };
      break;
    }
    case 'remove-mention': {
      const task = taskOf();
      fix = { op, task: taskAnchor(task), unit: assigned(task, get('unit')), ...base };
      break;
    }
    case 'mark-person': {
      const task = taskOf();
      const title = get('title');
      fix = { op, task: taskAnchor(task), name: assigned(task, get('unit') || get('name')), ...(title ? { title } : {}), ...base };
      break;
    }
    case 'add-unit': {
      const task = taskOf();
      const written = get('written');
      const occurrence = get('occurrence') === '' ? 1 : Number(get('occurrence'));
      if (written !== '') {
        const found = task.text.split(written).length - 1;
        if (found === 0) throw bad(op, `${task.id}: 任务原文中没有"${written}" / "${written}" is not in the task's text`);
        if (Number.isInteger(occurrence) && occurrence > found) throw bad(op, `${task.id}: "${written}"只出现 ${found} 次 / "${written}" occurs ${found} time(s) only`);
      }
      const unit = get('unit');
      fix = { op, task: anchor(), written, ...(get('occurrence') === '' ? {} : { occurrence }), ...(unit ? { unit } : {}), role: get('role'), ...base };
      break;
    }
    case 'merge-units': {
      const names = [...new Set([get('unit'), get('other'), ...splitNames(get('units'))].filter((n) => n !== ''))];
      names.forEach(known);
      if (names.length < 2) throw bad(op, '需要两个不同的单位 / two different units are needed');
      const into = get('into') === 'other' ? get('other') : get('into') === 'unit' ? get('unit') : get('into');
      fix = { op, units: names, into: into || names[0], ...base };
      break;
    }
    case 'split-unit': {
      const into = splitNames(get('into'));
      fix = { op, ...(get('task') ? { task: anchor() } : {}), unit: known(get('unit')), into, ...base };
      break;
    }
    case 'rename-unit':
      fix = { op, from: known(get('unit') || get('from')), to: get('to'), ...base };
      break;
    default:
      throw new HttpError(400, `表单: 未知操作"${op.slice(0, 40)}" / unknown op "${op.slice(0, 40)}"`);
  }
  const parsed = Fix.safeParse(fix);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || op;
  throw bad(op, `字段 ${field} 不符 / field ${field}: ${issue.message}`);
}
