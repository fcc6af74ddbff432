// One-for-one character folds that make clause grammar simple: full-width punctuation and digits to half-width.
// Every fold maps one UTF-16 unit to one, so offsets in the parse view equal offsets in the source.

const FOLDS: Record<string, string> = {
  '（': '(', '）': ')', '，': ',', '：': ':', '；': ';', '【': '[', '】': ']', '［': '[', '］': ']',
  '％': '%', '／': '/', '．': '.', '\u00a0': ' ', '\u3000': ' ', '\u2002': ' ', '\u2003': ' ', '\t': '\t',
  '〔': '〔', '〕': '〕', '﹝': '〔', '﹞': '〕', '＜': '〈', '＞': '〉', '《': '《', '》': '》',
  '、': '、', '｜': '|', '﹐': ',', '﹔': ';', '﹕': ':', '—': '—', '－': '-',
};

const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).filter((k) => FOLDS[k] !== k).join('')}\uff10-\uff19]`, 'g');

export function foldPunctuation(text: string): string {
  return text.replace(FOLDABLE, (ch) => FOLDS[ch] ?? String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 48));
}
