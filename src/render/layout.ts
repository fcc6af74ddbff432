// Helpers that read a loaded template. Kept apart from templates.ts, which holds the zod schemas, so that a render
// worker (handed templates already validated by the main thread) never loads zod.
import type { DocumentTemplate, Orientation } from './templates.js';

/** Fill `{name}` placeholders; unknown placeholders become empty so a template typo never prints braces. */
export function fill(pattern: string, values: Readonly<Record<string, string | number>>): string {
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** A4 in millimetres as the page is laid out: landscape turns it. */
export function pageMm(orientation: Orientation): { width: number; height: number } {
  return orientation === 'landscape' ? { width: 297, height: 210 } : { width: 210, height: 297 };
}

/** The width of the text area in millimetres: the page between its side margins. */
export function textWidthMm(tpl: DocumentTemplate, orientation: Orientation): number {
  const m = marginsFor(tpl, orientation);
  return pageMm(orientation).width - m.left - m.right;
}

/** The page margins (mm) for an orientation: a landscape page turns the portrait ones, its top on the binding edge. */
export function marginsFor(tpl: DocumentTemplate, orientation: Orientation): { top: number; bottom: number; left: number; right: number } {
  const m = tpl.page.margins;
  if (orientation === 'portrait') return m;
  return tpl.page.landscapeMargins ?? { top: m.left, bottom: m.right, left: m.bottom, right: m.top };
}
