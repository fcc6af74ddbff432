// Line breaking for Chinese text in table cells: our own, so a row can be measured, split across pages and drawn
// line by line (pdfkit's wrapper can neither report where it stopped nor split a cell).
import { charWidth, type SharedFont } from './pdf-fonts.js';

/**
 * Marks around a run drawn struck through or underlined (a redline's deleted and inserted text): private-use
 * characters, which no notice contains. They measure nothing, are never drawn, and a run broken across lines is
 * closed at the end of one line and opened again at the start of the next.
 */
export const MARK = { strikeOpen: '\uE000', strikeClose: '\uE001', underlineOpen: '\uE002', underlineClose: '\uE003' } as const;
/** Whether `text` holds any mark, and one mark at a time when splitting a line into runs. */
export const MARKS = /[\uE000-\uE003]/;
export const MARK_SPLIT = new RegExp(`(${MARKS.source})`);
const isMark = (ch: string): boolean => ch >= MARK.strikeOpen && ch <= MARK.underlineClose;

/** May not start a line (closing punctuation), per the usual 避头 rules. */
const NO_START = new Set('，。、；：？！）》」』】〉〕〗］｝”’％%…—·．,.;:?!)]}');
/** May not end a line (opening brackets). */
const NO_END = new Set('（《「『【〈〔〖［｛“‘([{');

/**
 * Runs of Latin letters, digits and their punctuation stay together, and so does a short bracketed desk such as
 * 〈工信〉; every other character is its own token.
 */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.%\-/_]*|〈[^〈〉\n]{1,6}〉|[\s\S]/gu) ?? [];
}

function width(face: SharedFont, text: string, size: number): number {
  let w = 0;
  for (const ch of text) if (!isMark(ch)) w += charWidth(face, ch);
  return w * size;
}

/** Close the runs a line leaves open and open them again on the next line, so each line can be drawn alone. */
function closeMarksPerLine(lines: string[]): string[] {
  let open = '';
  return lines.map((line) => {
    let out = open + line;
    for (const ch of line) {
      if (ch === MARK.strikeOpen || ch === MARK.underlineOpen) open += ch;
      else if (ch === MARK.strikeClose) open = open.replace(MARK.strikeOpen, '');
      else if (ch === MARK.underlineClose) open = open.replace(MARK.underlineOpen, '');
    }
    for (const ch of [...open].reverse()) out += ch === MARK.strikeOpen ? MARK.strikeClose : MARK.underlineClose;
    return out;
  });
}

/**
 * Wrapped lines by face, size, width and text. A task is drawn in the sheet of every unit it names (~4 on the
 * sample) and in the task table, with the same column widths, so most wraps have been worked out before.
 */
const wrapped = new WeakMap<SharedFont, Map<string, readonly string[]>>();

/** Break `text` into lines no wider than `maxWidth` points (a `\n` always breaks). Never drops a character. */
export function wrapText(text: string, face: SharedFont, size: number, maxWidth: number): readonly string[] {
  let byFace = wrapped.get(face);
  if (!byFace) wrapped.set(face, (byFace = new Map()));
  const key = `${size}\u0000${maxWidth}\u0000${text}`;
  let lines = byFace.get(key);
  if (!lines) {
    const broken = breakLines(text, face, size, maxWidth);
    byFace.set(key, (lines = MARKS.test(text) ? closeMarksPerLine(broken) : broken));
  }
  return lines;
}

function breakLines(text: string, face: SharedFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line: string[] = [];
    let lineWidth = 0;
    const push = (token: string, w: number) => {
      line.push(token);
      lineWidth += w;
    };
    for (const token of tokens(paragraph)) {
      const w = width(face, token, size);
      if (lineWidth + w <= maxWidth || line.length === 0) {
        if (w > maxWidth && line.length === 0 && token.length > 1) {
          // A Latin run wider than the column: break it by characters.
          for (const ch of token) {
            const cw = width(face, ch, size);
            if (lineWidth + cw > maxWidth && line.length > 0) {
              lines.push(line.join(''));
              line = [];
              lineWidth = 0;
            }
            push(ch, cw);
          }
          continue;
        }
        push(token, w);
        continue;
      }
      // Break before `token`; carry characters over so no line starts with closing or ends with opening punctuation.
      const carry: string[] = [];
      // A closing mark takes the character before it along, and so does a run of them: ），never starts a line.
      if (NO_START.has(token)) {
        while (line.length > 1 && NO_START.has(line[line.length - 1]!)) carry.unshift(line.pop()!);
        if (line.length > 1) carry.unshift(line.pop()!);
      }
      while (line.length > 1 && NO_END.has(line[line.length - 1]!)) carry.unshift(line.pop()!);
      lines.push(line.join(''));
      line = [];
      lineWidth = 0;
      for (const c of carry) push(c, width(face, c, size));
      push(token, w);
    }
    lines.push(line.join(''));
  }
  return lines;
}

export function textWidth(text: string, face: SharedFont, size: number): number {
  return width(face, text, size);
}

/**
 * Wrap into as few lines as greedy wrapping needs, but of even length, so a title never ends on one lonely character.
 */
export function wrapBalanced(text: string, face: SharedFont, size: number, maxWidth: number): readonly string[] {
  const greedy = wrapText(text, face, size, maxWidth);
  if (greedy.length < 2 || text.includes('\n')) return greedy;
  const total = width(face, text, size);
  for (let target = total / greedy.length; target <= maxWidth; target += size / 2) {
    const lines = wrapText(text, face, size, target + size);
    if (lines.length <= greedy.length) return lines;
  }
  return greedy;
}
