import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/normalize/index.js';
import { allTasks, extractText, roles } from '../helpers.js';

describe('normalize', () => {
  it('folds full-width punctuation one for one, so offsets stay valid', () => {
    const source = '（区财政局牵头，区商务局配合；）：１２％';
    const n = normalizeText(source);
    expect(n.parse).toBe('(区财政局牵头,区商务局配合;):12%');
    expect(n.parse.length).toBe(source.length);
    expect(n.display).toBe(source);
  });

  it('reads traditional characters through a simplified view, keeping raw text as written', () => {
    const source = ['附件1', '某某區產業行動實施方案', '一、工作任務', '1.發展產業。加快建設。（區農業農村局牽頭，區財政局、區水利局等按職責分工負責）'].join('\n');
    const n = normalizeText(source);
    expect(n.script).toBe('traditional');
    expect(n.display.length).toBe(source.length);
    const plan = extractText(source);
    const [task] = allTasks(plan);
    expect(roles(task)).toBe('l:区农业农村局 r:区财政局 r:区水利局');
    expect(task.clauses[0].raw).toBe('區農業農村局牽頭，區財政局、區水利局等按職責分工負責');
    expect(task.assignments.map((a) => a.raw)).toEqual(['區農業農村局', '區財政局', '區水利局']);
    expect(task.title).toBe('发展产业');
  });

  it('leaves simplified text alone', () => {
    expect(normalizeText('区发展和改革局牵头').script).toBe('simplified');
  });
});
