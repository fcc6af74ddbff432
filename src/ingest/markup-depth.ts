// How deep markup nests, from one linear scan of its tags before any parser builds a tree. parse5 takes time
// quadratic in the depth of open elements (10,000 nested <div>: 1.2 s; 40,000: 27 s) and mammoth reads a .docx part
// recursively, so both are only given markup whose depth is known to be bounded.
//
// For HTML this is an estimate of what the parser will build: void elements (<br>, <img>) and elements whose end tag
// may be left out (<p>, <li>, <td>, <tr>, <option>…, closed by the parser) are not counted, and the content of
// <script>, <style> and the like is skipped. Unclosed <div> or <font> tags are counted: the parser nests those too.

const VOID = new Set('area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr'.split(' '));
const OPTIONAL_END = new Set('body caption colgroup dd dt head html li optgroup option p rb rp rt rtc tbody td tfoot th thead tr'.split(' '));
/** Elements whose content is text up to their end tag, never markup. */
const RAW_TEXT = new Set('iframe noembed noframes plaintext script style textarea title xmp'.split(' '));

export interface MarkupDepth {
  /** the deepest nesting found (stops counting once past the limit) */
  readonly depth: number;
  /** offset of the tag that first reached it */
  readonly offset: number;
  /** start tags met (all elements, void ones included), up to where the scan stopped */
  readonly elements: number;
}

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
const NAME = /[^\s/>]*/y;

/** End of a tag that opens at `at` (the index after its `>`), honouring quoted attribute values. */
function tagEnd(markup: string, at: number): number {
  let quote = 0;
  for (let i = at; i < markup.length; i++) {
    const c = markup.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i + 1;
  }
  return markup.length;
}

/** One tag, as the scan meets it. */
export interface Tag {
  /** offset of its "<" and just past its ">" */
  readonly start: number;
  readonly end: number;
  /** as written (HTML names in lower case) */
  readonly name: string;
  readonly closing: boolean;
  /** XML "<a/>" (always false in HTML, where the slash means nothing on an element that is not void) */
  readonly selfClosing: boolean;
}

/**
 * The element tags of `markup`, in order: comments, CDATA, doctype and processing instructions skipped, and in HTML
 * the content of <script>, <style> and the like (its end tag is yielded).
 */
export function* tags(markup: string, html: boolean): Generator<Tag> {
  let i = markup.indexOf('<');
  while (i !== -1 && i < markup.length) {
    const next = markup.charCodeAt(i + 1);
    if (markup.startsWith('<!--', i)) {
      const end = markup.indexOf('-->', i + 4);
      i = end < 0 ? -1 : markup.indexOf('<', end + 3);
      continue;
    }
    if (markup.startsWith('<![CDATA[', i)) {
      const end = markup.indexOf(']]>', i + 9);
      i = end < 0 ? -1 : markup.indexOf('<', end + 3);
      continue;
    }
    if (next === 33 || next === 63) {
      // <!DOCTYPE …>, <?xml …?>
      i = markup.indexOf('<', tagEnd(markup, i + 2));
      continue;
    }
    const closing = next === 47;
    const nameAt = closing ? i + 2 : i + 1;
    if (!isNameStart(markup.charCodeAt(nameAt))) {
      i = markup.indexOf('<', i + 1); // a literal "<" in text
      continue;
    }
    NAME.lastIndex = nameAt;
    const written = NAME.exec(markup)![0];
    const name = html ? written.toLowerCase() : written;
    const end = tagEnd(markup, nameAt + written.length);
    yield { start: i, end, name, closing, selfClosing: !html && !closing && markup.charCodeAt(end - 2) === 47 };
    if (html && !closing && RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}[\\s/>]`, 'gi');
      close.lastIndex = end;
      const found = close.exec(markup);
      i = found ? found.index : -1;
      continue;
    }
    i = markup.indexOf('<', end);
  }
}

/** The nesting depth of `markup` (XML, or HTML as described above); returns as soon as it passes `limit`. */
export function markupDepth(markup: string, html: boolean, limit = Number.POSITIVE_INFINITY): MarkupDepth {
  let depth = 0;
  let max = 0;
  let offset = 0;
  let elements = 0;
  for (const tag of tags(markup, html)) {
    if (!tag.closing) elements++;
    if (html && (VOID.has(tag.name) || OPTIONAL_END.has(tag.name))) continue;
    if (tag.closing) {
      if (depth > 0) depth--;
    } else if (!tag.selfClosing && ++depth > max) {
      max = depth;
      offset = tag.start;
      if (max > limit) break;
    }
  }
  return { depth: max, offset, elements };
}
