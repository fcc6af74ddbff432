export { parseNotice, noticeParser } from './parse-notice.js';
export { readMarker, chineseNumber } from './numbering.js';
export type * from './types.js';
export type { DocumentStart, ParseOptions } from './parse-notice.js';
