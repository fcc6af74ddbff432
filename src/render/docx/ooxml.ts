// WordprocessingML for document bodies: paragraphs that refer to the named styles, and tables with a repeated header
// row, merged cells (vMerge / gridSpan) and groups kept on one page. Written as strings: the docx library took ~20 ms
// of fixed work per document, most of the budget for ~80 unit sheets; styles, footer and sections still come from it.
import { xmlText } from '../../text/xml.js';

export interface ParagraphOptions {
  readonly align?: 'left' | 'center' | 'right';
  readonly keepNext?: boolean;
  readonly pageBreakBefore?: boolean;
}

/** A piece of text in a named character style (none: the paragraph's own). */
export interface Run {
  readonly text: string;
  readonly style?: string;
}

function pPr(style: string, opts: ParagraphOptions): string {
  return (
    `<w:pStyle w:val="${style}"/>` +
    (opts.keepNext ? '<w:keepNext/>' : '') +
    (opts.pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    (opts.align && opts.align !== 'left' ? `<w:jc w:val="${opts.align === 'center' ? 'center' : 'right'}"/>` : '')
  );
}

/** One paragraph in a named style made of runs in character styles (a redline: deletions and insertions marked). */
export function paragraphOfRuns(style: string, runs: readonly Run[], opts: ParagraphOptions = {}): string {
  const xml = runs
    .filter((r) => r.text !== '')
    .map((r) => `<w:r>${r.style ? `<w:rPr><w:rStyle w:val="${r.style}"/></w:rPr>` : ''}<w:t xml:space="preserve">${xmlText(r.text)}</w:t></w:r>`)
    .join('');
  return `<w:p><w:pPr>${pPr(style, opts)}</w:pPr>${xml}</w:p>`;
}

/** One paragraph in a named style; `\n` in `text` becomes a line break inside it. */
export function paragraph(style: string, text: string, opts: ParagraphOptions = {}): string {
  const ppr = pPr(style, opts);
  const runs = text === '' ? '' : text.split('\n').map((line, i) => `<w:r>${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${xmlText(line)}</w:t></w:r>`).join('');
  return `<w:p><w:pPr>${ppr}</w:pPr>${runs}</w:p>`;
}

/** Marks where one section ends; the assembler puts the section properties there (see docx-pack). */
export const SECTION_BREAK = '<!--fenjie:section-break-->';

