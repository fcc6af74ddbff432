// Characters that draw nothing (zero-width spaces and joiners, soft hyphens, bidi marks and overrides, variation
// selectors, fillers) and so let one name look like another: 区财\u200b政局 prints as 区财政局 but is another string.

/** One UTF-16 unit each (BMP only). */
export const INVISIBLE_CLASS = '\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\ufff9-\\ufffb';

/** Global: every invisible character. */
export const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');

/** U+200B and the like, for messages. */
export const codePointLabel = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
