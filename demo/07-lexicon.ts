// Teach the reader local words: a lexicon adds unit names (and role words, labels…) on top of the shipped one.
import { compileLexicon, extractIngested } from '../src/index.js';

// A unit with no organisation's ending (县城投): in running text only the lexicon makes it a unit.
const text = '关于印发《示范县城市更新实施方案》的通知\n\n一、重点任务\n（一）推进片区改造。完成老旧片区改造3个。由县城投负责，县财政局配合。\n';
const read = (lexicon?: ReturnType<typeof compileLexicon>) =>
  extractIngested({ text, format: 'text', encoding: 'utf-8', meta: {} }, 'demo.txt', new TextEncoder().encode(text), { lexicon }).plan.annexes.flatMap((a) => a.tasks)[0];
const plain = read();
const local = read(compileLexicon({ units: { names: ['县城投'] } }));
console.log('shipped lexicon:', plain?.assignments.map((a) => `${a.unit} (${a.role})`).join(', ') || 'none');
console.log('with 县城投:    ', local?.assignments.map((a) => `${a.unit} (${a.role})`).join(', '));
