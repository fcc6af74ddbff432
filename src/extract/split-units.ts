// Unit names written without a separator ("区财政局区商务局按职责分工负责"): split them into units the document
// names elsewhere, when there is exactly one way to do it; say so when there is more than one.
import type { Annex, Assignment } from '../model/schema.js';
import type { ExtractContext } from './context.js';
import type { UnitRegistry } from './units.js';

/**
 * Ways to write `name` as two or more of `known`, in order, longest pieces first (at most `limit`: a name has few
 * readings). Each position's readings are worked out once, so the cost is the name's length squared, not
 * exponential.
 */
export function segmentations(name: string, known: ReadonlySet<string>, limit = 3): string[][] {
  const memo = new Map<number, string[][]>();
  const from = (at: number): string[][] => {
    if (at === name.length) return [[]];
    const cached = memo.get(at);
    if (cached) return cached;
    const out: string[][] = [];
    for (let end = name.length; end > at + 1 && out.length <= limit; end--) {
      const piece = name.slice(at, end);
      if (!known.has(piece)) continue;
      for (const rest of from(end)) {
        if (out.length > limit) break;
        out.push([piece, ...rest]);
      }
    }
    memo.set(at, out);
    return out;
  };
  // The name itself is one piece, not a split: a reading needs two or more.
  return from(0).filter((parts) => parts.length >= 2).slice(0, limit);
}

export function splitRunTogetherUnits(ctx: ExtractContext, registry: UnitRegistry, annexes: Annex[]): void {
  // Units that were written on their own somewhere: the only pieces a run-together name may be split into.
  const seen = new Map<string, number>();
  for (const a of annexes.flatMap((x) => x.tasks.flatMap((t) => t.assignments))) seen.set(a.unit, (seen.get(a.unit) ?? 0) + 1);
  for (const x of annexes) for (const m of x.workGroup?.members ?? []) seen.set(m, (seen.get(m) ?? 0) + 1);
  const known = new Set([...seen.keys()].filter((n) => n.length >= 3 && !/[〈(]/.test(n)));

  for (const annex of annexes) {
    for (const task of annex.tasks) {
      const next: Assignment[] = [];
      for (const a of task.assignments) {
        const mention = a;
        // The name itself never counts as a piece: a split needs two or more.
        const ways = a.desk || a.resolvedFrom || !mention ? [] : segmentations(a.unit, known);
        if (ways.length === 0 || !mention) {
          next.push(a);
          continue;
        }
        const where = { annex: annex.id, task: task.id };
        if (ways.length > 1) {
          ctx.report('warning', 'unit-ambiguous', `单位名称之间缺少分隔,拆分方式不唯一: ${a.unit} (${ways.map((w) => w.join('、')).join(' / ')})`, mention.span.start, mention.span.end, where, { actual: a.unit, expected: ways.map((w) => w.join('、')) });
          next.push(a);
          continue;
        }
        ctx.report('info', 'unit-split', `单位名称之间缺少分隔,已按单位名录拆分: ${a.unit} → ${ways[0].join('、')}`, mention.span.start, mention.span.end, where, { actual: a.unit, expected: [ways[0].join('、')] });
        let offset = mention.span.start;
        for (const part of ways[0]) {
          if (!next.some((b) => b.unit === part && b.clause === a.clause)) {
            next.push({ ...a, unit: part, ...ctx.unitWritten(offset, offset + part.length) });
          }
          offset += part.length;
        }
        registry.remove(a.unit);
      }
      task.assignments = next;
    }
  }
}
