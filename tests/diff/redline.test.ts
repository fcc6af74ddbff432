import { describe, expect, it } from 'vitest';
import { redline, redlineNew, redlineOld } from '../../src/diff/index.js';

const show = (a: string, b: string): string =>
  redline(a, b).map((s) => (s.op === 'equal' ? s.text : s.op === 'delete' ? `[-${s.text}-]` : `{+${s.text}+}`)).join('');

describe('redline', () => {
  it('edits numbers whole', () => {
    expect(show('旅游总收入增长15%左右', '旅游总收入增长12%左右')).toBe('旅游总收入增长[-15-]{+12+}%左右');
    expect(show('达到1户以上', '达到10户以上')).toBe('达到[-1-]{+10+}户以上');
  });

  it('folds one-character islands into the edit', () => {
    expect(show('加大旅游市场监管执法力度', '全面加强旅游市场综合监管执法')).toBe('[-加大-]{+全面加强+}旅游市场{+综合+}监管执法[-力度-]');
  });

  it('gives back both texts', () => {
    const pairs = [['加快城市更新及城镇老旧小区改造。', '稳步推进城市更新和城镇老旧小区改造,年内完成改造5个。'], ['abc', ''], ['', '新'], ['12', '12.5']];
    for (const [a, b] of pairs) {
      const r = redline(a, b);
      expect(redlineOld(r)).toBe(a);
      expect(redlineNew(r)).toBe(b);
      expect(r.every((s) => s.text.length > 0)).toBe(true);
    }
  });
});
