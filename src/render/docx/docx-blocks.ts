// The text blocks every document's neutral view shares (title, subtitle, note, headings, body paragraphs, a
// signature line), as OOXML paragraphs in the document template's named styles: one mapping, so a unit sheet and the
// 督办通报 look alike where they say the same kind of thing.
import { STYLE } from './docx-styles.js';
import { paragraph } from './ooxml.js';

export type TextBlockKind = 'title' | 'subtitle' | 'note' | 'heading1' | 'heading2' | 'paragraph' | 'signature';

export function textBlockXml(kind: TextBlockKind, text: string): string {
  switch (kind) {
    case 'title':
      return paragraph(STYLE.title, text);
    case 'subtitle':
      return paragraph(STYLE.heading2, text, { align: 'center' });
    case 'note':
      return paragraph(STYLE.table, text, { align: 'center' });
    case 'heading1':
      return paragraph(STYLE.heading1, text, { keepNext: true });
    case 'heading2':
      return paragraph(STYLE.heading2, text, { keepNext: true });
    case 'paragraph':
      return paragraph(STYLE.body, text);
    case 'signature':
      return paragraph(STYLE.body, text, { align: 'right' });
  }
}
