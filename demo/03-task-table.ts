// The whole-plan documents: 任务分解表 and 责任矩阵 (Word, PDF), the matrix and the 台账 ledger (Excel), and index.md.
import { buildDocuments, extractNotice } from '../src/index.js';
import { outDir, SAMPLE } from './out.js';

const { plan, source } = await extractNotice(SAMPLE);
// Without `unit` a build writes every unit's sheet too; they are left out of what is printed here.
const result = await buildDocuments(plan, { outDir: outDir('03-task-table'), date: '2024-05-20', source, workers: 0, formats: ['docx', 'xlsx'] });
console.log(result.files.filter((f) => f.kind !== 'unit-sheet').map((f) => `${f.kind}\t${f.path}`).join('\n'));
