// normalize: views of the source text with the same length, so every offset is valid in all of them.
//  - `display`: simplified characters, punctuation as written — what text fields in the Plan show;
//  - `parse`: display plus half-width punctuation — what the grammar reads.
import { foldPunctuation } from './punctuation.js';
import { detectScript, simplify } from './script.js';

export interface NormalizedText {
  readonly source: string;
  readonly display: string;
  readonly parse: string;
  readonly script: 'simplified' | 'traditional';
}

export function normalizeText(source: string): NormalizedText {
  const script = detectScript(source);
  const display = script === 'traditional' ? simplify(source) : source;
  return { source, display, parse: foldPunctuation(display), script };
}

export { foldPunctuation } from './punctuation.js';
