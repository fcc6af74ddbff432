// What ingest hands to the rest of the pipeline: one source text that every span points into.

export type SourceFormat = 'text' | 'html' | 'docx';

/** Header facts found outside the body text (e.g. a portal's 索引号/文号/发文日期 table). */
export interface IngestMeta {
  readonly issuer?: string;
  readonly title?: string;
  readonly docNumber?: string;
  readonly date?: string;
}

export interface Ingested {
  /** The decoded source text. Spans in the Plan are offsets into this string. */
  readonly text: string;
  readonly format: SourceFormat;
  /** e.g. utf-8, utf-8-bom, gb18030 */
  readonly encoding: string;
  readonly meta: IngestMeta;
}

/** Thrown when a file cannot be read as a notice at all. The CLI prints `message` and exits non-zero. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
