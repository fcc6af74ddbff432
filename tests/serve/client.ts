// An HTTP client for the serve tests: requests as a browser's form or a script would send them, to a server of this run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { request } from 'node:http';
import { strFromU8, unzipSync } from 'fflate';

/** The bundled sample, found from this file, so the tests run in any clone. */
export const SAMPLE = fileURLToPath(new URL('../../input/wulingyuan-2024-ba-da-xing-dong.txt', import.meta.url));

/** The sample cut into the covering notice and its annex 1 (附件1 … up to 附件2): a notice and one annex file. */
export function noticeAndAnnex(): [string, string] {
  const text = readFileSync(SAMPLE, 'utf8');
  const starts = [...text.matchAll(/^附件\d+$/gm)].map((m) => m.index!);
  return [text.slice(0, starts[0]), text.slice(starts[0], starts[1])];
}

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
  readonly text: string;
}

/** A client of the server on `port`; with `token`, it sends the cookie the printed address sets (reading needs it). */
export function client(port: number, token?: string) {
  const session: Record<string, string> = token === undefined ? {} : { cookie: `fenjie-${port}=${token}` };
  const call = (method: string, path: string, headers: Record<string, string> = {}, body?: Uint8Array | string): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...session, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const all = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  const origin = { origin: `http://127.0.0.1:${port}` };
  return {
    call,
    /** A plain HTML form (scripts off): urlencoded, the token among its fields, as Chromium posts it. */
    form: (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      call('POST', path, { ...origin, 'content-type': 'application/x-www-form-urlencoded', ...headers }, new URLSearchParams(fields).toString()),
    /** A multipart form: text fields first, then files, each [field, file name, bytes]. */
    multipart: (path: string, fields: Record<string, string>, files: ReadonlyArray<readonly [string, string, Uint8Array | string]>, headers: Record<string, string> = {}) => {
      const boundary = '----fenjie-test-boundary';
      const parts: Buffer[] = [];
      for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
      for (const [name, file, bytes] of files) {
        parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file}"\r\nContent-Type: text/plain\r\n\r\n`), Buffer.from(bytes), Buffer.from('\r\n'));
      }
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return call('POST', path, { ...origin, 'content-type': `multipart/form-data; boundary=${boundary}`, ...headers }, Buffer.concat(parts));
    },
  };
}

/** The text of a .docx's body, and the part of it under 二、牵头任务 (the tasks the unit leads). */
export function sheetText(docx: Uint8Array): { all: string; leads: string } {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const all = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  const from = all.indexOf('二、牵头任务');
  return { all, leads: from < 0 ? '' : all.slice(from, all.indexOf('三、参与任务', from) >>> 0) };
}

