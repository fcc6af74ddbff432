// Plan → plain rows that every renderer shares, so Word, PDF and Excel can never disagree about who does what.
import type { Annex, Assignment, Plan, Role, Task } from '../model/schema.js';
import { fill, textWidthMm } from './layout.js';
import { markParts, partsOf } from './scope-view.js';
import type { DocumentTemplate, Orientation } from './templates.js';

export const ROLE_RANK: Readonly<Record<Role, number>> = { lead: 0, responsible: 1, cooperate: 2 };

/** One task as the tables show it. Unit lists hold display names (desk and collective as written), deduplicated. */
export interface TaskRow {
  readonly annex: Annex;
  readonly task: Task;
  readonly id: string;
  readonly no: string;
  readonly category: string;
  readonly title: string;
  readonly content: string;
  readonly lead: readonly string[];
  readonly responsible: readonly string[];
  readonly cooperate: readonly string[];
  readonly targets: string;
  readonly deadlines: string;
  /** 责任领导: the people answerable for the task, as written (empty when the text names none). */
  readonly leaders: string;
}

/** What a lead cell shows for a task whose text names no lead (never a blank a reader could take for an omission). */
export const NO_LEAD = '未明确';

/** Tasks under one 类别 (section); kept together on a page where they fit. */
export interface CategoryGroup {
  readonly category: string;
  readonly rows: readonly TaskRow[];
}

export interface AnnexTable {
  readonly annex: Annex;
  readonly groups: readonly CategoryGroup[];
}

/** The plan's own name for titles (实施“八大行动”); falls back on the plan title so a title is never blank. */
export function printedPlanName(plan: Plan): string {
  const { planName, planTitle, title } = plan.notice;
  if (planName) return planName;
  if (planTitle) return planTitle.replace(/(总体)?方案$/, '');
  return title ?? '';
}

