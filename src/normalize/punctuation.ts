// One-for-one character folds that make clause grammar simple: full-width punctuation and digits to half-width.
// Every fold maps one UTF-16 unit to one, so offsets in the parse view equal offsets in the source.

const FOLDS: Record<string, string> = {
  '（': '(', '）': ')', '，': ',', '：': ':', '；': ';', '【': '[', '】': ']', '［': '[', '］': ']',
  '％': '%', '／': '/', '．': '.', '\u00a0': ' ', '\u3000': ' ', '\u2002': ' ', '\u2003': ' ', '\t': '\t',
  '〔': '〔', '〕': '〕', '﹝': '〔', '﹞': '〕', '＜': '〈', '＞': '〉', '《': '《', '》': '》',
  '、': '、', '﹐': ',', '﹔': ';', '﹕': ':', '—': '—', '－': '-',
};

export function foldPunctuation(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code >= 0xff10 && code <= 0xff19) out += String.fromCharCode(code - 0xff10 + 48);
    else out += FOLDS[ch] ?? ch;
  }
  return out;
}
