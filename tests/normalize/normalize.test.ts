import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/normalize/index.js';
import { allocateFileNames } from '../../src/render/safe-filename.js';
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

  it('reads invisible characters (zero-width, bidi) as one hidden mark in the parse view, same length, and says where they were', () => {
    const source = '(区财\u200b政局牵头,区\u202e\u200d商务局配合)';
    const n = normalizeText(source);
    expect(n.parse).toBe('(区财\ue000政局牵头,区\ue000\ue000商务局配合)');
    expect(n.parse.length).toBe(source.length);
    expect(n.display).toBe(source);
    expect(n.invisible).toEqual([
      { start: 3, end: 4, chars: '\u200b' },
      { start: 10, end: 12, chars: '\u202e\u200d' },
    ]);
  });

  it('a unit name holding an invisible character is the unit it shows (one file), and the character is reported', () => {
    const text = ['附件1', '某方案', '一、工作任务', '1.任务甲。(区财政局牵头)', '2.任务乙。(区财\u200b政局牵头)'].join('\n');
    const plan = extractText(text);
    const names = plan.units.map((u) => u.name);
    expect(names).toEqual(['区财政局']);
    expect(allTasks(plan).map((t) => t.assignments[0].unit)).toEqual(['区财政局', '区财政局']);
    const files = allocateFileNames(names);
    for (const name of names) expect(files.get(name)).toBe(name);
    const warning = plan.diagnostics.find((d) => d.ruleId === 'invisible-character');
    expect(warning).toMatchObject({ severity: 'warning', span: { line: 5, column: 10, endColumn: 11 } });
    expect(warning?.message).toContain('U+200B');
    // The clause as written keeps the character: raw is the source.
    expect(allTasks(plan)[1].assignments[0].raw).toContain('\u200b');
  });

  it('turns a lone CR, U+2028 and U+2029 into line feeds in the parse view, and a CR-only notice gives its tasks', () => {
    expect(normalizeText('甲\r乙\r\n丙\u2028丁').parse).toBe('甲\n乙\r\n丙\n丁');
    const plan = extractText(['附件1', '某方案', '一、工作任务', '1.任务甲。(区甲局牵头)', '2.任务乙。(区乙局牵头)'].join('\r'));
    expect(allTasks(plan).map(roles)).toEqual(['l:区甲局', 'l:区乙局']);
    expect(allTasks(plan).map((t) => t.span.line)).toEqual([4, 5]);
    expect(plan.source.lines).toBe(5);
  });
});
