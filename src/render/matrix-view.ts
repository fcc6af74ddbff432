// The 责任矩阵 as plain string tables, shared by the Word and PDF renderers (Excel builds its own full matrix).
import type { Annex, Plan } from '../model/schema.js';
import { annexHeading } from './plan-view.js';
import { fill } from './layout.js';
import type { MatrixTemplate } from './templates.js';
import { annexCounts, annexMatrix } from './unit-view.js';

export interface StringTable {
  readonly header: readonly string[];
  /** First cell is the unit name; a `\n` inside a cell starts a new line. */
  readonly rows: readonly (readonly string[])[];
}

/** Column label for an annex: 附件1 over its action name. */
export function annexColumnLabel(annex: Annex): string {
  // 产业培塑行动 → 产业培塑: the column is narrow and every annex is an action.
  const name = (annex.action ?? annex.title).replace(/(.{4,})行动$/, '$1');
  return annex.number > 0 ? `附件${annex.number}\n${name}` : name;
}

/** Task column label: the task part of the id (T3), short enough for a narrow column; the annex heading says which annex. */
export function taskColumnLabel(taskId: string): string {
  return taskId.split('.')[1] ?? taskId;
}

/** (a) units × annexes: 牵头 n / 参与 n per cell, blank where the unit has no task in the annex, and a total. */
export function summaryMatrix(plan: Plan, tpl: MatrixTemplate): StringTable {
  const header = [tpl.unitColumnLabel, ...plan.annexes.map(annexColumnLabel), tpl.totalColumnLabel];
  const rows = annexCounts(plan).map(({ unit, counts }) => {
    const cell = (lead: number, join: number) => (lead + join === 0 ? '' : fill(tpl.countFormat, { lead, join }));
    const total = counts.reduce((t, c) => ({ lead: t.lead + c.lead, join: t.join + c.join }), { lead: 0, join: 0 });
    return [unit, ...counts.map((c) => cell(c.lead, c.join)), cell(total.lead, total.join)];
  });
  return { header, rows };
}

export interface AnnexMatrixTables {
  readonly annex: Annex;
  readonly heading: string;
  /** The annex's tasks split into tables of at most `maxTaskColumns` columns, so marks stay legible. */
  readonly chunks: readonly StringTable[];
}

/** (b) per annex, units × tasks marked with the template's symbols for lead / responsible / cooperate. */
export function annexMatrices(plan: Plan, tpl: MatrixTemplate): AnnexMatrixTables[] {
  return plan.annexes
    .filter((annex) => annex.tasks.length > 0)
    .map((annex) => {
      const m = annexMatrix(plan, annex);
      const chunks: StringTable[] = [];
      for (let i = 0; i < annex.tasks.length; i += tpl.maxTaskColumns) {
        const tasks = annex.tasks.slice(i, i + tpl.maxTaskColumns);
        chunks.push({
          // The header repeats on every page, so it names the annex the T-numbers belong to.
          header: [annex.number > 0 ? `${tpl.unitColumnLabel}（附件${annex.number}）` : tpl.unitColumnLabel, ...tasks.map((t) => taskColumnLabel(t.id))],
          rows: m.units.map((unit) => [
            unit,
            ...tasks.map((t) => {
              const role = m.roles.get(t.id)?.get(unit);
              return role ? tpl.marks[role] : '';
            }),
          ]),
        });
      }
      return { annex, heading: annexHeading(tpl.annexHeading, annex), chunks };
    });
}
