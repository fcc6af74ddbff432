/**
 * fenjie's public API — the whole of it; the CLI uses nothing else. Data flows one way:
 *
 *   extractNotice / extractFiles   notice file(s) → Plan (+ the source text its spans point into)
 *   loadPlan / loadPlanWithSource  a plan.json or a notice → Plan
 *   buildDocuments                 Plan → Word, PDF, Excel and Markdown files in a folder
 *   diffPlans                      Plan × Plan → ChangeSet; renderDiffMarkdown / renderDiffDocx / renderDiffPdf;
 *                                  markCorrections tells the differences a corrections file makes
 *   renderReview / renderDiffReview  Plan(s) + source → one self-contained HTML page
 *   readFixes / writeFixes / addFix  the corrections file (更正, `*.fixes.json`); extraction applies one given as
 *                                  `ReadOptions.fixes` (applyFixes: Plan × FixesFile → Plan)
 *
 * The Plan's zod schema (`Plan`, `planJsonSchema`) is the single source of its types, its validation and the JSON
 * Schema. Functions throw only the errors of `./errors.js` on purpose; each message names the file and the place.
 * Inside the package the CLI imports the entry modules (`./api/*.js`) one by one, to load only what a command needs.
 */
export * from './api/extract.js';
export * from './api/plan-file.js';
export * from './api/build.js';
export * from './api/diff.js';
export * from './api/review.js';
export * from './api/write.js';
export * from './api/fixes.js';
export * from './errors.js';
export * from './api/track.js';
export * from './api/status.js';
