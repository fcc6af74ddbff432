// ingest: bytes → one source text. The only stage that knows about file formats and encodings.
import { IngestError, type Ingested } from './types.js';
import { ingestText } from './text.js';

export { IngestError } from './types.js';
export type { Ingested, IngestMeta, SourceFormat } from './types.js';

export async function ingest(bytes: Uint8Array, path: string): Promise<Ingested> {
  if (bytes.length === 0) throw new IngestError('文件为空 (empty file)', path, 'empty');
  const result = ingestText(bytes);
  if (result.text.trim() === '') throw new IngestError('文件只有空白 (whitespace only)', path, 'empty');
  return result;
}
