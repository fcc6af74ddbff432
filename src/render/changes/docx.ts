// ChangeSet → 修订对照表 (.docx): 序号 · 位置 · 原内容 · 修改后 · 变化说明; deletions struck, insertions underlined.
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import defaultLayout from '../../../templates/diff.json' with { type: 'json' };
import { pinDocxDates } from '../docx/docx-pack.js';
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

function cellRuns(entry: ReportEntry, side: 'old' | 'new', text: string): TextRun[] {
  if (!entry.redline) return [new TextRun({ text })];
  // Each side shows the common text plus its own edits: 原内容 the deletions, 修改后 the insertions.
  const drop = side === 'old' ? 'insert' : 'delete';
  return entry.redline
    .filter((s) => s.op !== drop)
    .map((s) => new TextRun({ text: s.text, style: s.op === 'equal' ? undefined : s.op === 'delete' ? STYLE.del : STYLE.ins }));
}

function cell(children: Paragraph[], widthPct: number, fill?: string): TableCell {
  return new TableCell({
    children,
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
  });
}

/** Map, then pack: one pure function from a change to a row. */
export function changeRow(entry: ReportEntry, index: number, layout: DiffDocxLayout): TableRow {
  const { row } = entry;
  const c = entry.changes[0]!;
  const texts: Record<DiffDocxLayout['columns'][number]['key'], Paragraph> = {
    index: new Paragraph({ style: STYLE.cell, alignment: AlignmentType.CENTER, children: [new TextRun(String(index))] }),
    place: new Paragraph({ style: STYLE.cell, children: [new TextRun(row.place)] }),
    old: new Paragraph({ style: STYLE.cell, children: c.old === null && !entry.redline ? [] : cellRuns(entry, 'old', row.old) }),
    new: new Paragraph({ style: STYLE.cell, children: c.new === null && !entry.redline ? [] : cellRuns(entry, 'new', row.new) }),
    note: new Paragraph({ style: STYLE.cell, children: [new TextRun(row.match ? `${row.note}（${row.match}）` : row.note)] }),
  };
  return new TableRow({ cantSplit: false, children: layout.columns.map((col) => cell([texts[col.key]], col.widthPct)) });
}

export function diffDocument(changeSet: ChangeSet, meta: DiffReportMeta = {}, options: DiffDocxOptions = {}): Document {
  const layout = DiffTemplate.parse(options.layout ?? defaultLayout);
  const { fonts, sizes, colors, page } = layout;
  const header = new TableRow({
    tableHeader: true, // repeated at the top of every page
    cantSplit: true,
    children: layout.columns.map((col) =>
      cell([new Paragraph({ style: STYLE.header, alignment: AlignmentType.CENTER, children: [new TextRun(col.label)] })], col.widthPct, colors.headerFill),
    ),
  });
  const rows = reportEntries(changeSet.changes, meta.plans).map((e, i) => changeRow(e, i + 1, layout));
  const facts = (label: string, ref: ChangeSet['old'], name?: string): Paragraph =>
    new Paragraph({ style: STYLE.body, text: `${label}：${name ?? ref.path}${ref.docNumber ? `（${ref.docNumber}${ref.date ? `，${ref.date}` : ''}）` : ''}` });
  const body = changeSet.changes.length
    ? [new Paragraph({ style: STYLE.body, text: LEGEND }), new Table({ rows: [header, ...rows], width: { size: 100, type: WidthType.PERCENTAGE } })]
    : [new Paragraph({ style: STYLE.body, text: '两个版本之间没有变化。' })];

  const landscape = page.orientation === 'landscape';
  return new Document({
    styles: {
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
    },
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height itself for landscape; give the portrait measures.
            size: {
              width: twip(Math.min(page.widthMm, page.heightMm)),
              height: twip(Math.max(page.widthMm, page.heightMm)),
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: {
              top: twip(page.margin.topMm),
              bottom: twip(page.margin.bottomMm),
              left: twip(page.margin.leftMm),
              right: twip(page.margin.rightMm),
            },
          },
        },
        children: [
          new Paragraph({ style: STYLE.title, text: meta.title ?? layout.title }),
          facts('原版本', changeSet.old, meta.oldLabel),
          facts('新版本', changeSet.new, meta.newLabel),
          new Paragraph({ style: STYLE.heading, text: `共 ${changeSet.summary.total} 处变化` }),
          ...body,
        ],
      },
    ],
  });
}

/**
 * The .docx bytes, dated `options.date` inside (default today) so the same inputs give the same file; its author is
 * the document template's creator, as in the PDF report.
 */
export async function renderDiffDocx(changeSet: ChangeSet, meta: DiffReportMeta = {}, options: DiffDocxOptions = {}): Promise<Uint8Array> {
  const templates = await loadTemplates(options.templatesDir);
  const layout = DiffTemplate.parse(options.layout ?? templates.diff);
  const bytes = new Uint8Array(await Packer.toBuffer(diffDocument(changeSet, meta, { ...options, layout })));
  const { creator } = templates.document;
  return pinDocxDates(bytes, meta.title ?? layout.title, creator, options.date ?? new Date().toISOString().slice(0, 10));
}
