// fenjie/diff: compare two Plans into a ChangeSet, and render it for auditors.
export { diffPlans, type DiffOptions } from './diff-plans.js';
export type { MatchThresholds } from './match-tasks.js';
export {
  ChangeSet,
  Change,
  ChangeKind,
  ChangeEntity,
  ChangeSummary,
  Match,
  RedlineSegment,
  CHANGESET_VERSION,
} from './schema.js';
export { redline, redlineNew, redlineOld, type RedlineOptions } from './redline.js';
export { renderDiffMarkdown, redlineMarkdown, type DiffReportMeta } from './report-md.js';
export { describeChange, type ChangeRow } from './describe.js';
export { renderDiffDocx, diffDocument, DiffDocxLayout, type DiffDocxOptions } from './report-docx.js';
export { renderDiffPdf, marked, PDF_LEGEND, type DiffPdfOptions } from './report-pdf.js';
