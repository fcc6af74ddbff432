// Reading a posted form: multipart/form-data (a notice and its annex files, streamed through busboy and counted
// against the limits as they arrive) or application/x-www-form-urlencoded (one correction). A form posted with
// scripts off carries the run's token as its `token` field, which must come before any file: nothing is kept from
// a request that has not shown the token.
import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { tokenMatches } from './security.js';
import { UploadTooLargeError, type Upload } from './uploads.js';

export interface FormLimits {
  /** bytes of one file */
  readonly fileBytes: number;
  /** bytes of all files together */
  readonly totalBytes: number;
  /** files in one upload */
  readonly files: number;
}

/** A request the server refuses with this status and one bilingual line. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const missingToken = () => new HttpError(403, '缺少令牌 / missing token');

/** The form's text fields (the first of each name) and its files, in the order sent. */
export interface PostedForm {
  readonly fields: ReadonlyMap<string, string>;
  readonly files: readonly Upload[];
}

const MAX_FIELDS = 40;
const MAX_FIELD_BYTES = 16 * 1024;

export function contentType(req: IncomingMessage): string {
  return String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * The multipart body of an upload: the file of the `notice` field first, then the others (annexes) as sent.
 *
 * @param headerToken whether the request already showed the token in X-Fenjie-Token
 * @throws HttpError 403 without the token (header, or a `token` field before the first file), 413 past a limit, 400
 *   for a body that is not multipart
 */
export function readMultipart(req: IncomingMessage, limits: FormLimits, token: string, headerToken: boolean): Promise<PostedForm> {
  if (Number(req.headers['content-length'] ?? 0) > limits.totalBytes + 64 * 1024) return Promise.reject(new UploadTooLargeError('上传总量过大 / upload too large in total'));
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // defParamCharset: browsers send a file name's UTF-8 bytes as they are; busboy's default reads them as latin1.
      parser = busboy({ headers: req.headers, defParamCharset: 'utf8', limits: { fileSize: limits.fileBytes, files: limits.files, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: limits.files + MAX_FIELDS } });
    } catch {
      reject(new HttpError(400, '不是 multipart 表单 / not a multipart form'));
      return;
    }
    const fields = new Map<string, string>();
    // The `notice` field's file first, whatever order the parts come in; then the annexes as sent.
    const notices: Upload[] = [];
    const files: Upload[] = [];
    let total = 0;
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      reject(error);
    };
    const authorised = () => headerToken || tokenMatches(fields.get('token'), token);
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return fail(new HttpError(400, `表单字段过长 / form field too long: ${name.slice(0, 40)}`));
      if (!fields.has(name)) fields.set(name, value);
    });
    parser.on('file', (field, stream, info) => {
      if (failed) return stream.resume();
      if (!authorised()) {
        stream.resume();
        return fail(missingToken());
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > limits.totalBytes) fail(new UploadTooLargeError('上传总量过大 / upload too large in total'));
        else if (!failed) chunks.push(chunk);
      });
      stream.on('limit', () => fail(new UploadTooLargeError(`文件过大 / file too large: ${info.filename}`)));
      stream.on('end', () => {
        // A file input left empty is sent as a part with no name and no bytes.
        if (!failed && (info.filename || chunks.length > 0)) (field === 'notice' ? notices : files).push({ name: info.filename || 'file', bytes: Buffer.concat(chunks) });
      });
    });
    parser.on('filesLimit', () => fail(new UploadTooLargeError(`文件过多 / too many files (at most ${limits.files})`)));
    parser.on('fieldsLimit', () => fail(new HttpError(400, '表单字段过多 / too many form fields')));
    parser.on('partsLimit', () => fail(new HttpError(400, '表单部分过多 / too many form parts')));
    parser.on('error', () => fail(new HttpError(400, '表单无法读取 / malformed multipart body')));
    parser.on('close', () => {
      if (failed) return;
      if (!authorised()) return fail(missingToken());
      resolve({ fields, files: [...notices, ...files] });
    });
    req.on('error', (e) => fail(e));
    req.pipe(parser);
  });
}

/**
 * An application/x-www-form-urlencoded body (a correction or a build), at most `limit` bytes.
 *
 * @throws HttpError 403 without the token (header or `token` field), 413 past the limit
 */
export async function readUrlencoded(req: IncomingMessage, limit: number, token: string, headerToken: boolean): Promise<ReadonlyMap<string, string>> {
  const body = Buffer.from(await readBody(req, limit)).toString('utf8');
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(body)) if (!fields.has(name)) fields.set(name, value);
  if (!headerToken && !tokenMatches(fields.get('token'), token)) throw missingToken();
  return fields;
}

/** A whole body within `limit` bytes: refused by its declared length before a byte is read, and counted for a chunked one. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  if (Number(req.headers['content-length'] ?? 0) > limit) throw new UploadTooLargeError('上传过大 / upload too large');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limit) throw new UploadTooLargeError('上传过大 / upload too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
