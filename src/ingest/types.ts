// What ingest hands to the rest of the pipeline: one source text that every span points into.

export type SourceFormat = 'text' | 'html' | 'docx' | 'pdf' | 'doc' | 'wps' | 'xlsx' | 'xls' | 'ofd';

/**
 * Where a stretch of the source text came from in the original file: a page of a PDF or OFD, a sheet of a workbook,
 * and (for a notice in several files) the file. Offsets are into `Ingested.text`, sorted, not overlapping; text
 * outside every place (separators the reader wrote) belongs to no page.
 */
export interface Place {
  readonly start: number;
  readonly end: number;
  /** 1-based page number (PDF, OFD) (optional) */
  readonly page?: number;
  /** sheet name (workbooks) (optional) */
  readonly sheet?: string;
  /** the input file (several-file notices only) (optional) */
  readonly file?: string;
}

/**
 * Where a line (or a table row) of a page stands: [left, top, right, bottom] measured from the page's top-left
 * corner, in the page's unit (points for PDF, millimetres for OFD). Offsets into `Ingested.text`, sorted.
 */
export interface BoxPlace {
  readonly start: number;
  readonly end: number;
  readonly page: number;
  readonly box: readonly [number, number, number, number];
}

/** Header facts found outside the body text (e.g. a portal's 索引号/文号/发文日期 table). */
export interface IngestMeta {
  readonly issuer?: string;
  readonly title?: string;
  readonly docNumber?: string;
  /** ISO date (YYYY-MM-DD): 成文日期, else 发文日期, else 发布日期. */
  readonly date?: string;
  /** 索引号 of a government information-disclosure portal. */
  readonly indexNumber?: string;
}

export interface Ingested {
  // (a notice in several files: `text` is their texts joined, `format` and `encoding` the first file's)
  /** The decoded source text. Spans in the Plan are offsets into this string. */
  readonly text: string;
  readonly format: SourceFormat;
  /** e.g. utf-8, utf-8-bom, gb18030 */
  readonly encoding: string;
  readonly meta: IngestMeta;
  /** How the encoding was chosen: byte-order mark, a declared charset, valid UTF-8, or chardet (optional). */
  readonly encodingSource?: 'bom' | 'declared' | 'utf-8-valid' | 'detected';
  /** HTML and .docx only: which element was read as the article body, e.g. `#zoom` or `td#UCAP-CONTENT` (optional). */
  readonly root?: string;
  /** Things worth telling the user that did not stop ingest: charset conflicts, mammoth warnings (optional). */
  readonly warnings?: readonly string[];
  /** Pages, sheets or files the text came from (optional; absent for single-file formats without pages). */
  readonly places?: readonly Place[];
  /** Lines and table rows of pages with their boxes (PDF, OFD; not OCR pages) (optional). */
  readonly boxes?: readonly BoxPlace[];
  /** Text read by OCR: these stretches must be checked by a person (optional). */
  readonly ocr?: readonly Place[];
  /** A notice read from several files: each file's stretch of the text (optional). */
  readonly files?: readonly IngestedFile[];
  /** Offsets where an annex file's text starts without a 附件N line of its own (optional). */
  readonly documentStarts?: ReadonlyArray<{ readonly offset: number; readonly annex: number }>;
  /** Warnings with a place in `text`: bytes that were not valid in the encoding, capped spans (optional). */
  readonly notes?: readonly IngestNote[];
}

/** One file of a notice read from several files. */
export interface IngestedFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
  readonly format: SourceFormat;
  readonly encoding: string;
  /** where its text lies in the combined text */
  readonly start: number;
  readonly end: number;
  /** the 附件 number it was read as; null for the notice */
  readonly annex: number | null;
  readonly pages?: number;
}

/** A warning about a stretch of the decoded text. */
export interface IngestNote {
  readonly message: string;
  /** kebab-case rule id, e.g. invalid-utf-8 */
  readonly ruleId: string;
  /** offsets into `Ingested.text` */
  readonly start: number;
  readonly end: number;
}

/** A .docx whose entries add up to more than this uncompressed is refused before inflating. */
export const DEFAULT_MAX_DOCX_BYTES = 50 * 1024 * 1024;

export interface IngestOptions {
  /** Refuse a .docx (also .xlsx, .ofd) whose entries add up to more than this many bytes uncompressed (default: 50 MB). */
  readonly maxDocxBytes?: number;
  /** A PDF stream may inflate to at most this many bytes (default: 128 MB; all streams together 1 GB). */
  readonly maxPdfStreamBytes?: number;
  /** Read scanned PDF pages with tesseract (Debian tesseract-ocr-chi-sim) through pdftoppm (default: false). */
  readonly ocr?: boolean;
}

/** Thrown when a file cannot be read as a notice at all. The CLI prints `message` and exits non-zero. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly path: string,
    /** empty, unsupported-format, corrupt-docx, docx-too-large, encrypted-docx, too-large, too-deep, reader-failed, not-a-file */
    readonly code: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
