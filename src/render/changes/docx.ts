// ChangeSet → 修订对照表 (.docx): 序号 · 位置 · 原内容 · 修改后 · 变化说明; deletions struck, insertions underlined.
// Written like every other Word file: OOXML body (ooxml, docx-table) on a skeleton whose styles part and page setup
// come from templates/diff.json; only the report's own styles (DiffDeleted, DiffInserted …) are declared here.
import { AlignmentType, PageOrientation, type ISectionPropertiesOptions, type IStylesOptions } from 'docx';
import defaultLayout from '../../../templates/diff.json' with { type: 'json' };
import { packDocxOn } from '../docx/docx-pack.js';
import { columnWidths, docxTable, type DocxCell, type DocxRow } from '../docx/docx-table.js';
import { paragraph, type Run } from '../docx/ooxml.js';
import { DiffTemplate, loadTemplates } from '../templates.js';
import { reportEntries, type ReportEntry } from './entries.js';
import type { DiffReportMeta } from './markdown.js';
import type { ChangeSet } from '../../diff/schema.js';

/** Read the same way in the Word and the PDF report. */
export const LEGEND = '说明：原内容中红色加删除线的为删除的文字，修改后中蓝色加下划线的为新增的文字。';

/** The layout of the change reports: templates/diff.json, registered with the other templates (`--templates`). */
export { DiffTemplate as DiffDocxLayout } from '../templates.js';
type DiffDocxLayout = DiffTemplate;

export interface DiffDocxOptions {
  /** Layout (default: diff.json of `templatesDir`, else the shipped templates/diff.json). */
  readonly layout?: DiffDocxLayout;
  /** A folder whose template files override the shipped ones, as for the other documents (optional). */
  readonly templatesDir?: string;
  /** YYYY-MM-DD stored as the document's dates (default: today). */
  readonly date?: string;
}

const halfPoints = (pt: number): number => Math.round(pt * 2);
/** Rounded, not floored like docx's helper: A4 must come out as Word's own 11906 × 16838 twips. */
const twip = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** Style ids: paragraphs and runs name a style; fonts and sizes live once in the styles part. */
const STYLE = { title: 'DiffTitle', heading: 'DiffHeading', body: 'DiffBody', cell: 'DiffCell', header: 'DiffHeader', del: 'DiffDeleted', ins: 'DiffInserted' } as const;

