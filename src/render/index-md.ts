// index.md: what was produced, whole-plan files first, then each unit's sheets, so an office can find its own.
import type { Plan } from '../model/schema.js';
import { chineseDate, printedPlanName } from './plan-view.js';

export interface IndexEntry {
  readonly path: string;
  readonly kind: string;
  readonly unit?: string;
}

/** Markdown-escape text that comes from the notice (unit names may hold * _ [ ] and the like). */
function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>#|!])/g, '\\$1');
}

/** Link with an angle-bracket target, which allows spaces and CJK; safe file names hold no < or >. */
function link(path: string): string {
  return `[${escapeMd(path)}](<${path}>)`;
}

export function indexMarkdown(plan: Plan, entries: readonly IndexEntry[], date: string, counts: ReadonlyMap<string, { lead: number; join: number }>): string {
  const lines = [`# ${escapeMd(printedPlanName(plan))} 文件清单`, '', `生成日期：${chineseDate(date)}`, ''];
  const whole = entries.filter((e) => e.unit === undefined);
  if (whole.length > 0) {
    lines.push('## 全局文件', '');
    for (const e of whole) lines.push(`- ${link(e.path)}`);
    lines.push('');
  }
  const byUnit = new Map<string, IndexEntry[]>();
  for (const e of entries) if (e.unit !== undefined) byUnit.set(e.unit, [...(byUnit.get(e.unit) ?? []), e]);
  if (byUnit.size > 0) {
    lines.push(`## 单位责任清单（${byUnit.size} 个单位）`, '');
    for (const [unit, files] of byUnit) {
      const c = counts.get(unit);
      lines.push(`### ${escapeMd(unit)}`, '');
      if (c) lines.push(`牵头 ${c.lead} 项，参与 ${c.join} 项。`, '');
      for (const f of files) lines.push(`- ${link(f.path)}`);
      lines.push('');
    }
  }
  return lines.join('\n');
}
