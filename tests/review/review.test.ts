// The review page over the whole sample: every highlight shows exactly its item's text, both sides link up, no network.
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice, type Plan, type Span } from '../../src/index.js';
import { renderReview } from '../../src/review/index.js';

const SAMPLE = 'input/wulingyuan-2024-ba-da-xing-dong.txt';

let plan: Plan;
let source: string;
let html: string;
let $: CheerioAPI;

beforeAll(async () => {
  ({ plan, source } = await extractNotice(SAMPLE));
  html = renderReview(plan, source);
  $ = load(html);
});

/** Every item the page must highlight, worked out from the Plan alone: key → the text it must show. */
function expectedItems(): Map<string, string> {
  const out = new Map<string, string>();
  const slice = (s: Span): string => source.slice(s.start, s.end);
  const put = (key: string, span: Span, raw?: string): void => {
    if (raw !== undefined) expect(slice(span), key).toBe(raw);
    out.set(key, slice(span));
  };
  plan.diagnostics.forEach((d, i) => d.span && put(`d:${i}`, d.span));
  plan.goals.forEach((g, i) => put(`g:P.${i}`, g.span, g.raw));
  if (plan.notice.command) put('n:cmd', plan.notice.command.span, plan.notice.command.raw);
  plan.notice.cadences.forEach((c, i) => put(`n:cad.${i}`, c.span, c.raw));
  for (const a of plan.annexes) {
    a.goals.forEach((g, i) => put(`g:${a.id}.${i}`, g.span, g.raw));
    a.sections.forEach((s, i) => put(`s:${a.id}.${i}`, s.span));
    if (a.workGroup) put(`w:${a.id}`, a.workGroup.span, a.workGroup.raw);
    for (const t of a.tasks) {
      put(`t:${t.id}`, t.span);
      expect(slice(t.span).endsWith(t.text), t.id).toBe(true);
      t.clauses.forEach((c) => {
        put(`c:${t.id}.${c.index}`, c.span, c.raw);
        if (c.scope.kind !== 'task') put(`sc:${t.id}.${c.index}`, c.scope.span);
      });
      t.leaders.forEach((l, i) => put(`p:${t.id}.${i}`, l.span, l.raw));
      t.assignments.forEach((x, j) => put(`m:${t.id}.${j}`, x.span, x.raw));
      t.targets.forEach((x, i) => put(`x:${t.id}.${i}`, x.span, x.raw));
      t.deadlines.forEach((x, i) => put(`y:${t.id}.${i}`, x.span, x.raw));
    }
  }
  return out;
}

