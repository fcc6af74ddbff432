// The public API of the review pages: one self-contained HTML file that shows every extracted item on the source text,
// and the side-by-side page of two versions.
export { renderReview, renderDiffReview, type ReviewOptions, type DiffReviewOptions } from '../review/index.js';
