// What ingest accepts, in one place (the README's "Limits" section lists the same numbers). A reader that meets
// input past one of them throws LimitError, which ingest() turns into an IngestError naming the file: the run ends
// with one line and exit 2, in bounded time and memory, instead of a parser overflowing its stack or the heap.

/** Elements nested deeper than this in a web page are refused: HTML parsing is quadratic in the depth (parse5). */
export const MAX_HTML_DEPTH = 1000;
/**
 * A web page (or a .docx's converted body) with more elements than this is refused: the parsed tree takes ~500 bytes
 * a node (250,000 table rows of three cells: ~1 GB). A portal page has a few thousand; a 10,000-row table 100,000.
 */
export const MAX_HTML_ELEMENTS = 200_000;
/** Elements nested deeper than this in a .docx part are refused: mammoth reads them recursively (it overflows at ~1,000). */
export const MAX_XML_DEPTH = 256;
/** Cells filled by rowspan/colspan in one page or document, beyond the cells written: the rest are read as span 1. */
export const MAX_SPAN_CELLS = 200_000;
/** A list level text (numbering.xml w:lvlText) longer than this writes no label; Word's own are a few characters. */
export const MAX_LEVEL_TEXT = 64;
/** The largest list start (w:start, w:startOverride) read as written; Word allows 0–32767. */
export const MAX_LIST_START = 32767;

/** Input that passes one of the limits above. `code` becomes the IngestError's code. */
export class LimitError extends Error {
  constructor(
    message: string,
    readonly code: 'too-deep' | 'too-large',
  ) {
    super(message);
    this.name = 'LimitError';
  }
}
