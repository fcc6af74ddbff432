// normalize: views of the source text with the same length, so every offset is valid in all of them.
//  - `display`: simplified characters, punctuation as written — what text fields in the Plan show;
//  - `parse`: display plus half-width punctuation — what the grammar reads. Invisible characters (zero-width
//    spaces, bidi marks) are HIDDEN in it, a mark that names drop (区财\u200b政局 is 区财政局, and said so) and no
//    pattern reads as a separator; a lone CR (old Mac line ends), U+2028 and U+2029 are line feeds, so the
//    line-based grammar sees the lines the reader sees.
import { INVISIBLE } from '../text/invisible.js';
import { foldPunctuation } from './punctuation.js';
import { detectScript, simplify } from './script.js';

/** A run of invisible characters in the source. */
export interface InvisibleRun {
  readonly start: number;
  readonly end: number;
  /** the characters, for the message */
  readonly chars: string;
}

export interface NormalizedText {
  readonly source: string;
  readonly display: string;
  readonly parse: string;
  readonly script: 'simplified' | 'traditional';
  /** where the source holds invisible characters (HIDDEN in the parse view), in order */
  readonly invisible: readonly InvisibleRun[];
}

const LINE_BREAKS = /\r(?!\n)|[\u2028\u2029]/g;

/** What an invisible character is in the parse view: one private-use mark, dropped from names (`withoutHidden`). */
export const HIDDEN = '\ue000';

/** A name read from the parse view, without the marks of invisible characters. */
export const withoutHidden = (s: string): string => (s.includes(HIDDEN) ? s.split(HIDDEN).join('') : s);

export function normalizeText(source: string): NormalizedText {
  const script = detectScript(source);
  const display = script === 'traditional' ? simplify(source) : source;
  const invisible: InvisibleRun[] = [];
  const folded = foldPunctuation(display).replace(INVISIBLE, (ch: string, at: number) => {
    const last = invisible.at(-1);
    if (last && last.end === at) invisible[invisible.length - 1] = { start: last.start, end: at + 1, chars: last.chars + ch };
    else invisible.push({ start: at, end: at + 1, chars: ch });
    return HIDDEN;
  });
  return { source, display, parse: folded.replace(LINE_BREAKS, '\n'), script, invisible };
}

export { foldPunctuation } from './punctuation.js';
