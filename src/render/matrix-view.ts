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

/** How a desk row reads under its bureau: 区发展和改革局〈科技〉 → 　〈科技〉. */
export function deskLabel(plan: Plan, unit: string): string {
  const parent = plan.units.find((u) => u.name === unit)?.parent;
  if (!parent || !unit.startsWith(parent)) return unit;
  const desk = unit.slice(parent.length);
  return `\u3000${/^〈.*〉$/.test(desk) ? desk : `〈${desk}〉`}`;
}

/**
 * (a) units × annexes: 牵头 n / 参与 n per cell, blank where the unit has no task in the annex, and a total. A bureau
 * counts with its desks, as its 责任清单 does, and each desk follows on a row of its own (indented).
 */
export function summaryMatrix(plan: Plan, tpl: MatrixTemplate): StringTable {
  const header = [tpl.unitColumnLabel, ...plan.annexes.map(annexColumnLabel), tpl.totalColumnLabel];
  const rows = annexCounts(plan).map(({ unit, depth, counts }) => {
    const cell = (lead: number, join: number) => (lead + join === 0 ? '' : fill(tpl.countFormat, { lead, join }));
    const total = counts.reduce((t, c) => ({ lead: t.lead + c.lead, join: t.join + c.join }), { lead: 0, join: 0 });
    return [depth === 1 ? deskLabel(plan, unit) : unit, ...counts.map((c) => cell(c.lead, c.join)), cell(total.lead, total.join)];
  });
  return { header, rows };
}

export interface AnnexMatrixTables {
  readonly annex: Annex;
  readonly heading: string;
  /** The annex's tasks split into tables of at most `maxTaskColumns` columns, so marks stay legible. */
  readonly chunks: readonly StringTable[];
}

/**
 * (b) per annex, units × tasks marked with the template's symbols for lead / responsible / cooperate; at most
 * `maxColumns` task columns a table (what fits across the page without a header wrapping, as the renderer measures).
 */
export function annexMatrices(plan: Plan, tpl: MatrixTemplate, maxColumns = Infinity): AnnexMatrixTables[] {
  return plan.annexes
    .filter((annex) => annex.tasks.length > 0)
    .map((annex) => {
      const m = annexMatrix(plan, annex);
      const chunks: StringTable[] = [];
      // Balanced: 34 tasks at 20 a table are two tables of 17, not 20 and 14.
      const count = Math.ceil(annex.tasks.length / Math.min(tpl.maxTaskColumns, maxColumns));
      const size = Math.ceil(annex.tasks.length / count);
      for (let i = 0; i < annex.tasks.length; i += size) {
        const tasks = annex.tasks.slice(i, i + size);
        // Only the units that hold one of these tasks: a table of columns never has empty rows.
        const units = m.units.filter((unit) => tasks.some((t) => m.roles.get(t.id)?.has(unit)));
        chunks.push({
          // The header repeats on every page, so it names the annex the T-numbers belong to.
          header: [annex.number > 0 ? `${tpl.unitColumnLabel}（附件${annex.number}）` : tpl.unitColumnLabel, ...tasks.map((t) => taskColumnLabel(t.id))],
          rows: units.map((unit) => [
            // A desk stands under its bureau (office order puts it there) when the bureau has a row too.
            units.includes(plan.units.find((u) => u.name === unit)?.parent ?? '') ? deskLabel(plan, unit) : unit,
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
