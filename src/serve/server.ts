// `fenjie serve`'s routes (first increment): the notice list, a raw-body upload, and each notice's review page.
// A route table, so the tracking view (issue 17) and the fixes/build routes can be added as rows.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { guard, newToken, tokenMatches, SECURITY_HEADERS, STATE_CHANGING, type Bound } from './security.js';
import { storeUploads, MAX_TOTAL_BYTES, UploadTooLargeError } from './uploads.js';
import { extractFiles } from '../api/extract.js';
import { addFix, emptyFixes, findFixesFor, fixesPathFor, readFixes, writeFixes, type Fix } from '../api/fixes.js';
import { buildDocuments } from '../api/build.js';
import { writeZip } from '../render/zip.js';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { renderReview } from '../api/review.js';
import { APP_CSS, homePage } from './pages.js';

export interface ServeOptions {
  readonly workspace: string;
  readonly host?: string;
  readonly port?: number;
  readonly token?: string;
  /** YYYY-MM-DD for built documents (default: today, UTC) */
  readonly date?: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], ctx: Context) => Promise<void>;
interface Context {
  readonly workspace: string;
  readonly token: string;
  /** the date printed on built documents (YYYY-MM-DD): pinned, the same bytes each build */
  readonly date: string;
}

const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array): void => {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
};

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  // Refuse by the declared length before reading a byte; count too, for a chunked body.
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

const ID = '([0-9a-f]{16})';

async function noticeFiles(workspace: string, id: string): Promise<string[]> {
  const dir = join(workspace, 'notices', id);
  const names = (await readdir(dir)).filter((n) => /^\d+\.\w+$/.test(n)).sort((a, b) => parseInt(a) - parseInt(b));
  return names.map((n) => join(dir, n));
}

async function extractStored(workspace: string, id: string) {
  const files = await noticeFiles(workspace, id);
  const fixesPath = await findFixesFor(files);
  const fixes = fixesPath === null ? undefined : await readFixes(fixesPath);
  return extractFiles(files, fixes === undefined ? {} : { fixes, fixesPath: fixesPath! });
}

/** [method, path pattern, handler]; the tracking view goes here as `['GET', /^\/track$/, …]`. */
const ROUTES: ReadonlyArray<readonly [string, RegExp, Handler]> = [
  ['GET', /^\/$/, async (_req, res, _p, ctx) => {
    const ids = await readdir(join(ctx.workspace, 'notices')).catch(() => [] as string[]);
    send(res, 200, 'text/html; charset=utf-8', homePage(ids.filter((i) => /^[0-9a-f]{16}$/.test(i)).sort(), ctx.token));
  }],
  ['GET', /^\/app\.js$/, async (_req, res) => send(res, 200, 'text/javascript; charset=utf-8', await readFile(new URL('./app.js', import.meta.url)))],
  ['GET', /^\/favicon\.ico$/, async (_req, res) => { res.writeHead(204, SECURITY_HEADERS); res.end(); }],
  ['GET', /^\/app\.css$/, async (_req, res) => send(res, 200, 'text/css; charset=utf-8', APP_CSS)],
  ['POST', /^\/notices$/, async (req, res, _p, ctx) => {
    const bytes = await readBody(req, MAX_TOTAL_BYTES);
    const name = decodeURIComponent(String(req.headers['x-file-name'] ?? 'notice'));
    const { id } = await storeUploads(ctx.workspace, [{ name, bytes }]);
    await extractStored(ctx.workspace, id);
    res.writeHead(303, { ...SECURITY_HEADERS, Location: `/notices/${id}/review` });
    res.end();
  }],
  ['GET', new RegExp(`^/notices/${ID}/review$`), async (_req, res, [id], ctx) => {
    const { plan, source } = await extractStored(ctx.workspace, id!);
    // The review page is self-contained (inline script and style), so it gets its own CSP in place of ours.
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Security-Policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'", 'Content-Type': 'text/html; charset=utf-8' });
    res.end(renderReview(plan, source));
  }],
  // One correction, as JSON `{ "fix": … }`: written with addFix/writeFixes, the functions the CLI uses.
  ['POST', new RegExp(`^/notices/${ID}/fixes$`), async (req, res, [id], ctx) => {
    const files = await noticeFiles(ctx.workspace, id!);
    const target = fixesPathFor(files[0]!);
    const current = (await findFixesFor(files)) === null ? emptyFixes() : await readFixes(target);
    const { fix } = JSON.parse(Buffer.from(await readBody(req, 1 << 20)).toString('utf8')) as { fix: Fix };
    await writeFixes(target, addFix(current, fix));
    await extractStored(ctx.workspace, id!);
    res.writeHead(303, { ...SECURITY_HEADERS, Location: `/notices/${id}/review` });
    res.end();
  }],
  ['POST', new RegExp(`^/notices/${ID}/build$`), async (_req, res, [id], ctx) => {
    const { plan, source } = await extractStored(ctx.workspace, id!);
    await buildDocuments(plan, { outDir: join(ctx.workspace, 'builds', id!), date: ctx.date, source, workers: 0 });
    res.writeHead(303, { ...SECURITY_HEADERS, Location: `/notices/${id}/documents.zip` });
    res.end();
  }],
  ['GET', new RegExp(`^/notices/${ID}/documents\\.zip$`), async (_req, res, [id], ctx) => {
    const dir = join(ctx.workspace, 'builds', id!);
    const { readdir: list } = await import('node:fs/promises');
    const names = (await list(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
    const parts = await Promise.all(names.map(async (name) => ({ name, data: new Uint8Array(await readFile(join(dir, name))) })));
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/zip', 'Content-Disposition': `attachment; filename="${id}.zip"` });
    res.end(writeZip(parts, '2000-01-01T00:00:00Z'));
  }],
];

export async function startServer(options: ServeOptions): Promise<{ url: string; token: string; workspaceDir: string; close(): Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const ctx: Context = { workspace: options.workspace, token, date: options.date ?? new Date().toISOString().slice(0, 10) };
  let bound: Bound = { host, port: options.port ?? 0 };
  const server = createServer((req, res) => {
    void (async () => {
      const refused = guard(req, bound);
      if (refused !== undefined) return send(res, refused, 'text/plain; charset=utf-8', refused === 421 ? 'misdirected request\n' : 'forbidden\n');
      const header = req.headers['x-fenjie-token'];
      if (STATE_CHANGING.has(req.method ?? 'GET') && !tokenMatches(Array.isArray(header) ? header[0] : header, token)) return send(res, 403, 'text/plain; charset=utf-8', '缺少令牌 / missing token\n');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      for (const [method, pattern, handler] of ROUTES) {
        const m = pattern.exec(path);
        if (m && method === req.method) return handler(req, res, m.slice(1), ctx);
      }
      send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    })().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof UploadTooLargeError) return send(res, 413, 'text/plain; charset=utf-8', `${error.message}\n`);
      send(res, 500, 'text/plain; charset=utf-8', `${error instanceof Error ? error.message : 'error'}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port ?? 0, host, resolve));
  const address = server.address();
  bound = { host, port: typeof address === 'object' && address !== null ? address.port : 0 };
  return {
    url: `http://${host}:${bound.port}/?token=${token}`,
    token,
    workspaceDir: options.workspace,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
