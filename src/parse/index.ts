export { parseNotice, noticeParser } from './parse-notice.js';
export { readMarker, chineseNumber } from './numbering.js';
export type * from './types.js';
