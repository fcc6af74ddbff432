// The covering notice's header: issuer, title, 文号, date, 主送 recipients, and the plan it issues.
import type { IngestMeta } from '../ingest/types.js';
import { chineseNumber } from '../parse/numbering.js';
import type { ParagraphNode } from '../parse/types.js';

export interface HeaderMatch {
  issuer: string | null;
  title: string | null;
  docNumber: string | null;
  date: string | null;
  recipients: string[];
  planTitle: string | null;
  planName: string | null;
  /** the place the issuer governs (张家界市武陵源区), to strip from titles */
  place: string | null;
}

const TITLE = /(关于[^。]{2,120}?的(?:通知|意见|若干意见|决定|批复|函|实施意见|指导意见))/;
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[(]\d{4}[〕\])]\d{1,4}号/;
const DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const CN_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/;
const ORG = /(?:人民政府办公室|人民政府办公厅|人民政府|办公室|办公厅|委员会|国务院|局|厅|部|委)$/;
const PLAN_KIND = /(?:总体方案|实施方案|工作方案|行动方案|分工方案|方案|若干意见|实施意见|意见|工作要点|要点|行动计划|计划|清单)$/;

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function readDate(text: string): string | null {
  const t = text.replace(/\s+/g, '');
  const m = DATE.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  const c = CN_DATE.exec(t);
  if (c) {
    const year = Number([...c[1]].map((ch) => String(chineseNumber(ch === '〇' ? '零' : ch))).join(''));
    return iso(year, chineseNumber(c[2]), chineseNumber(c[3]));
  }
  return null;
}

/** 张家界市武陵源区人民政府办公室 → 张家界市武陵源区 */
export function placeOf(issuer: string | null): string | null {
  if (!issuer) return null;
  const m = /^(.+?(?:省|自治区|市|州|盟|县|区|旗))(?:人民政府|委员会|党委|人大)/.exec(issuer);
  return m ? m[1] : null;
}

/** 张家界市武陵源区实施“八大行动”总体方案 → 实施“八大行动” */
export function planNameFromTitle(planTitle: string | null, place: string | null): string | null {
  if (!planTitle) return null;
  let name = planTitle;
  if (place && name.startsWith(place)) name = name.slice(place.length);
  name = name.replace(/^.*?关于/, '').replace(PLAN_KIND, '').replace(/的$/, '');
  return name || null;
}

export function readHeader(head: readonly ParagraphNode[], tail: readonly ParagraphNode[], meta: IngestMeta): HeaderMatch {
  let issuer: string | null = null;
  let title: string | null = null;
  let docNumber: string | null = null;
  let date: string | null = null;
  let recipients: string[] = [];
  let planTitle: string | null = null;

  // Titles are often broken over two lines: try each line, then each line joined with the next.
  const values = head.map((p) => p.value.trim());
  const candidates = [...values, ...values.slice(0, -1).map((v, i) => v + values[i + 1])];
  for (const v of candidates) {
    const t = TITLE.exec(v);
    if (!t) continue;
    title = t[1];
    const before = v.slice(0, t.index).trim();
    if (before && ORG.test(before)) issuer = before;
    const inner = /《([^》]+)》/.exec(t[1]);
    if (inner) planTitle = inner[1].replace(/〈/g, '《').replace(/〉/g, '》');
    break;
  }
  const all = [...head, ...tail];
  all.forEach((p, i) => {
    const v = p.value;
    const n = DOC_NUMBER.exec(v);
    if (n && !docNumber) docNumber = n[0];
    const d = readDate(v);
    if (d && !date) {
      date = d;
      const prev = all[i - 1]?.value.trim();
      if (!issuer && prev && ORG.test(prev) && prev.length < 40) issuer = prev;
    }
  });
  for (const p of head) {
    const v = p.value;
    if (/:$/.test(v) && !TITLE.test(v) && v.length < 200) {
      recipients = v.slice(0, -1).split(/[,;]/).map((r) => r.trim()).filter(Boolean);
      break;
    }
  }
  // A plan issued without a covering 印发 title: a standalone line naming a plan after the date.
  if (!planTitle) {
    const standalone = head.find((p) => PLAN_KIND.test(p.value) && !/[。,]/.test(p.value) && !TITLE.test(p.value) && p.value.length < 80);
    planTitle = title && !/印发|转发/.test(title) ? `${issuer ?? ''}${title}` : (standalone?.value ?? null);
  }
  issuer ??= meta.issuer ?? null;
  const place = placeOf(issuer);
  return {
    issuer,
    title: title ?? meta.title ?? null,
    docNumber: docNumber ?? meta.docNumber ?? null,
    date: date ?? meta.date ?? null,
    recipients,
    planTitle,
    planName: planNameFromTitle(planTitle, place),
    place,
  };
}
