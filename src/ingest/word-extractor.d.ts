// The few parts of word-extractor (no types of its own) that ingest/doc.ts uses.
declare module 'word-extractor' {
  interface TextOptions {
    readonly filterUnicode?: boolean;
  }
  interface WordDocument {
    getBody(options?: TextOptions): string;
  }
  export default class WordExtractor {
    extract(source: Buffer | string): Promise<WordDocument>;
  }
}
