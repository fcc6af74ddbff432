// Word's automatic numbering, written into the text. A .docx whose items are numbered by Word's lists ("一、", "1.",
// "（一）" made by w:numPr, not typed) carries no numbers in its text; mammoth turns such lists into <ol>, which keeps
// neither the format nor the count, so the notice would read as having no numbered tasks. Each numbered paragraph
// gets its label as a leading run, computed as Word does from numbering.xml (start, format, level text, restarts),
// and its list reference is set to none so that only the written label remains.
// Numbers are bounded (w:start beyond 0–32767, Infinity or 1e300 is read as 1) and so are labels (a level text of
// thousands of placeholders writes none), each with a warning: a few KB of numbering.xml cannot make gigabytes.
import * as cheerio from 'cheerio/slim';
import type { Cheerio, CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { xmlText } from '../text/xml.js';
import { MAX_LEVEL_TEXT, MAX_LIST_START } from './limits.js';

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
  /** Separator Word puts after the label: tab (default), space or nothing. */
  readonly suffix: string;
  /** Restart after this (0-based) level or any above it; -1 = never restart. */
  readonly restartAfter: number;
}

interface List {
  /** the counters this list shares: its abstract definition, unless it restarts numbering itself */
  readonly counterKey: string;
  readonly levels: ReadonlyMap<number, Level>;
}

const val = ($el: Cheerio<Element>, tag: string): string | undefined => $el.children(tag).first().attr('w:val');

/** Told about list definitions read other than as written. */
type Warn = (message: string) => void;

/** A list start as written when it is a whole number Word allows (0–32767), else `fallback`, with a warning. */
function startOf(value: string | undefined, fallback: number, warn: Warn): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (/^\s*\d+\s*$/.test(value) && n <= MAX_LIST_START) return n;
  warn(`list start "${value.slice(0, 20)}" is not a number from 0 to ${MAX_LIST_START} (numbering.xml); counted from 1`);
  return 1;
}

/** A level text as written, or '' (no label) when it is longer than any Word writes, with a warning. */
function levelText(value: string | undefined, fallback: string, warn: Warn): string {
  if (value === undefined) return fallback;
  if (value.length <= MAX_LEVEL_TEXT) return value;
  warn(`list level text of ${value.length.toLocaleString('en-US')} characters (numbering.xml; limit ${MAX_LEVEL_TEXT}); its paragraphs get no number`);
  return '';
}

/** Word's lists have nine levels, 0–8 (and level texts name them %1–%9); other levels are not read. */
const isLevel = (ilvl: number): boolean => Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= 8;

function readLevels($: CheerioAPI, parent: Cheerio<Element>, warn: Warn, base: ReadonlyMap<number, Level> = new Map()): Map<number, Level> {
  const levels = new Map(base);
  parent.children('w\\:lvl').each((_, el) => {
    const lvl = $(el);
    const ilvl = Number(lvl.attr('w:ilvl') ?? 0);
    if (!isLevel(ilvl)) return;
    const restart = val(lvl, 'w\\:lvlRestart');
    levels.set(ilvl, {
      start: startOf(val(lvl, 'w\\:start'), base.get(ilvl)?.start ?? 0, warn),
      format: val(lvl, 'w\\:numFmt') ?? base.get(ilvl)?.format ?? 'decimal',
      text: levelText(val(lvl, 'w\\:lvlText'), base.get(ilvl)?.text ?? '', warn),
      suffix: val(lvl, 'w\\:suff') ?? 'tab',
      // w:lvlRestart names a 1-based level; 0 means never; absent means after any higher level.
      restartAfter: restart === undefined ? ilvl - 1 : Number(restart) === 0 ? -1 : Number(restart) - 1,
    });
  });
  return levels;
}

