// Compare two versions of a plan: every change, tasks matched even when renumbered, as a Markdown 修订对照表.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { diffPlans, extractNotice, renderDiffMarkdown } from '../src/index.js';
import { outDir, SAMPLE, SAMPLE_V2 } from './out.js';

const [before, after] = await Promise.all([extractNotice(SAMPLE), extractNotice(SAMPLE_V2)]);
const changes = diffPlans(before.plan, after.plan);
console.log(`${changes.summary.total} changes:`, changes.summary.byKind);
writeFileSync(path.join(outDir('05-diff'), '修订对照表.md'), renderDiffMarkdown(changes, { oldLabel: 'v1', newLabel: 'v2', plans: { old: before.plan, new: after.plan } }));
