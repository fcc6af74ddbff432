// fenjie/render/changes: a ChangeSet as the 修订对照表 auditors read (Markdown, Word, PDF), and the words for changes.
export { renderDiffMarkdown, redlineMarkdown, type DiffReportMeta } from './markdown.js';
export { describeChange, type ChangeRow } from './describe.js';
export { KIND_LABEL } from './labels.js';
export { renderDiffDocx, DiffDocxLayout, type DiffDocxOptions } from './docx.js';
export { renderDiffPdf, marked, PDF_LEGEND, type DiffPdfOptions } from './pdf.js';
