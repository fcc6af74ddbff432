// Deadlines and cadences: 2025年底前, 到2024年底, 2024年6月底前, 年内, 每季度, 长期坚持.

export interface DeadlineMatch {
  readonly kind: 'by-date' | 'recurring' | 'ongoing';
  readonly date: string | null;
  readonly period: string | null;
  readonly start: number;
  readonly end: number;
}

/** The words for a period (年, 季度, 旬 …) → the period names of the Plan. Deadlines and cadences both read these. */
export const PERIODS: Readonly<Record<string, string>> = { 年: 'year', 半年: 'half-year', 季: 'quarter', 季度: 'quarter', 月: 'month', 旬: 'ten-days', 周: 'week', 日: 'day', 天: 'day' };

const DATED = /(?:到|至|于|在)?(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(年底|年末|底|末|上半年|下半年|内)?(前|以前|之前)?/g;
const UNDATED = /(?:年底前|年内|上半年|下半年)/g;
const RECURRING = /每(半年|季度|季|年|月|旬|周)/g;
const ONGOING = /长期坚持|长期推进|常态化推进|长期/g;

function lastDay(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function findDeadlines(s: string, offset: number): DeadlineMatch[] {
  const out: DeadlineMatch[] = [];
  const taken = (a: number, b: number) => out.some((d) => a < d.end - offset && b > d.start - offset);
  for (const m of s.matchAll(DATED)) {
    const [all, y, mo, day, when, before] = m;
    const lead = /^(到|至|于|在)/.test(all);
    // "2024年湖南…博览会" is not a deadline: a year needs an end word or a 到/至 before it.
    if (!when && !before && !lead) continue;
    if (!mo && !when && !before) continue;
    const year = Number(y);
    let date: string;
    if (day) date = `${year}-${mo.padStart(2, '0')}-${day.padStart(2, '0')}`;
    else if (mo) date = lastDay(year, Number(mo));
    else if (when === '上半年') date = `${year}-06-30`;
    else date = `${year}-12-31`;
    out.push({ kind: 'by-date', date, period: null, start: offset + m.index!, end: offset + m.index! + all.length });
  }
  for (const m of s.matchAll(UNDATED)) {
    if (taken(m.index!, m.index! + m[0].length)) continue;
    out.push({ kind: 'by-date', date: null, period: null, start: offset + m.index!, end: offset + m.index! + m[0].length });
  }
  for (const m of s.matchAll(RECURRING)) {
    out.push({ kind: 'recurring', date: null, period: PERIODS[m[1]], start: offset + m.index!, end: offset + m.index! + m[0].length });
  }
  for (const m of s.matchAll(ONGOING)) {
    if (taken(m.index!, m.index! + m[0].length)) continue;
    out.push({ kind: 'ongoing', date: null, period: null, start: offset + m.index!, end: offset + m.index! + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** 季度 → quarter; a word the table lacks stays as written. */
export function periodOf(word: string): string {
  return PERIODS[word] ?? word;
}