function readLists(numberingXml: string, stylesXml: string | null, warn: Warn): Map<string, List> {
  const $ = cheerio.load(numberingXml, { xml: true });
  const abstracts = new Map<string, Map<number, Level>>();
  const styleLinks = new Map<string, string>();
  $('w\\:abstractNum').each((_, el) => {
    const id = $(el).attr('w:abstractNumId') ?? '';
    abstracts.set(id, readLevels($, $(el), warn));
    const link = val($(el), 'w\\:numStyleLink');
    if (link !== undefined) styleLinks.set(id, link);
  });
  linkedLevels(numberingXml, stylesXml, abstracts, styleLinks);
  const lists = new Map<string, List>();
  $('w\\:num').each((_, el) => {
    const num = $(el);
    const id = num.attr('w:numId') ?? '';
    const abstractId = val(num, 'w\\:abstractNumId') ?? '';
    let levels: Map<number, Level> = abstracts.get(abstractId) ?? new Map();
    let restarts = false;
    num.children('w\\:lvlOverride').each((_, o) => {
      const override = $(o);
      const ilvl = Number(override.attr('w:ilvl') ?? 0);
      const startOverride = val(override, 'w\\:startOverride');
      levels = readLevels($, override, warn, levels);
      if (startOverride !== undefined) {
        const level = levels.get(ilvl);
        if (level) levels.set(ilvl, { ...level, start: startOf(startOverride, 1, warn) });
        restarts = true;
      }
    });
    lists.set(id, { counterKey: restarts ? `num:${id}` : `abstract:${abstractId}`, levels });
  });
  return lists;
}

/** A style's own numbering and the style it is based on. */
interface StyleEntry {
  readonly numId?: string;
  readonly ilvl?: number;
  readonly basedOn?: string;
}

/** How many styles a w:basedOn chain may climb (Word's own limit is far lower; a cycle must end). */
const MAX_STYLE_CHAIN = 32;

/**
 * numPr given by paragraph styles (headings are often numbered through their style), each style's numbering
 * followed up its w:basedOn chain: a 标题 2 based on a numbered 标题 1 style takes that list unless it sets its own.
 */
function readStyleNumbering(stylesXml: string | null): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (!stylesXml) return out;
  const $ = cheerio.load(stylesXml, { xml: true });
  const own = new Map<string, StyleEntry>();
  $('w\\:style').each((_, el) => {
    const style = $(el);
    const numPr = style.children('w\\:pPr').children('w\\:numPr');
    const ilvl = val(numPr, 'w\\:ilvl');
    own.set(style.attr('w:styleId') ?? '', { numId: val(numPr, 'w\\:numId'), ilvl: ilvl === undefined ? undefined : Number(ilvl), basedOn: val(style, 'w\\:basedOn') });
  });
  for (const id of own.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    let at: string | undefined = id;
    for (let step = 0; at !== undefined && step < MAX_STYLE_CHAIN; step++) {
      const entry = own.get(at);
      if (!entry) break;
      numId ??= entry.numId;
      ilvl ??= entry.ilvl;
      if (numId !== undefined && ilvl !== undefined) break;
      at = entry.basedOn;
    }
    if (numId !== undefined) out.set(id, { numId, ilvl: ilvl ?? 0 });
  }
  return out;
}

/**
 * An abstract list that says only w:numStyleLink="X" takes its levels from the list style X: X's numId names a
 * w:num whose abstract carries w:styleLink="X" and the levels (how Word templates number their headings).
 */
function linkedLevels(numberingXml: string, stylesXml: string | null, abstracts: Map<string, Map<number, Level>>, styleLinks: ReadonlyMap<string, string>): void {
  if (styleLinks.size === 0) return;
  const styles = readStyleNumbering(stylesXml);
  const $ = cheerio.load(numberingXml, { xml: true });
  const abstractOf = new Map<string, string>();
  $('w\\:num').each((_, el) => void abstractOf.set($(el).attr('w:numId') ?? '', val($(el), 'w\\:abstractNumId') ?? ''));
  for (const [abstractId, style] of styleLinks) {
    const numId = styles.get(style)?.numId;
    const target = numId === undefined ? undefined : abstractOf.get(numId);
    const levels = target === undefined || target === abstractId ? undefined : abstracts.get(target);
    if (levels && levels.size > 0) abstracts.set(abstractId, levels);
  }
}

/**
 * document.xml with every automatically numbered paragraph's label written in as text, or null when the document
 * numbers nothing automatically.
 */
