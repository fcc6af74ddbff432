// ChangeSet → 修订对照表 (.pdf), with the render toolkit's tables (header on every page, Noto Serif SC subset).
// As in the Word report, deleted text is struck through in 原内容 and inserted text underlined in 修改后.
import { PdfWriter } from '../pdf/pdf-doc.js';
import { drawTable } from '../pdf/pdf-table.js';
import { MARK } from '../pdf/pdf-wrap.js';
import { DiffTemplate, loadTemplates } from '../templates.js';
import { LEGEND } from './docx.js';

type DiffDocxLayout = DiffTemplate;
import { reportEntries } from './entries.js';
import type { DiffReportMeta } from './markdown.js';
import type { ChangeSet, RedlineSegment } from '../../diff/schema.js';

/** The legend both reports carry. */
export const PDF_LEGEND = LEGEND;

/** One side of a change as text, with that side's own edits marked: struck on the old side, underlined on the new. */
export function marked(redline: readonly RedlineSegment[] | null | undefined, side: 'old' | 'new', plain: string): string {
  if (!redline) return plain;
  const drop = side === 'old' ? 'insert' : 'delete';
  const [open, close] = side === 'old' ? [MARK.strikeOpen, MARK.strikeClose] : [MARK.underlineOpen, MARK.underlineClose];
  return redline
    .filter((s) => s.op !== drop)
    .map((s) => (s.op === 'equal' ? s.text : `${open}${s.text}${close}`))
    .join('');
}

export interface DiffPdfOptions {
  /** Layout of the table (default: diff.json of `templatesDir`, else the shipped templates/diff.json). */
  readonly layout?: DiffDocxLayout;
  /** A folder whose template files override the shipped ones (optional). */
  readonly templatesDir?: string;
  /** YYYY-MM-DD stored as the PDF's dates (default: today). */
  readonly date?: string;
}

export async function renderDiffPdf(changeSet: ChangeSet, meta: DiffReportMeta = {}, options: DiffPdfOptions = {}): Promise<Uint8Array> {
  const templates = await loadTemplates(options.templatesDir);
  const layout = DiffTemplate.parse(options.layout ?? templates.diff);
  const title = meta.title ?? layout.title;
  const w = new PdfWriter(templates.document, layout.page.orientation, { title, date: options.date ?? new Date().toISOString().slice(0, 10) });
  // The Word report's colours: deletions red, insertions blue.
  w.markColors = { strike: `#${layout.colors.deleted}`, underline: `#${layout.colors.inserted}` };
  const facts = (label: string, ref: ChangeSet['old'], name?: string) =>
    `${label}：${name ?? ref.path}${ref.docNumber ? `（${ref.docNumber}${ref.date ? `，${ref.date}` : ''}）` : ''}`;
  w.block(title, 'title', { align: 'center', spaceAfter: 6, lineSpacing: 1.5 });
  w.block(facts('原版本', changeSet.old, meta.oldLabel), 'table');
  w.block(facts('新版本', changeSet.new, meta.newLabel), 'table', { spaceAfter: 4 });
  w.block(`共 ${changeSet.summary.total} 处变化`, 'heading1', { spaceAfter: 2 });
  if (changeSet.changes.length === 0) {
    w.block('两个版本之间没有变化。', 'body');
    return w.finish();
  }
  w.block(PDF_LEGEND, 'table', { spaceAfter: 4 });
  const total = layout.columns.reduce((n, c) => n + c.widthPct, 0);
  drawTable(w, {
    widths: layout.columns.map((c) => (w.width * c.widthPct) / total),
    header: layout.columns.map((c) => c.label),
    groups: reportEntries(changeSet.changes, meta.plans).map((entry, i) => {
      const { row } = entry;
      const c = entry.changes[0]!;
      const text: Record<DiffDocxLayout['columns'][number]['key'], string> = {
        index: String(i + 1),
        place: row.place,
        old: c.old === null && !entry.redline ? '' : marked(entry.redline, 'old', row.old),
        new: c.new === null && !entry.redline ? '' : marked(entry.redline, 'new', row.new),
        note: row.match ? `${row.note}（${row.match}）` : row.note,
      };
      return { rows: [{ cells: layout.columns.map((col) => ({ text: text[col.key], align: col.key === 'index' ? ('center' as const) : ('left' as const) })) }] };
    }),
    fontSize: layout.sizes.tablePt,
    lineSpacing: templates.document.tableLineSpacing,
    continued: '',
  });
  return w.finish();
}
