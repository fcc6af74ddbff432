// Responsibility stated once for a group of tasks: on the group's heading (（一）扎实推进厕所革命。牵头单位：A；责任单位：B)
// or after the group's tasks (以上任务由A牵头，B按职责分工负责). A task of the group with no clause of its own takes the
// group's; one with its own keeps it. The group after a 以上 line starts again, so two such lines in one section
// speak for the tasks before each of them.
import type { ExtractContext } from './context.js';
import { findClauses, type FoundClause } from './find-clauses.js';
import type { ItemNode } from '../parse/types.js';
import { allLines } from './tree.js';

/** A line that speaks for the tasks before it. */
const FOR_THE_TASKS_ABOVE = /^[\s\u3000]*(?:以上|上述)(?:各项|[一二三四五六七八九十\d]+项)?(?:任务|工作|事项)/;

const assigns = (c: FoundClause): boolean => c.reading.mentions.length > 0;

/**
 * For each task (by position in `tasks`), the clauses it inherits from its group (empty: none). `sections[i]` is the
 * section item task i stands under (null: none).
 */
export function groupClauses(ctx: ExtractContext, tasks: readonly ItemNode[], sections: ReadonlyArray<ItemNode | null>): FoundClause[][] {
  const out: FoundClause[][] = tasks.map(() => []);
  const heading = new Map<ItemNode, FoundClause[]>();
  const headingClauses = (section: ItemNode): FoundClause[] => {
    let found = heading.get(section);
    if (!found) {
      const line = { start: section.valueStart, end: section.valueStart + section.value.length };
      found = findClauses(ctx.text.parse, [line], ctx.lex, ctx.clauseCache).clauses.filter(assigns);
      heading.set(section, found);
    }
    return found;
  };
  // From the heading of each task's section.
  tasks.forEach((_, i) => {
    const section = sections[i];
    if (section) out[i] = headingClauses(section);
  });
  // From a 以上任务… line in a task's text: it speaks for that task and the ones before it in the section, back to the
  // previous such line.
  let groupStart = 0;
  tasks.forEach((task, i) => {
    if (i > 0 && sections[i] !== sections[i - 1]) groupStart = i;
    const lines = allLines(task);
    const above = findClauses(ctx.text.parse, lines, ctx.lex, ctx.clauseCache).clauses.filter((c) => {
      if (!assigns(c)) return false;
      const line = lines.find((l) => l.start <= c.start && c.start < l.end);
      return line !== undefined && line.start !== task.valueStart && FOR_THE_TASKS_ABOVE.test(ctx.text.parse.slice(line.start, line.end));
    });
    if (above.length === 0) return;
    for (let k = groupStart; k < i; k++) out[k] = above;
    groupStart = i + 1;
  });
  return out;
}
