// highlightSource: nesting at exact offsets, fragments across lines and crossing spans; and the serialiser.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { h, highlightSource, toHtml, type Highlight } from '../../src/review/index.js';

const hl = (start: number, end: number, k: string, rank = 0): Highlight => ({ start, end, rank, properties: { id: `s-${k}`, className: [k], dataK: k } });
const render = (source: string, list: Highlight[]) => load(`<div id="x">${toHtml(h('div', {}, highlightSource(source, list)))}</div>`);
const joined = ($: ReturnType<typeof load>, k: string): string => $(`[data-k~="${k}"]`).map((_, el) => $(el).text()).get().join('');

describe('highlightSource', () => {
  it('nests a clause in a task and a mention in the clause', () => {
    const src = '1.做事。(甲局牵头)\n';
    const $ = render(src, [hl(0, 11, 'task'), hl(6, 10, 'clause'), hl(6, 8, 'mention')]);
    expect($('.task > .clause > .mention').text()).toBe('甲局');
    expect(joined($, 'task')).toBe('1.做事。(甲局牵头)');
    expect(joined($, 'clause')).toBe('甲局牵头');
    expect($('.ln').text()).toBe(src);
  });

  it('cuts spans that cross a line end or each other into fragments; only the first keeps the id', () => {
    const src = 'abcdef\nghijkl\n';
    const $ = render(src, [hl(2, 10, 'long'), hl(8, 12, 'cross'), hl(4, 5, 'inner')]);
    expect($('[data-k="long"]').length).toBe(2); // cd[e]f\n | g[hi] — cut at the line end
    expect($('[data-k="cross"]').length).toBe(2); // hi inside 'long' | jk after it
    expect($('.long > .cross').text()).toBe('hi');
    expect(joined($, 'long')).toBe(src.slice(2, 10));
    expect(joined($, 'cross')).toBe(src.slice(8, 12));
    expect($('#s-long').length).toBe(1);
    expect($('#s-cross').length).toBe(1);
    expect($('.ln').map((_, el) => $(el).text()).get().join('')).toBe(src);
  });

  it('orders equal ranges by rank and keeps empty spans as points', () => {
    const src = 'xyz';
    const $ = render(src, [hl(0, 3, 'inner', 5), hl(0, 3, 'outer', 1), hl(1, 1, 'point')]);
    expect($('.outer > .inner').text()).toBe('xyz');
    expect($('.point').length).toBe(1);
    expect($('.ln').text()).toBe('xyz');
  });
});
