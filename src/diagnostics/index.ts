// Diagnostics: vfile messages → Plan diagnostics, and a linter-style report for the terminal.
import type { VFile } from 'vfile';
import type {} from '../extract/plugin.js'; // the annex and task fields of a message
import type { Diagnostic } from '../model/schema.js';
import type { LineIndex } from '../text/position.js';

export function diagnosticsOf(file: VFile, index: LineIndex): Diagnostic[] {
  const out = file.messages.map((m): Diagnostic => {
    const place = m.place && 'start' in m.place ? m.place : null;
    const start = place?.start.offset;
    const end = place?.end.offset;
    return {
      severity: m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info',
      ruleId: m.ruleId ?? 'unknown',
      source: m.source ?? 'fenjie',
      message: m.reason,
      annex: m.annex ?? null,
      task: m.task ?? null,
      span: start === undefined || end === undefined ? null : index.span(start, end),
      ...(m.actual !== undefined ? { actual: m.actual } : {}),
      ...(m.expected !== undefined ? { expected: m.expected } : {}),
    };
  });
  return out.sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1) || a.ruleId.localeCompare(b.ruleId));
}

export interface ReportOptions {
  /** lowest severity to print (default: warning) */
  readonly minSeverity?: Diagnostic['severity'];
}

const RANK = { info: 0, warning: 1, error: 2 } as const;

/** Format like a linter: `path:line:column  severity  message  rule-id (annex task)`. */
export function formatDiagnostics(path: string, diagnostics: readonly Diagnostic[], options: ReportOptions = {}): string {
  const min = RANK[options.minSeverity ?? 'warning'];
  const shown = diagnostics.filter((d) => RANK[d.severity] >= min);
  if (shown.length === 0) return '';
  const rows = shown.map((d) => {
    const place = d.span ? `${d.span.line}:${d.span.column}` : '1:1';
    const where = [d.annex, d.task].filter(Boolean).join(' ');
    return `  ${place.padEnd(9)} ${d.severity.padEnd(7)} ${d.message}  ${d.ruleId}${where ? ` (${where})` : ''}`;
  });
  const counts = (['error', 'warning', 'info'] as const).map((s) => [s, diagnostics.filter((d) => d.severity === s).length] as const).filter(([, n]) => n > 0);
  return `${path}\n${rows.join('\n')}\n\n${counts.map(([s, n]) => `${n} ${s}${n === 1 ? '' : 's'}`).join(', ')}\n`;
}
