// The information-disclosure table that government portals put above a document:
// 索引号 · 发布机构 · 文号 · 发文日期 · 成文日期 · 标题 (label cell, value cell; or 「标签：值」 in one cell).
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode } from 'domhandler';
import type { IngestMeta } from './types.js';

type Field = 'indexNumber' | 'issuer' | 'docNumber' | 'title' | 'written' | 'issued' | 'published';

const LABELS: ReadonlyArray<readonly [RegExp, Field]> = [
  [/^索\s*引\s*号$/, 'indexNumber'],
  [/^(?:发布机构|发文机关|发文单位|发布单位|制发机关|来源机关)$/, 'issuer'],
  [/^(?:文\s*号|发文字号|发文文号|文件编号)$/, 'docNumber'],
  [/^(?:标\s*题|名\s*称|文件名称|信息名称)$/, 'title'],
  [/^成文日期$/, 'written'],
  [/^(?:发文日期|印发日期)$/, 'issued'],
  [/^(?:发布日期|公开日期|发布时间)$/, 'published'],
];

const clean = (text: string): string => text.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
/** `索 引 号：` → `索 引 号` */
const labelOf = (text: string): string => clean(text).replace(/[:：]$/, '').trim();

function fieldOf(label: string): Field | null {
  for (const [pattern, field] of LABELS) if (pattern.test(label)) return field;
  return null;
}

/** 2018年11月16日 / 2018-11-16 / 2018/1/6 / 2018.11.16 → 2018-11-16; null when it is not a real date. */
export function isoDate(text: string): string | null {
  const m = /(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

/**
 * Read the metadata table(s) anywhere in the page. The first value found for a field wins. `textOf` gives a node's
 * text when the caller has it at hand (default: cheerio's .text(), which reads the whole subtree each time).
 */
export function readPortalMeta($: CheerioAPI, textOf: (node: AnyNode) => string = (node) => $(node).text()): IngestMeta {
  const found = new Map<Field, string>();
  const put = (field: Field | null, value: string): void => {
    const v = clean(value);
    if (field && v !== '' && !found.has(field)) found.set(field, v);
  };

  // 1. label cell followed by value cell; 2. 「标签：值」 inside one cell or list item.
  $('td, th, li, dt, span, label, p, div').each((_, el) => {
    const node = $(el);
    if (node.children('td, th, li, div, p, table').length > 0) return;
    const raw = textOf(el);
    // A label or a 「标签：值」 cell is short; nothing longer is cleaned (and nested inline runs are not re-read).
    if (raw.length > 4096) return;
    const text = clean(raw);
    if (text.length === 0 || text.length > 200) return;
    const inline = /^([^:：]{1,8})[:：]\s*(.+)$/.exec(text);
    if (inline) {
      put(fieldOf(labelOf(inline[1])), inline[2]);
      return;
    }
    const field = fieldOf(labelOf(text));
    if (!field || found.has(field)) return;
    const next = el.tagName === 'dt' ? node.nextAll('dd').first() : node.next();
    if (next.length > 0) put(field, textOf(next[0]));
  });

  // Portals built on TRS/UCAP also state these in <meta name=…>.
  const metaContent = (name: string): string => clean($(`meta[name="${name}"]`).attr('content') ?? '');
  put('title', metaContent('ArticleTitle'));
  put('published', metaContent('PubDate'));
  put('issuer', metaContent('ContentSource'));

  const date = [found.get('written'), found.get('issued'), found.get('published')].map((d) => (d ? isoDate(d) : null)).find((d) => d);
  const meta: { -readonly [K in keyof IngestMeta]: IngestMeta[K] } = {};
  if (found.has('issuer')) meta.issuer = found.get('issuer');
  if (found.has('title')) meta.title = found.get('title');
  if (found.has('docNumber')) meta.docNumber = found.get('docNumber');
  if (found.has('indexNumber')) meta.indexNumber = found.get('indexNumber');
  if (date) meta.date = date;
  return meta;
}
