// What ingest hands to the rest of the pipeline: one source text that every span points into.

export type SourceFormat = 'text' | 'html' | 'docx';

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
  /** Warnings with a place in `text`: bytes that were not valid in the encoding, capped spans (optional). */
  readonly notes?: readonly IngestNote[];
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
  /** Refuse a .docx whose entries add up to more than this many bytes uncompressed (default: 50 MB). */
  readonly maxDocxBytes?: number;
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
