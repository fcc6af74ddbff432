// The review page: one self-contained HTML file showing every extracted item on the source text, for checking by eye.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractNotice, renderReview } from '../src/index.js';
import { outDir, SAMPLE } from './out.js';

const { plan, source } = await extractNotice(SAMPLE);
const file = path.join(outDir('06-review'), 'review.html');
writeFileSync(file, renderReview(plan, source));
console.log(file);
