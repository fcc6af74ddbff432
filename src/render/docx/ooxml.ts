// WordprocessingML for document bodies: paragraphs that refer to the named styles, and tables with a repeated header
// row, merged cells (vMerge / gridSpan) and groups kept on one page. Written as strings: the docx library took ~20 ms
// of fixed work per document, most of the budget for ~80 unit sheets; styles, footer and sections still come from it.
import { xmlText } from '../../text/xml.js';

export interface ParagraphOptions {
  readonly align?: 'left' | 'center' | 'right';
  readonly keepNext?: boolean;
  readonly pageBreakBefore?: boolean;
}

/** One paragraph in a named style; `\n` in `text` becomes a line break inside it. */
export function paragraph(style: string, text: string, opts: ParagraphOptions = {}): string {
  const ppr =
    `<w:pStyle w:val="${style}"/>` +
    (opts.keepNext ? '<w:keepNext/>' : '') +
    (opts.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (opts.align && opts.align !== 'left' ? `<w:jc w:val="${opts.align === 'center' ? 'center' : 'right'}"/>` : '');
  const runs = text === '' ? '' : text.split('\n').map((line, i) => `<w:r>${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`).join('');
  return `<w:p><w:pPr>${ppr}</w:pPr>${runs}</w:p>`;
}

/** Marks where one section ends; the assembler puts the section properties there (see docx-pack). */
export const SECTION_BREAK = '<!--fenjie:section-break-->';