function reportStyles({ fonts, sizes, colors }: DiffDocxLayout): IStylesOptions {
  return {
    default: { document: { run: { font: fonts.body, size: halfPoints(sizes.bodyPt) } } },
    paragraphStyles: [
      { id: STYLE.title, name: 'Diff Title', run: { font: fonts.heading, size: halfPoints(sizes.titlePt) }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
      { id: STYLE.heading, name: 'Diff Heading', run: { font: fonts.heading, size: halfPoints(sizes.headingPt) }, paragraph: { spacing: { before: 120, after: 120 } } },
      { id: STYLE.body, name: 'Diff Body', run: { font: fonts.body, size: halfPoints(sizes.bodyPt) } },
      { id: STYLE.cell, name: 'Diff Cell', run: { font: fonts.body, size: halfPoints(sizes.tablePt) } },
      { id: STYLE.header, name: 'Diff Header', run: { font: fonts.heading, size: halfPoints(sizes.tablePt) } },
    ],
    characterStyles: [
      { id: STYLE.del, name: 'Diff Deleted', run: { strike: true, color: colors.deleted } },
      { id: STYLE.ins, name: 'Diff Inserted', run: { underline: {}, color: colors.inserted } },
    ],
  };
}

function reportSection({ page }: DiffDocxLayout): ISectionPropertiesOptions {
  const landscape = page.orientation === 'landscape';
  return {
    page: {
      // docx swaps width and height itself for landscape; give the portrait measures.
      size: {
        width: twip(Math.min(page.widthMm, page.heightMm)),
        height: twip(Math.max(page.widthMm, page.heightMm)),
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { top: twip(page.margin.topMm), bottom: twip(page.margin.bottomMm), left: twip(page.margin.leftMm), right: twip(page.margin.rightMm) },
    },
  };
}

/** Each side shows the common text plus its own edits: 原内容 the deletions, 修改后 the insertions. */
function sideRuns(entry: ReportEntry, side: 'old' | 'new', text: string): Run[] {
  if (!entry.redline) return [{ text }];
  const drop = side === 'old' ? 'insert' : 'delete';
  return entry.redline.filter((s) => s.op !== drop).map((s) => (s.op === 'equal' ? { text: s.text } : { text: s.text, style: s.op === 'delete' ? STYLE.del : STYLE.ins }));
}

/** Map, then pack: one pure function from a change to a row. */
function changeRow(entry: ReportEntry, index: number, layout: DiffDocxLayout): DocxRow {
  const { row } = entry;
  const c = entry.changes[0]!;
  const cells: Record<DiffDocxLayout['columns'][number]['key'], DocxCell> = {
    index: { text: String(index), align: 'center' },
    place: { text: '', runs: [{ text: row.place }] },
    old: { text: '', runs: c.old === null && !entry.redline ? [] : sideRuns(entry, 'old', row.old) },
    new: { text: '', runs: c.new === null && !entry.redline ? [] : sideRuns(entry, 'new', row.new) },
    note: { text: '', runs: [{ text: row.match ? `${row.note}（${row.match}）` : row.note }] },
  };
  return { cells: layout.columns.map((col) => cells[col.key]), cantSplit: false };
}

function reportBody(changeSet: ChangeSet, meta: DiffReportMeta, layout: DiffDocxLayout): string {
  const { page } = layout;
  const facts = (label: string, ref: ChangeSet['old'], name?: string): string =>
    paragraph(STYLE.body, `${label}：${name ?? ref.path}${ref.docNumber ? `（${ref.docNumber}${ref.date ? `，${ref.date}` : ''}）` : ''}`);
  const head = [
    paragraph(STYLE.title, meta.title ?? layout.title),
    facts('原版本', changeSet.old, meta.oldLabel),
    facts('新版本', changeSet.new, meta.newLabel),
    paragraph(STYLE.heading, `共 ${changeSet.summary.total} 处变化`),
  ];
  if (!changeSet.changes.length) return [...head, paragraph(STYLE.body, '两个版本之间没有变化。')].join('');
  const textWidth = twip(Math.max(page.widthMm, page.heightMm) - page.margin.leftMm - page.margin.rightMm);
  const portraitWidth = twip(Math.min(page.widthMm, page.heightMm) - page.margin.leftMm - page.margin.rightMm);
  const widths = columnWidths(page.orientation === 'landscape' ? textWidth : portraitWidth, layout.columns.map((c) => c.widthPct));
  const table = docxTable({
    widths,
    header: layout.columns.map((c) => c.label),
    rows: reportEntries(changeSet.changes, meta.plans).map((e, i) => changeRow(e, i + 1, layout)),
    styles: { cell: STYLE.cell, header: STYLE.header },
    headerFill: layout.colors.headerFill,
  });
  return [...head, paragraph(STYLE.body, LEGEND), table].join('');
}

/**
 * The .docx bytes, dated `options.date` inside (default today) so the same inputs give the same file; its author is
 * the document template's creator, as in the PDF report.
 */
export async function renderDiffDocx(changeSet: ChangeSet, meta: DiffReportMeta = {}, options: DiffDocxOptions = {}): Promise<Uint8Array> {
  const templates = await loadTemplates(options.templatesDir);
  const layout = DiffTemplate.parse(options.layout ?? templates.diff ?? defaultLayout);
  return packDocxOn(`diff:${JSON.stringify(layout)}`, () => ({ styles: reportStyles(layout), section: reportSection(layout) }), {
    body: reportBody(changeSet, meta, layout),
    title: meta.title ?? layout.title,
    creator: templates.document.creator,
    date: options.date ?? new Date().toISOString().slice(0, 10),
  });
}
