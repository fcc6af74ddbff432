// fenjie/review: a self-contained HTML page to check an extraction (or a diff) against its source text.
export { renderReview, reviewTree, type ReviewOptions } from './page.js';
export { renderDiffReview, pairTasks, type DiffReviewOptions } from './diff-page.js';
export { highlightSource, lineStarts, type Highlight, type HighlightOptions } from './highlight.js';
export { sourceItems, domId, type ItemKey, type ItemOptions, type SourceItems } from './items.js';
export { toHtml } from './to-html.js';
export { h, type HastElement, type HastRoot, type HastText, type HastChild, type Properties } from './hast.js';
