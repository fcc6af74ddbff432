// Override a template: a folder holding only the files you change (here the unit sheet's title), passed as templatesDir.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDocuments, extractNotice } from '../src/index.js';
import { outDir, SAMPLE } from './out.js';

const templates = outDir('04-custom-template/templates');
// A template file replaces the shipped one whole: start from templates/unit-sheet.json and change what you need.
const shipped = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../templates/unit-sheet.json'), 'utf8'));
writeFileSync(path.join(templates, 'unit-sheet.json'), JSON.stringify({ ...shipped, title: '{unit}落实{planName}工作责任清单' }, null, 2));
const { plan, source } = await extractNotice(SAMPLE);
const result = await buildDocuments(plan, { outDir: outDir('04-custom-template/out'), unit: '区财政局', formats: ['docx'], date: '2024-05-20', source, templatesDir: templates, workers: 0 });
console.log(result.files.map((f) => f.path).join('\n'));
