// A terminal table that lines up Chinese text (CJK characters take two columns).
import type { Plan } from '../api/extract.js';
import { escapeControls } from './terminal.js';

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, w: number, right = false) => (right ? ' '.repeat(Math.max(0, w - displayWidth(s))) + s : s + ' '.repeat(Math.max(0, w - displayWidth(s))));

export function table(header: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  // A loop, not Math.max(...rows): a plan may name more units than a call can take arguments.
  const widths = header.map((h) => displayWidth(h));
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  const line = (r: readonly string[]) => r.map((c, i) => pad(c, widths[i], numeric[i])).join('  ').trimEnd();
  return `${[line(header), widths.map((w) => '─'.repeat(w)).join('  ')].concat(rows.map(line)).join('\n')}\n`;
}

export function unitTable(plan: Plan): string {
  // Names are escaped before they are measured, so a control character neither acts nor breaks the columns.
  const rows = plan.units.map((u) => [
    escapeControls(u.name + (u.aliases.length ? `〔${u.aliases.join('、')}〕` : '')),
    u.kind === 'collective' ? '集体' : u.parent ? '科室' : '单位',
    String(u.counts.lead),
    String(u.counts.responsible),
    String(u.counts.cooperate),
  ]);
  const collectives = plan.units.filter((u) => u.kind === 'collective').length;
  return table(['单位 unit', '类型 kind', '牵头 lead', '负责 resp.', '配合 coop.'], rows, [false, false, true, true, true]) + `\n${plan.units.length} units (${collectives} collectives)\n`;
}