/** 2026-11-27 → 2026年11月27日, as official documents print dates. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The name to print for an assignment: a desk keeps its bureau (区发展和改革局〈工信〉), a resolved collective prints as written. */
export function displayName(a: Assignment): string {
  if (a.resolvedFrom) return a.resolvedFrom;
  if (a.desk && !a.unit.includes(a.desk)) return `${a.unit}〈${a.desk}〉`;
  return a.unit;
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

/**
 * Display names per role; a unit listed under two roles in one task shows under its strongest one only. A unit
 * whose clauses speak only for parts of the task carries the parts' marks (区妇联①), as the content shows them.
 */
export function unitsByRole(task: Task): Record<Role, string[]> {
  const best = new Map<string, Role>();
  const byName = new Map<string, Assignment[]>();
  for (const a of task.assignments) {
    const name = displayName(a);
    const had = best.get(name);
    if (had === undefined || ROLE_RANK[a.role] < ROLE_RANK[had]) best.set(name, a.role);
    byName.set(name, [...(byName.get(name) ?? []), a]);
  }
  const out: Record<Role, string[]> = { lead: [], responsible: [], cooperate: [] };
  for (const name of unique(task.assignments.map(displayName))) {
    const role = best.get(name)!;
    const marks = partsOf(task, byName.get(name)!.filter((a) => a.role === role)).map((p) => p.mark).join('');
    out[role].push(name + marks);
  }
  return out;
}

export function leadersText(task: Task): string {
  return unique(task.leaders.map((l) => (l.title ? `${l.name}（${l.title}）` : l.name))).join('、');
}

/** Whether any task of the plan names its leaders (the 责任领导 column is shown only then). */
export function planHasLeaders(plan: Plan): boolean {
  return plan.annexes.some((a) => a.tasks.some((t) => t.leaders.length > 0));
}

export function targetsText(task: Task): string {
  return unique(task.targets.map((t) => t.raw)).join('；');
}

export function deadlinesText(task: Task): string {
  return unique(task.deadlines.map((d) => d.raw)).join('；');
}

/**
 * The task text without what other columns already show: the leading number and heading sentence, and a single
 * trailing responsibility clause. Tasks with several clauses keep them, as each clause belongs to its own sentences.
 */
export function contentOf(task: Task): string {
  let text = task.text.trim();
  const head = text.indexOf(task.title);
  if (task.title && head >= 0 && head <= task.number.length + 2) {
    text = text.slice(head + task.title.length).replace(/^[。．.，,：:\s]+/, '');
  }
  if (task.clauses.length === 1) {
    const raw = task.clauses[0]!.raw.trim();
    const trimmed = text.replace(/[。．.\s]+$/, '');
    // The clause may stand bare or in brackets: （A牵头，B负责） or (A牵头,B负责).
    for (const [open, close] of [['', ''], ['（', '）'], ['(', ')']] as const) {
      const tail = `${open}${raw}${close}`;
      if (raw && trimmed.endsWith(tail)) {
        text = trimmed.slice(0, -tail.length).trimEnd();
        break;
      }
    }
  }
  return text || task.title;
}

export function categoryOf(task: Task): string {
  if (!task.section) return '';
  return `${task.section}${task.sectionTitle ?? ''}`;
}

export function taskRow(annex: Annex, task: Task): TaskRow {
  const roles = unitsByRole(task);
  return {
    annex,
    task,
    id: task.id,
    no: task.number,
    category: categoryOf(task),
    title: task.title,
    content: markParts(task, contentOf(task)),
    lead: roles.lead,
    responsible: roles.responsible,
    cooperate: roles.cooperate,
    targets: targetsText(task),
    deadlines: deadlinesText(task),
    leaders: leadersText(task),
  };
}

/** Annex by annex, consecutive tasks of one category grouped (the category cell is merged over them). */
export function taskTables(plan: Plan): AnnexTable[] {
  return plan.annexes.map((annex) => {
    const groups: { category: string; rows: TaskRow[] }[] = [];
    for (const task of annex.tasks) {
      const row = taskRow(annex, task);
      const last = groups[groups.length - 1];
      // Tasks without a category are their own groups: merging blanks would read as one long category.
      if (last && row.category !== '' && last.category === row.category) last.rows.push(row);
      else groups.push({ category: row.category, rows: [row] });
    }
    return { annex, groups };
  });
}

/** Annex label for headings and sheet columns: 附件1 产业培塑行动. */
export function annexLabel(annex: Annex): string {
  const name = annex.action ?? annex.title;
  return annex.number > 0 ? `附件${annex.number} ${name}` : name;
}

/** An annex heading from a template pattern; a notice whose tasks stand in its body (number 0) has no 附件 number. */
export function annexHeading(pattern: string, annex: Annex): string {
  if (annex.number === 0) return annex.title;
  return fill(pattern, { number: annex.number, annexTitle: annex.title, action: annex.action ?? annex.title });
}

/** How many full-width characters of `size` points fit across the text area: used to break long titles well. */
export function charsPerLine(tpl: DocumentTemplate, orientation: Orientation, size: number): number {
  return Math.floor((textWidthMm(tpl, orientation) * 72) / 25.4 / size);
}

/** A task-table cell, format-neutral: what both the Word and the PDF table show under a column key. */
export interface TableCellText {
  readonly text: string;
  readonly align?: 'center';
}

export function taskTableCell(row: TaskRow, key: string): TableCellText {
  switch (key) {
    case 'no':
      return { text: `${row.no}\n${row.id}`, align: 'center' };
    case 'task':
      return { text: row.title };
    case 'content':
      return { text: row.content };
    case 'lead':
      return { text: row.lead.join('、') || NO_LEAD };
    case 'leaders':
      return { text: row.leaders };
    case 'responsible':
      return { text: row.responsible.join('、') };
    case 'cooperate':
      return { text: row.cooperate.join('、') };
    case 'targets':
      return { text: row.targets };
    case 'deadlines':
      return { text: row.deadlines, align: 'center' };
    default:
      return { text: '' };
  }
}
