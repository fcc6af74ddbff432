// One unit's 责任清单 (responsibility sheet), in Word and PDF: the tasks it leads and joins, its work groups, its duties.
import { buildDocuments, extractNotice } from '../src/index.js';
import { outDir, SAMPLE } from './out.js';

const { plan, source } = await extractNotice(SAMPLE);
const result = await buildDocuments(plan, { outDir: outDir('02-unit-sheet'), unit: '区财政局', formats: ['docx', 'pdf'], date: '2024-05-20', source, workers: 0 });
for (const file of result.files) console.log(file.path);
