// Quantified targets: "旅游总收入增长15%左右", "新增托位100个", "完成1000人…检查". Works on the parse view.

export interface TargetMatch {
  readonly indicator: string;
  readonly verb: string | null;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: string | null;
  readonly start: number;
  readonly end: number;
}

const UNITS = [
  '%', '‰', '个百分点', '亿元', '万元', '元/月/人', '元/年/人', '元/人/月', '元/人/年', '元/月', '元/年', '元', '万人次', '万人', '人次', '人',
  '万户', '户', '件', '家', '个', '项', '场', '次/月', '次/季度', '次/年', '次', '万亩', '亩', '公里', '千米', '平方米', '万平方米', '米', '万吨', '吨',
  '台', '套', '处', '座', '所', '名', '辆', '张', '篇', '部', '条', '批', '天', '倍', '床', '间', '栋', '万千瓦', '千瓦', '兆瓦', '小时',
].sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const QUANTITY = new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)(${UNITS.map(escape).join('|')})`, 'g');

const VERBS = [
  '增长', '增加', '达到', '达', '新增', '提高到', '提高至', '提升到', '提升至', '提高', '提升', '保持在', '保持', '突破', '超过',
  '完成', '控制在', '下降到', '下降', '降低到', '降低至', '降低', '减少', '新建', '建成', '建设', '改造', '培育', '引进', '实施', '举办',
  '开展', '争取', '实现', '稳定在', '降至', '降到', '升至', '增至', '减至', '控制到', '不低于', '不少于', '不超过', '扩大到', '覆盖', '配备', '落实', '争创', '创建',
].sort((a, b) => b.length - a.length);
const VERB_AT_END = new RegExp(`^(.*?)(${VERBS.join('|')})(到|至|为|在)?$`);
const VERB_AT_START = new RegExp(`^(${VERBS.join('|')})(.+)$`);
const QUALIFIER_AFTER = /^(及以上|以上|左右|以下|以内|上下)/;
const FILLER = /^(?:力争|确保|至少|努力|积极|推动|全年|其中|年底|年内|每(?:年|半年|季度|季|月|旬|周)|全区|全市|全县|全省|全镇|全乡|我区|我市|我县|我省|我镇|所有|全部|年内|今年|实现|使|并|且|到\d{4}年底?|\d{4}年|,)+/;
const ASPIRATION = /^(力争|确保|争取|至少)/;
const count = (s: string, ch: string) => s.split(ch).length - 1;
const BOUNDARY = /[,;。:!?\n()]/;

/** Find targets in one stretch of text. `s` is the parse view of the stretch, `offset` where it starts. */
export function findTargets(s: string, offset: number): TargetMatch[] {
  const out: TargetMatch[] = [];
  for (const q of s.matchAll(QUANTITY)) {
    const qStart = q.index!;
    const qEnd = qStart + q[0].length;
    let from = qStart;
    while (from > 0 && !BOUNDARY.test(s[from - 1])) from--;
    let to = qEnd;
    while (to < s.length && !BOUNDARY.test(s[to])) to++;
    const qual = QUALIFIER_AFTER.exec(s.slice(qEnd, to));
    const qualEnd = qEnd + (qual?.[0].length ?? 0);

    const pre = s.slice(from, qStart);
    const filler = FILLER.exec(pre);
    const aspiration = ASPIRATION.exec(pre)?.[1] ?? null;
    const head = from + (filler?.[0].length ?? 0);
    const body = s.slice(head, qStart);
    if (/[\d—\-~～]$/.test(pre) || /第$/.test(pre)) continue;
    // A number inside quotes names a policy ("稳增长20条", "两个70%"), it is not a target.
    if (count(s.slice(0, qStart), '“') > count(s.slice(0, qStart), '”')) continue;

    let indicator: string;
    let verb: string | null = null;
    let start = head;
    let end = qualEnd;
    const atEnd = VERB_AT_END.exec(body);
    const atStart = VERB_AT_START.exec(body);
    if (atEnd && atEnd[1]) {
      indicator = atEnd[1];
      verb = atEnd[2] + (atEnd[3] ?? '');
      // "…降至4%以下、其他银行年利率降至4.5%以下": the second target starts after the first one's list mark.
      const cut = indicator.lastIndexOf('、');
      if (cut >= 0 && /\d/.test(indicator.slice(0, cut))) {
        start += cut + 1;
        indicator = indicator.slice(cut + 1);
      }
      const lead = /^(?:完成|实现)/.exec(indicator);
      if (lead && indicator.length - lead[0].length >= 2) {
        start += lead[0].length;
        indicator = indicator.slice(lead[0].length);
      }
    } else if (atStart) {
      verb = atStart[1];
      indicator = atStart[2];
    } else if (atEnd && !atEnd[1]) {
      // "完成1000人…检查": the indicator follows the quantity.
      verb = atEnd[2] + (atEnd[3] ?? '');
      indicator = s.slice(qualEnd, to).replace(/、.*$/, '').trimEnd();
      end = qualEnd + indicator.length;
    } else {
      // "服务人数3100人": the value follows the indicator directly; only where the quantity closes the phrase.
      indicator = body;
      if (s.slice(qualEnd, to).trim() !== '') continue;
    }
    indicator = indicator.replace(/^[、\s]+|[、\s]+$/g, '');
    // "…均提高到", "…至少开展": adverbs between indicator and verb are not part of the indicator.
    const adverb = /(?:均|都|全|至少|不少于)$/.exec(indicator);
    if (adverb && verb && indicator.length > adverb[0].length) indicator = indicator.slice(0, -adverb[0].length);
    const least = adverb?.[0] === '至少' ? '至少' : null;
    // A quote that opens or closes outside the indicator is not part of it: “个转企”新增20户.
    if (indicator.endsWith('”') && !indicator.includes('“')) indicator = indicator.slice(0, -1);
    if (indicator.startsWith('“') && !indicator.includes('”')) {
      indicator = indicator.slice(1);
      start += 1;
    }
    if (indicator.length < 2 || /^\d/.test(indicator)) continue;
    out.push({
      indicator,
      verb,
      value: Number(q[1]),
      unit: q[2],
      qualifier: qual?.[1] ?? aspiration ?? least,
      start: offset + start,
      end: offset + end,
    });
  }
  return out;
}
