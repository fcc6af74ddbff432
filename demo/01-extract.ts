// Read a notice into a Plan and write plan.json: every task with who leads, who is responsible, who cooperates.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractNotice, planToJson } from '../src/index.js';
import { outDir, SAMPLE } from './out.js';

const { plan } = await extractNotice(SAMPLE);
const tasks = plan.annexes.flatMap((a) => a.tasks);
const first = tasks[0];
console.log(`${plan.notice.title}: ${tasks.length} tasks, ${plan.units.length} units`);
console.log(`${first.id} ${first.title}: ${first.assignments.map((a) => `${a.unit} (${a.role})`).join(', ')}`);
writeFileSync(path.join(outDir('01-extract'), 'plan.json'), planToJson(plan));
