// Uploaded files are judged by their bytes and stored under names we make: a client's file name is display text only,
// never part of a path.
import { createHash } from 'node:crypto';
import { mkdir, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { sniff } from '../ingest/detect.js';
import { MAX_INPUT_BYTES } from '../api/extract.js';

export const MAX_FILE_BYTES = MAX_INPUT_BYTES;
export const MAX_TOTAL_BYTES = MAX_INPUT_BYTES;

export interface Upload {
  /** the client's file name, as sent */
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface StoredFile {
  readonly path: string;
  /** the client's name, sanitised, for showing only */
  readonly displayName: string;
  readonly kind: string;
}

export class UploadTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadTooLargeError';
  }
}

const EXT: Readonly<Record<string, string>> = { zip: 'zip', pdf: 'pdf', compound: 'doc', html: 'html', text: 'txt' };

/** The base name only, without control or path characters, at most 120 characters. */
export function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^\.+/, '').trim().slice(0, 120);
  return clean === '' ? 'file' : clean;
}

export function checkSizes(uploads: readonly Upload[]): void {
  let total = 0;
  for (const u of uploads) {
    if (u.bytes.length > MAX_FILE_BYTES) throw new UploadTooLargeError(`文件过大 / file too large: ${displayName(u.name)}`);
    total += u.bytes.length;
  }
  if (total > MAX_TOTAL_BYTES) throw new UploadTooLargeError('上传总量过大 / upload too large in total');
}

/** Stores a notice and its annexes as `<workspace>/notices/<sha256-prefix>/<n>.<ext>`; the id is the hash prefix of all bytes. */
export async function storeUploads(workspace: string, uploads: readonly Upload[]): Promise<{ id: string; files: StoredFile[] }> {
  checkSizes(uploads);
  const hash = createHash('sha256');
  for (const u of uploads) hash.update(createHash('sha256').update(u.bytes).digest());
  const id = hash.digest('hex').slice(0, 16);
  const dir = join(workspace, 'notices', id);
  await mkdir(dir, { recursive: true });
  const files: StoredFile[] = [];
  for (const [n, u] of uploads.entries()) {
    const sniffed = sniff(u.bytes, '');
    const kind = sniffed.kind;
    const path = join(dir, `${n + 1}.${EXT[kind] ?? 'bin'}`);
    const tmp = `${path}.tmp-${process.pid}`;
    await writeFile(tmp, u.bytes);
    await rename(tmp, path);
    files.push({ path, displayName: displayName(u.name), kind });
  }
  return { id, files };
}
