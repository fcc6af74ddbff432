// Traditional → simplified through opencc-js, keeping the text's length so that offsets stay valid.
import * as OpenCC from 'opencc-js';

type Convert = (s: string) => string;
let converter: Convert | undefined;

function toSimplified(): Convert {
  // Character-level table ('t'), not phrase-level ('tw'): phrase rewrites can change lengths.
  converter ??= OpenCC.Converter({ from: 't', to: 'cn' }) as Convert;
  return converter;
}


/** Decide whether a text is written in traditional characters: enough of its CJK characters change under t→cn. */
export function detectScript(text: string): 'simplified' | 'traditional' {
  // A few thousand CJK characters decide it; collecting them all from a large notice would cost more than the parse.
  let sample = '';
  for (let i = 0; i < text.length && sample.length < 4000; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) sample += text[i];
  }
  if (sample.length === 0) return 'simplified';
  const converted = toSimplified()(sample);
  let changed = 0;
  for (let i = 0; i < sample.length && i < converted.length; i++) if (sample[i] !== converted[i]) changed++;
  return changed / sample.length > 0.02 ? 'traditional' : 'simplified';
}

/** Convert to simplified with exactly the same length: line by line, falling back to one character at a time. */
export function simplify(text: string): string {
  const convert = toSimplified();
  return text
    .split('\n')
    .map((line) => {
      const out = convert(line);
      if (out.length === line.length) return out;
      return Array.from(line, (ch) => {
        const c = convert(ch);
        return c.length === ch.length ? c : ch;
      }).join('');
    })
    .join('\n');
}
