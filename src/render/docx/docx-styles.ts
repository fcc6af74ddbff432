// Named Word styles, page setup and footer from the document template: declared once per Document, referred to by id.
import {
  AlignmentType,
  Footer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  convertMillimetersToTwip,
  type ISectionPropertiesOptions,
  type IStylesOptions,
} from 'docx';
import { marginsFor, textWidthMm } from '../layout.js';
import type { DocumentTemplate, FontRoleName, Orientation } from '../templates.js';

/** Style ids paragraphs refer to; every role in the template has one. */
export const STYLE: Readonly<Record<FontRoleName, string>> = {
  title: 'FjTitle',
  heading1: 'FjHeading1',
  heading2: 'FjHeading2',
  body: 'FjBody',
  table: 'FjTable',
  tableHeader: 'FjTableHeader',
  footer: 'FjFooter',
};

const NAMES: Readonly<Record<FontRoleName, string>> = {
  title: '文件标题',
  heading1: '一级标题',
  heading2: '二级标题',
  body: '正文',
  table: '表格文字',
  tableHeader: '表头',
  footer: '页码',
};

const halfPoints = (pt: number): number => Math.round(pt * 2);
const twips = (pt: number): number => Math.round(pt * 20);

/**
 * The styles for a Document. East Asian text takes the template's Chinese font (eastAsia); Latin letters and digits
 * take the Latin font. `tableSize` overrides the table roles' size for documents whose template asks for it.
 */
export function documentStyles(tpl: DocumentTemplate, tableSize?: number): IStylesOptions {
  const fonts = tpl.fonts;
  const size = (role: FontRoleName): number =>
    (role === 'table' || role === 'tableHeader') && tableSize ? tableSize : fonts[role].size;
  const font = (role: FontRoleName) => ({ ascii: tpl.latinFont, hAnsi: tpl.latinFont, eastAsia: fonts[role].word });
  const line = (role: FontRoleName, factor: number) => ({ line: twips(size(role) * factor), lineRule: 'exact' as const });
  const style = (role: FontRoleName, paragraph: object, basedOn = 'Normal') => ({
    id: STYLE[role],
    name: NAMES[role],
    basedOn,
    quickFormat: true,
    run: { font: font(role), size: halfPoints(size(role)), bold: fonts[role].bold },
    paragraph,
  });
  return {
    default: {
      document: { run: { font: font('body'), size: halfPoints(fonts.body.size) } },
    },
    paragraphStyles: [
      style('title', { alignment: AlignmentType.CENTER, spacing: { ...line('title', 1.5), after: twips(12) } }),
      style('heading1', { spacing: { ...line('heading1', tpl.lineSpacing), before: twips(6) }, keepNext: true, outlineLevel: 0 }),
      style('heading2', { spacing: line('heading2', tpl.lineSpacing), keepNext: true, outlineLevel: 1 }),
      style('body', { spacing: line('body', tpl.lineSpacing), indent: { firstLine: twips(fonts.body.size * 2) } }),
      style('table', { spacing: { line: twips(size('table') * tpl.tableLineSpacing), lineRule: 'atLeast' } }),
      style('tableHeader', { alignment: AlignmentType.CENTER, spacing: { line: twips(size('tableHeader') * tpl.tableLineSpacing), lineRule: 'atLeast' } }),
      style('footer', { alignment: AlignmentType.CENTER }),
    ],
  };
}

/** A4 in the template's margins; docx swaps width and height itself for landscape. */
export function sectionProperties(tpl: DocumentTemplate, orientation: Orientation): ISectionPropertiesOptions {
  const m = marginsFor(tpl, orientation);
  return {
    page: {
      size: {
        width: convertMillimetersToTwip(210),
        height: convertMillimetersToTwip(297),
        orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: {
        top: convertMillimetersToTwip(m.top),
        bottom: convertMillimetersToTwip(m.bottom),
        left: convertMillimetersToTwip(m.left),
        right: convertMillimetersToTwip(m.right),
        footer: convertMillimetersToTwip(tpl.page.footerDistance),
      },
    },
  };
}

/** Footer with the page number in the template's pattern, e.g. "— 1 —" (GB/T 9704: 4号 at the page foot). */
export function pageNumberFooter(tpl: DocumentTemplate): Footer {
  const [before, after] = tpl.pageNumber.split('{n}') as [string, string];
  return new Footer({
    children: [new Paragraph({ style: STYLE.footer, children: [new TextRun({ children: [before, PageNumber.CURRENT, after] })] })],
  });
}

/** Usable text width in twips, for table column widths. */
export function textWidthTwips(tpl: DocumentTemplate, orientation: Orientation): number {
  return convertMillimetersToTwip(textWidthMm(tpl, orientation));
}