describe('renderReview on the sample', () => {
  it('shows the whole source text, line by line, in the left pane', () => {
    const lines = $('#src .ln');
    expect(lines.length).toBe(plan.source.lines);
    expect(lines.map((_, el) => $(el).text()).get().join('')).toBe(source);
    expect($('#src .ln').first().attr('data-n')).toBe('1');
  });

  it('highlights every item with exactly its raw text (fragments joined)', () => {
    const expected = expectedItems();
    expect(expected.size).toBeGreaterThan(1000);
    // one pass in document order: the text of each key's fragments, joined
    const shown = new Map<string, string>();
    $('#src [data-k]').each((_, el) => {
      const text = $(el).text();
      for (const key of ($(el).attr('data-k') ?? '').split(' ')) shown.set(key, (shown.get(key) ?? '') + text);
    });
    for (const [key, raw] of expected) expect(shown.get(key), key).toBe(raw);
    // and nothing highlighted that the plan does not hold
    expect([...shown.keys()].filter((k) => !expected.has(k))).toEqual([]);
    // spot-check the selector the page script uses
    const key = `m:${plan.annexes[1].tasks[0].id}.0`;
    expect($(`#src [data-k~="${key}"]`).text()).toBe(expected.get(key));
  });

  it('gives every task an element on both sides, linked to each other', () => {
    for (const t of plan.annexes.flatMap((a) => a.tasks)) {
      const src = $(`[id="s-t-${t.id}"]`);
      const out = $(`[id="o-t-${t.id}"]`);
      expect(src.length, t.id).toBe(1);
      expect(out.length, t.id).toBe(1);
      expect(src.attr('data-out')).toBe(`o-t-${t.id}`);
      expect(out.children('a.jump').attr('href')).toBe(`#s-t-${t.id}`);
      expect(out.find('li.as').length).toBe(t.assignments.length);
      expect(out.attr('data-units')?.split('|').sort()).toEqual([...new Set(t.assignments.map((a) => a.unit))].sort());
    }
  });

  it('marks roles with ● ○ △ and lists targets and deadlines in the outline', () => {
    const t = plan.annexes[1].tasks[0];
    const syms = $(`[id="o-t-${t.id}"] li.as .sym`).map((_, el) => $(el).text()).get();
    expect(syms).toEqual(t.assignments.map((a) => ({ lead: '●', responsible: '○', cooperate: '△' })[a.role]));
    const targets = plan.annexes.flatMap((a) => a.tasks).reduce((n, x) => n + x.targets.length + x.deadlines.length, 0);
    expect($('#out ul.facts li').length).toBe(targets);
  });

  it('lists diagnostics with counts by rule, each linked to its mark in the text', () => {
    const counts = new Map<string, number>();
    for (const d of plan.diagnostics) counts.set(d.ruleId, (counts.get(d.ruleId) ?? 0) + 1);
    const chips = $('.diagnostics summary .chip').map((_, el) => $(el).text()).get();
    expect(chips.sort()).toEqual([...counts].map(([r, n]) => `${r} ${n}`).sort());
    expect($('.diagnostics ol > li').length).toBe(plan.diagnostics.length);
    expect($('#src .dg').length).toBeGreaterThanOrEqual(plan.diagnostics.filter((d) => d.span).length);
  });

  it('resolves every in-page link and has unique ids', () => {
    const ids = $('[id]').map((_, el) => $(el).attr('id')).get();
    expect(new Set(ids).size).toBe(ids.length);
    const idSet = new Set(ids);
    for (const href of $('a[href]').map((_, el) => $(el).attr('href')).get()) expect(idSet.has(href.slice(1)), href).toBe(true);
    for (const out of $('[data-out]').map((_, el) => $(el).attr('data-out')).get()) expect(idSet.has(out), out).toBe(true);
  });

  it('is self-contained: no external URLs, scripts, styles or fonts', () => {
    expect($('[src]').length).toBe(0);
    expect($('link').length).toBe(0);
    expect($('[href]').filter((_, el) => !($(el).attr('href') ?? '').startsWith('#')).length).toBe(0);
    const code = $('style').text() + $('script').text();
    expect(code).not.toMatch(/https?:|url\(|@import|@font-face|fetch\(|XMLHttpRequest/);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
  });

  it('keeps all content in the HTML (readable with scripts off) and is deterministic', () => {
    expect($('html').hasClass('no-js')).toBe(true);
    for (const t of plan.annexes.flatMap((a) => a.tasks)) expect($(`[id="o-t-${t.id}"]`).text()).toContain(t.title);
    expect(renderReview(plan, source)).toBe(html);
    expect(renderReview(structuredClone(plan), source)).toBe(html);
  });
});

describe('renderReview shows people and the part of a task a unit answers for', () => {
  it('marks each sentence-scoped role of A8.T4 with its sentence, linked to the text', () => {
    const t = plan.annexes[7].tasks[3];
    const notes = $(`[id="o-t-${t.id}"] li.as a.scope`);
    expect(notes.length).toBe(t.assignments.length);
    expect(notes.first().text()).toContain('分句');
    const first = $(`[id="${notes.first().attr('href')!.slice(1)}"]`);
    expect(first.attr('data-k')).toContain(`sc:${t.id}.0`);
    expect(source.slice(t.clauses[0].scope.span.start, t.clauses[0].scope.span.end)).toMatch(/^完成1000人.*区妇联牵头\)。$/);
  });

  it('lists a task’s leaders apart from its units, each linked to where the name stands', async () => {
    const r = await extractNotice('tests/fixtures/genre/a-lishan-2024-yingshang-qingdan.txt');
    const page = load(renderReview(r.plan, r.source));
    const t = r.plan.annexes.flatMap((a) => a.tasks).find((x) => x.leaders.length)!;
    const li = page(`[id="o-t-${t.id}"] ul.leaders li`);
    expect(li.map((_, el) => page(el).find('.person').text()).get()).toEqual(t.leaders.map((l) => l.name));
    expect(page(`[id="o-t-${t.id}"] li.as .unit`).map((_, el) => page(el).text()).get()).not.toContain(t.leaders[0].name);
    const mark = page(`[id="${li.first().find('a.jump').attr('href')!.slice(1)}"]`);
    expect(mark.text()).toBe(t.leaders[0].raw);
  });
});