export function writeListNumbers(documentXml: string, numberingXml: string | null, stylesXml: string | null, warn: Warn = () => {}): string | null {
  if (!numberingXml) return null;
  // Each distinct warning once: a bad definition is read for every paragraph that uses it.
  const told = new Set<string>();
  const lists = readLists(numberingXml, stylesXml, (message) => {
    if (!told.has(message)) warn(message);
    told.add(message);
  });
  if (lists.size === 0) return null;
  const styles = readStyleNumbering(stylesXml);
  // Most documents with a numbering part number nothing in their body: spare them the parse.
  if (styles.size === 0 && !documentXml.includes('<w:numPr>')) return null;
  // Entities are left as they are (not decoded, not re-encoded): the text stays UTF-8, not &#x…; for every character.
  const $ = cheerio.load(documentXml, { xml: { xmlMode: true, decodeEntities: false } });
  const counters = new Map<string, Map<number, number>>();
  let changed = false;
  $('w\\:p').each((_, el) => {
    const p = $(el);
    let pPr = p.children('w\\:pPr').first();
    const direct = pPr.children('w\\:numPr');
    const styled = styles.get(val(pPr, 'w\\:pStyle') ?? '');
    const numId = val(direct, 'w\\:numId') ?? styled?.numId;
    if (numId === undefined || numId === '0') return;
    const ilvl = Number(val(direct, 'w\\:ilvl') ?? styled?.ilvl ?? 0);
    if (!isLevel(ilvl)) return;
    const list = lists.get(numId);
    const level = list?.levels.get(ilvl);
    if (!list || !level) return;
    const count = counters.get(list.counterKey) ?? new Map<number, number>();
    counters.set(list.counterKey, count);
    count.set(ilvl, (count.get(ilvl) ?? level.start - 1) + 1);
    // Deeper levels start again after this one, unless their definition says otherwise.
    for (const [deeper, def] of list.levels) if (deeper > ilvl && def.restartAfter >= ilvl) count.delete(deeper);
    const label = listLabel(level.text, (n) => formatNumber(count.get(n) ?? list.levels.get(n)?.start ?? 1, list.levels.get(n)?.format ?? 'decimal'));
    // numId 0 takes the paragraph out of the list (also one numbered through its style), so only the text remains.
    direct.remove();
    if (pPr.length === 0) {
      p.prepend('<w:pPr></w:pPr>');
      pPr = p.children('w\\:pPr').first();
    }
    pPr.append('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>');
    if (label !== '') {
      const separator = level.suffix === 'space' || (level.suffix === 'tab' && /[\p{L}\p{N}]$/u.test(label)) ? ' ' : '';
      pPr.after(`<w:r><w:t xml:space="preserve">${xmlText(label + separator)}</w:t></w:r>`);
    }
    changed = true;
  });
  return changed ? $.xml() : null;
}

/** Fill a level text such as "（%1）" or "%1.%2" with the formatted counters of the levels it names. */
function listLabel(text: string, number: (level: number) => string): string {
  return text.replace(/%([1-9])/g, (_, n: string) => number(Number(n) - 1));
}

const COUNTING_DIGITS = '零一二三四五六七八九';
const LEGAL_DIGITS = '零壹贰叁肆伍陆柒捌玖';
const IDEOGRAPH_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (the counting style of 公文 headings). */
function chineseCounting(n: number, digits = COUNTING_DIGITS, units = ['', '十', '百', '千']): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, i) => {
    const unit = units[parts.length - 1 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    // 十二, not 一十二, at the start; the legal (大写) style writes 壹拾贰.
    out += (d === 1 && unit === units[1] && out === '' && digits === COUNTING_DIGITS ? '' : digits[d]) + unit;
  });
  return out;
}

function letters(n: number, base: string): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = base[(k - 1) % 26] + out;
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let k = n;
  for (const [v, s] of table) for (; k >= v; k -= v) out += s;
  return out;
}

const enclosed = (n: number, first: number): string => (n >= 1 && n <= 20 ? String.fromCodePoint(first + n - 1) : String(n));

/** A counter in one of Word's number formats (ST_NumberFormat); formats without a number (bullet, none) give ''. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'bullet':
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, LEGAL_DIGITS, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => IDEOGRAPH_DIGITS[Number(d)]);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : String(n);
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    default:
      return String(n);
  }
}
