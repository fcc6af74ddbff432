// The 任务分解表's columns for one plan, shared by Word and PDF: which columns stand (empty ones left out, a sparse
// one folded into its neighbour, 具体内容 left out in the compact form), what each cell holds, and the widths
// measured from that (table-layout.ts), so both files have the same table.
import type { Plan } from '../model/schema.js';
import { textWidthMm } from './layout.js';
import { NO_LEAD, taskTableCell, taskTables, type TableCellText, type TaskRow } from './plan-view.js';
import { layoutColumns, type LayoutColumn } from './table-layout.js';
import type { DocumentTemplate, TaskColumn, TaskTableForm, TaskTableTemplate } from './templates.js';

/** Padding inside a table cell on each side, in points (the PDF's; Word's cell margins are set to match). */
export const CELL_PADDING = 3;

/** Columns folded into the column before them when sparse, and the label their text carries there. */
const FOLDS: Readonly<Record<string, { into: string; label: string }>> = {
  cooperate: { into: 'responsible', label: '配合：' },
};

export interface TaskTableColumns {
  readonly columns: readonly TaskColumn[];
  /** Widths in points, adding up to the text width. */
  readonly widths: readonly number[];
  /** Header labels as set (broken between words where the column is narrower than the label). */
  readonly headers: readonly string[];
  /** The cell a column shows for a row. */
  readonly cell: (row: TaskRow, key: string) => TableCellText;
  readonly form: TaskTableForm;
}

const cache = new WeakMap<Plan, Map<string, TaskTableColumns>>();

export function taskTableColumns(plan: Plan, tpl: TaskTableTemplate, doc: DocumentTemplate, form: TaskTableForm = tpl.form): TaskTableColumns {
  let byKey = cache.get(plan);
  if (!byKey) cache.set(plan, (byKey = new Map()));
  const key = JSON.stringify([tpl, doc.page, form]);
  let found = byKey.get(key);
  if (!found) byKey.set(key, (found = compute(plan, tpl, doc, form)));
  return found;
}

function compute(plan: Plan, tpl: TaskTableTemplate, doc: DocumentTemplate, form: TaskTableForm): TaskTableColumns {
  const rows = taskTables(plan).flatMap((t) => t.groups.flatMap((g) => g.rows));
  const filled = (key: string) => rows.filter((r) => taskTableCell(r, key).text.trim() !== '').length;
  const folded = new Set<string>();
  const columns = tpl.columns.filter((col) => {
    if (form === 'compact' && col.key === 'content') return false;
    if (col.key === 'no' || col.key === 'task' || col.key === 'category') return true;
    if (col.key === 'lead') return true; // 未明确 where no lead is named: the column always speaks
    const n = filled(col.key);
    if (n === 0) return false;
    const fold = FOLDS[col.key];
    if (fold && n < tpl.foldBelow * rows.length && tpl.columns.some((c) => c.key === fold.into)) {
      folded.add(col.key);
      return false;
    }
    return true;
  });
  const cell = (row: TaskRow, key: string): TableCellText => {
    const own = taskTableCell(row, key);
    const extra = Object.entries(FOLDS)
      .filter(([from, f]) => f.into === key && folded.has(from))
      .map(([from, f]) => taskTableCell(row, from).text && `${f.label}${taskTableCell(row, from).text}`)
      .filter(Boolean);
    return extra.length ? { ...own, text: [own.text, ...extra].filter(Boolean).join('\n') } : own;
  };
  const layout: LayoutColumn[] = columns.map((c) => ({
    key: c.key,
    label: c.label,
    noWrap: c.key === 'no',
    minEm: c.minEm ?? (c.key === 'lead' ? [...NO_LEAD].length : undefined),
    maxEm: c.maxEm,
  }));
  const size = tpl.tableFontSize;
  const width = (textWidthMm(doc, tpl.orientation) * 72) / 25.4;
  const texts = rows.map((r) => columns.map((c) => (c.key === 'category' ? '' : cell(r, c.key).text)));
  const { widths, headers } = layoutColumns(layout, texts, { width, size, padding: CELL_PADDING });
  return { columns, widths, headers, cell, form };
}
