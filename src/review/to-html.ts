// Serialise the review tree with hast-util-to-html (the unified ecosystem's serialiser).
export { toHtml } from 'hast-util-to-html';
