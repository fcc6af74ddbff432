// Recognise the numbering marker at the start of a line: 一、 (一) 1. 1、 (1) 1) ① 第一项 任务一, in any combination.
import type { NumberStyle } from './types.js';

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 二十一 → 21, 一百零三 → 103, 一千零一 → 1001. Returns NaN for anything else. */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else if (ch in CN_UNITS) {
      total += (digit || 1) * CN_UNITS[ch];
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

// 一百一十一 (111) is five characters, 九千九百九十九 seven.
const CN = '[一二三四五六七八九十百千零〇两]{1,8}';
// How each style writes its number in the tree (ItemNode.number): the digits, (三), 1), or the marker word as written.
type Format = (raw: string, marker: string) => string;
const digits: Format = (raw) => raw;
const paren: Format = (raw) => `(${raw})`;
const closing: Format = (raw) => `${raw})`;
const written: Format = (_, marker) => marker.replace(/[\s、.:]+$/, '');

const PATTERNS: ReadonlyArray<[NumberStyle, RegExp, Format]> = [
  ['cn', new RegExp(`^(${CN})[、.](?=\\S)`), digits],
  ['paren-cn', new RegExp(`^\\((${CN})\\)[、.]?(?=\\S)`), paren],
  // 1. / 1、 but not 1.2亿元 or 2024年
  ['arabic', /^(\d{1,9})(?:[、]|\.(?!\d))\s*(?=\S)/, digits],
  ['paren-arabic', /^\((\d{1,9})\)[、.]?(?=\S)/, paren],
  // 1) 深化…: a closing bracket alone, as some offices number (never a year or a figure: at most three digits)
  ['arabic-paren', /^(\d{1,3})\)\s*(?=[^\s\d.%)])/, closing],
  // 第一项 / 第二条: the ordinal said in words, then a space, a colon or a 、
  ['ordinal-cn', new RegExp(`^第(${CN})(?:项|条)(?:\\s*[、.:]\\s*|\\s+)(?=\\S)`), written],
  // 任务一： / 事项二、: a task named by its number
  ['named-cn', new RegExp(`^(?:任务|事项|举措)(${CN})(?:\\s*[、.:]\\s*|\\s+)(?=\\S)`), written],
  // ①–⑳, ㉑–㉟, ㊱–㊿
  ['circled', /^([\u2460-\u2473\u3251-\u325f\u32b1-\u32bf])\s*(?=\S)/, digits],
];

function circled(code: number): number {
  if (code <= 0x2473) return code - 0x2460 + 1;
  if (code <= 0x325f) return code - 0x3251 + 21;
  return code - 0x32b1 + 36;
}

/**
 * Arabic numbers of four digits or more (1000. or 2024、) open an item only where `accept` says so (the parser:
 * when they continue the numbering open at that style), since a line may also start with a year: "2023、2024年…".
 */
export type AcceptLong = (marker: Marker) => boolean;

/** The marker that opens `line` (already in the parse view and trimmed), or null. */
export function readMarker(line: string, acceptLong: AcceptLong = () => false): Marker | null {
  for (const [style, re, format] of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const raw = m[1];
    const ordinal = style === 'circled' ? circled(raw.charCodeAt(0)) : /^\d+$/.test(raw) ? Number(raw) : chineseNumber(raw);
    if (!Number.isFinite(ordinal) || ordinal <= 0) continue;
    const number = format(raw, m[0]);
    const marker = { style, number, ordinal, length: m[0].length };
    if (raw.length >= 4 && /^\d+$/.test(raw) && !acceptLong(marker)) continue;
    return marker;
  }
  return null;
}
