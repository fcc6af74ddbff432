// Recognise the numbering marker at the start of a line: 一、 (一) 1. 1、 (1) ①, in any combination.
import type { NumberStyle } from './types.js';

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十二 → 12, 二十一 → 21, 一百零三 → 103. Returns NaN for anything else. */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else return NaN;
  }
  return total + digit;
}

export interface Marker {
  readonly style: NumberStyle;
  readonly number: string;
  readonly ordinal: number;
  /** length of the marker including its separator (、 . ) */
  readonly length: number;
}

const CN = '[一二三四五六七八九十百零〇两]{1,4}';
const PATTERNS: ReadonlyArray<[NumberStyle, RegExp]> = [
  ['cn', new RegExp(`^(${CN})[、.](?=\\S)`)],
  ['paren-cn', new RegExp(`^\\((${CN})\\)[、.]?(?=\\S)`)],
  // 1. / 1、 but not 1.2亿元 or 2024年
  ['arabic', /^(\d{1,3})(?:[、]|\.(?!\d))\s*(?=\S)/],
  ['paren-arabic', /^\((\d{1,3})\)[、.]?(?=\S)/],
  ['circled', /^([\u2460-\u2473])\s*(?=\S)/],
];

/** The marker that opens `line` (already in the parse view and trimmed), or null. */
export function readMarker(line: string): Marker | null {
  for (const [style, re] of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const raw = m[1];
    const ordinal =
      style === 'circled' ? raw.charCodeAt(0) - 0x2460 + 1 : /^\d+$/.test(raw) ? Number(raw) : chineseNumber(raw);
    if (!Number.isFinite(ordinal) || ordinal <= 0) continue;
    const number = style === 'paren-cn' || style === 'paren-arabic' ? `(${raw})` : raw;
    return { style, number, ordinal, length: m[0].length };
  }
  return null;
}
