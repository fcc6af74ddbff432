// `fenjie serve`'s routes: the notice list and upload (a notice with its annex files), each notice's page with its
// correction forms, the review page, build, and downloads (the zip, one unit's sheet). Built on node:http alone: a
// dozen routes need no framework, and every guard stays in view in this file and security.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { guard, newToken, tokenMatches, SECURITY_HEADERS, type Bound } from './security.js';
import { displayName, storeUploads, MAX_FILE_BYTES, MAX_TOTAL_BYTES, UploadTooLargeError, type Upload } from './uploads.js';
import { contentType, HttpError, readBody, readMultipart, readUrlencoded, type FormLimits } from './multipart.js';
import { fixFromForm } from './forms.js';
import { errorPage, homePage, noticePage, type NoticeFile } from './pages.js';
import { APP_CSS, APP_JS } from './assets.js';
import { trackPage, type CollectLine } from './track-page.js';
import { extractFiles, type Plan } from '../api/extract.js';
import { addFix, emptyFixes, findFixesFor, fixesPathFor, readFixes, writeFixes, type FixesFile, type StaleFix } from '../api/fixes.js';
import { buildDocuments } from '../api/build.js';
import { renderReview } from '../api/review.js';
import { readBuild, writeZipOf, zipBuild } from '../api/serve.js';
import { FixesError, IngestError } from '../errors.js';

export interface ServeLimits {
  /** bytes of one uploaded file (default: MAX_FILE_BYTES, the reader's input limit) */
  readonly fileBytes?: number;
  /** bytes of one upload, all files together (default: MAX_TOTAL_BYTES) */
  readonly totalBytes?: number;
  /** files in one upload: the notice and its annexes (default: 30) */
  readonly files?: number;
}

export interface ServeOptions {
  /** the folder the server keeps notices/ and builds/ in */
  readonly workspace: string;
  /** address to bind (default 127.0.0.1) */
  readonly host?: string;
  /** port (default 0: any free one) */
  readonly port?: number;
  /** the per-run token (default: a fresh random one) */
  readonly token?: string;
  /** YYYY-MM-DD for built documents and the `at` of fixes made on the page (default: today, UTC) */
  readonly date?: string;
  /** upload limits (see ServeLimits) */
  readonly limits?: ServeLimits;
}

export interface RunningServer {
  /** the page's address with the token, to print */
  readonly url: string;
  readonly token: string;
  readonly workspaceDir: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], ctx: Context) => Promise<void>;
interface Context {
  readonly workspace: string;
  readonly token: string;
  /** the date printed on built documents and given to fixes (YYYY-MM-DD): pinned, the same bytes each build */
  readonly date: string;
  readonly limits: FormLimits;
  /** the request carried the token in X-Fenjie-Token (a script or an API caller) */
  headerToken: boolean;
}

const HTML = 'text/html; charset=utf-8';
const MAX_FORM_BYTES = 64 * 1024;

const send = (res: ServerResponse, status: number, type: string, body: string | Uint8Array, extra: Record<string, string> = {}): void => {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
};
const seeOther = (res: ServerResponse, location: string) => {
  res.writeHead(303, { ...SECURITY_HEADERS, Location: location, 'Cache-Control': 'no-store' });
  res.end();
};

/** A refusal: a small HTML page for a browser, one text line for a caller that does not ask for HTML. */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  const extra: Record<string, string> = status === 413 ? { Connection: 'close' } : {};
  if (/text\/html/.test(String(req.headers.accept ?? ''))) send(res, status, HTML, errorPage(status, message), extra);
  else send(res, status, 'text/plain; charset=utf-8', `${message}\n`, extra);
}

const ID = '([0-9a-f]{16})';
const isId = (name: string) => /^[0-9a-f]{16}$/.test(name);
const notFound = () => new HttpError(404, '未找到 / not found');

async function noticeFiles(workspace: string, id: string): Promise<string[]> {
  const dir = join(workspace, 'notices', id);
  const names = await readdir(dir).catch(() => {
    throw notFound();
  });
  return names.filter((n) => /^\d+\.\w+$/.test(n)).sort((a, b) => parseInt(a) - parseInt(b)).map((n) => join(dir, n));
}

async function storedNames(workspace: string, id: string, files: readonly string[]): Promise<NoticeFile[]> {
  const names = await readFile(join(workspace, 'notices', id, 'names.json'), 'utf8').then((t) => JSON.parse(t) as unknown, () => null);
  return files.map((f, i) => ({ displayName: Array.isArray(names) && typeof names[i] === 'string' ? displayName(names[i]) : f.split(/[\\/]/).pop()!, kind: '' }));
}

interface Stored {
  readonly files: string[];
  readonly plan: Plan;
  readonly source: string;
  readonly fixes: FixesFile;
  readonly fixesPath: string;
  readonly stale: StaleFix[];
}

/** A stored notice read as the CLI reads it: `fenjie extract notices/<id>/1.txt 2.txt …`, its corrections file beside the first. */
async function extractStored(workspace: string, id: string): Promise<Stored> {
  const files = await noticeFiles(workspace, id);
  if (files.length === 0) throw notFound();
  const found = await findFixesFor(files);
  const fixes = found === null ? emptyFixes() : await readFixes(found);
  const fixesPath = fixesPathFor(files[0]!);
  const { plan, source } = await extractFiles(files, found === null ? {} : { fixes, fixesPath });
  const stale: StaleFix[] = [];
  for (const d of plan.diagnostics) {
    const m = d.ruleId === 'stale-fix' ? /更正 #(\d+) (\S+)/.exec(d.message) : null;
    if (m) stale.push({ index: Number(m[1]), op: m[2] as StaleFix['op'], message: d.message });
  }
  return { files, plan, source, fixes, fixesPath, stale };
}

/**
 * One change at a time per notice: a fix is read, appended and written back, and a build reads the fixes, so two
 * posts in flight (a double click) must not interleave and lose one.
 */
const queues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(id: string, work: () => Promise<T>): Promise<T> {
  const run = (queues.get(id) ?? Promise.resolve()).then(work, work);
  const settled = run.catch(() => {});
  queues.set(id, settled);
  void settled.then(() => { if (queues.get(id) === settled) queues.delete(id); });
  return run;
}

const buildDir = (ctx: Context, id: string) => join(ctx.workspace, 'builds', id);
const mtime = (path: string) => stat(path).then((s) => s.mtimeMs, () => 0);

async function upload(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  let uploads: Upload[];
  if (contentType(req) === 'multipart/form-data') {
    const form = await readMultipart(req, ctx.limits, ctx.token, ctx.headerToken);
    uploads = [...form.files];
  } else {
    // A raw body: one file, its name in X-File-Name (for API callers).
    if (!ctx.headerToken) throw new HttpError(403, '缺少令牌 / missing token');
    const bytes = await readBody(req, ctx.limits.totalBytes);
    uploads = [{ name: decodeURIComponent(String(req.headers['x-file-name'] ?? 'notice')), bytes }];
  }
  if (uploads.length === 0 || uploads[0]!.bytes.length === 0) throw new HttpError(400, '没有通知文件 / no notice file in the upload');
  if (uploads.length > ctx.limits.files) throw new UploadTooLargeError(`文件过多 / too many files (at most ${ctx.limits.files})`);
  const total = uploads.reduce((n, u) => n + u.bytes.length, 0);
  if (total > ctx.limits.totalBytes || uploads.some((u) => u.bytes.length > ctx.limits.fileBytes)) throw new UploadTooLargeError('上传过大 / upload too large');
  const existed = await readdir(join(ctx.workspace, 'notices')).then((n) => new Set(n), () => new Set<string>());
  const { id } = await storeUploads(ctx.workspace, uploads);
  try {
    await writeFile(join(ctx.workspace, 'notices', id, 'names.json'), `${JSON.stringify(uploads.map((u) => displayName(u.name)))}\n`);
    await extractStored(ctx.workspace, id);
  } catch (error) {
    // A notice that cannot be read is not kept (unless the same files were stored before).
    if (!existed.has(id)) await rm(join(ctx.workspace, 'notices', id), { recursive: true, force: true });
    throw error;
  }
  seeOther(res, `/notices/${id}`);
}

const trackDir = (ctx: Context) => join(ctx.workspace, 'track');

/** A state-changing form: the token as a field (scripts off) or the header (a script). */
async function formToken(req: IncomingMessage, ctx: Context): Promise<void> {
  if (contentType(req) === 'application/x-www-form-urlencoded') await readUrlencoded(req, MAX_FORM_BYTES, ctx.token, ctx.headerToken);
  else if (!ctx.headerToken) throw new HttpError(403, '缺少令牌 / missing token');
}

/** The tracking workspace's data, or null before `开始跟踪` made it. */
async function trackData(ctx: Context) {
  const { readWorkspace } = await import('../api/track.js');
  try {
    const data = readWorkspace(trackDir(ctx));
    return data.plans.length === 0 ? null : data;
  } catch (error) {
    if ((error as Error)?.name === 'TrackError') return null;
    throw error;
  }
}

async function trackStatusText(ctx: Context): Promise<string | null> {
  const data = await trackData(ctx);
  if (data === null) return null;
  const { trackStatus, statusText } = await import('../api/status.js');
  return statusText(trackStatus(data, { asOf: ctx.date }));
}

/** [method, path pattern, handler]; the tracking view goes here as `['GET', /^\/track$/, …]`. */
const ROUTES: ReadonlyArray<readonly [string, RegExp, Handler]> = [
  ['GET', /^\/$/, async (_req, res, _p, ctx) => {
    const ids = (await readdir(join(ctx.workspace, 'notices')).catch(() => [] as string[])).filter(isId).sort();
    const notices = await Promise.all(ids.map(async (id) => {
      const names = await readFile(join(ctx.workspace, 'notices', id, 'names.json'), 'utf8').then((t) => JSON.parse(t) as unknown, () => null);
      return { id, title: Array.isArray(names) && typeof names[0] === 'string' ? displayName(names[0]) : id };
    }));
    send(res, 200, HTML, homePage(notices, ctx.token));
  }],
  ['GET', /^\/app\.js$/, async (_req, res) => send(res, 200, 'text/javascript; charset=utf-8', APP_JS)],
  ['GET', /^\/app\.css$/, async (_req, res) => send(res, 200, 'text/css; charset=utf-8', APP_CSS)],
  ['GET', /^\/favicon\.ico$/, async (_req, res) => { res.writeHead(204, SECURITY_HEADERS); res.end(); }],
  ['POST', /^\/notices$/, (req, res, _p, ctx) => upload(req, res, ctx)],
  ['GET', new RegExp(`^/notices/${ID}$`), async (_req, res, [id], ctx) => {
    const stored = await extractStored(ctx.workspace, id!);
    const build = await readBuild(buildDir(ctx, id!));
    const outdated = build !== null && (await mtime(stored.fixesPath)) > (await mtime(join(buildDir(ctx, id!), '.fenjie-manifest.json')));
    send(res, 200, HTML, noticePage({ id: id!, plan: stored.plan, files: await storedNames(ctx.workspace, id!, stored.files), fixes: stored.fixes.fixes, stale: stored.stale, build, buildOutdated: outdated, token: ctx.token }));
  }],
  ['GET', new RegExp(`^/notices/${ID}/review$`), async (_req, res, [id], ctx) => {
    const { plan, source } = await extractStored(ctx.workspace, id!);
    // The review page is self-contained (inline script and style), so it gets its own CSP in place of ours.
    send(res, 200, HTML, renderReview(plan, source), { 'Content-Security-Policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'self'; base-uri 'none'" });
  }],
  // One correction: a plain form (urlencoded; a fix built from its fields) or JSON `{ "fix": … }` from a script.
  // Written with addFix/writeFixes, the functions the CLI's corrections file goes through.
  ['POST', new RegExp(`^/notices/${ID}/fixes$`), async (req, res, [id], ctx) => {
    // The token is checked (reading the form) before the notice is read: nothing is done for a request without it.
    let fix: unknown;
    let fields: ReadonlyMap<string, string> | null = null;
    if (contentType(req) === 'application/json') {
      if (!ctx.headerToken) throw new HttpError(403, '缺少令牌 / missing token');
      const text = Buffer.from(await readBody(req, MAX_FORM_BYTES)).toString('utf8');
      let data: { fix?: unknown };
      try {
        data = JSON.parse(text) as { fix?: unknown };
      } catch {
        throw new HttpError(400, '不是有效的 JSON / invalid JSON');
      }
      fix = data.fix;
      // addFix validates it against the schema and throws a FixesError naming the field.
    } else {
      fields = await readUrlencoded(req, MAX_FORM_BYTES, ctx.token, ctx.headerToken);
    }
    await oneAtATime(id!, async () => {
      const stored = await extractStored(ctx.workspace, id!);
      if (fields !== null) fix = fixFromForm(fields, stored.plan, ctx.date);
      await writeFixes(stored.fixesPath, addFix(stored.fixes, fix as Parameters<typeof addFix>[1]));
    });
    seeOther(res, `/notices/${id}`);
  }],
  ['POST', new RegExp(`^/notices/${ID}/build$`), async (req, res, [id], ctx) => {
    await formToken(req, ctx);
    await oneAtATime(id!, async () => {
      const { plan, source } = await extractStored(ctx.workspace, id!);
      await buildDocuments(plan, { outDir: buildDir(ctx, id!), date: ctx.date, source, workers: 0 });
    });
    seeOther(res, `/notices/${id}`);
  }],
  ['GET', new RegExp(`^/notices/${ID}/documents\\.zip$`), async (_req, res, [id], ctx) => {
    const build = await readBuild(buildDir(ctx, id!));
    if (build === null) throw new HttpError(404, '尚未生成 / not built yet');
    send(res, 200, 'application/zip', await zipBuild(buildDir(ctx, id!), build, ctx.date), { 'Content-Disposition': `attachment; filename="${id}.zip"` });
  }],
  // One unit's sheet: the name is looked up in the build's manifest, never joined into a path.
  ['GET', new RegExp(`^/notices/${ID}/units/([^/]+)\\.(docx|pdf)$`), async (_req, res, [id, encoded, ext], ctx) => {
    let unit: string;
    try {
      unit = decodeURIComponent(encoded!);
    } catch {
      throw notFound();
    }
    const entry = (await readBuild(buildDir(ctx, id!)))?.find((e) => e.unit === unit && e.format === ext);
    if (!entry) throw notFound();
    const bytes = await readFile(join(buildDir(ctx, id!), ...entry.path.split('/')));
    const type = ext === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    send(res, 200, type, bytes, { 'Content-Disposition': `attachment; filename="unit.${ext}"; filename*=UTF-8''${encodeURIComponent(entry.path.split('/').pop()!)}` });
  }],
  // Tracking (issue 17): the notice's ledgers handed out into <workspace>/track, returns collected, the bulletin.
  ['POST', new RegExp(`^/notices/${ID}/track$`), async (req, res, [id], ctx) => {
    await formToken(req, ctx);
    await oneAtATime(id!, async () => {
      const files = await noticeFiles(ctx.workspace, id!);
      if (files.length === 0) throw notFound();
      const found = await findFixesFor(files);
      const { trackInit } = await import('../api/track.js');
      await trackInit(files, { workspace: trackDir(ctx), date: ctx.date, ...(found === null ? {} : { fixes: await readFixes(found), fixesPath: found }) });
    });
    seeOther(res, '/track');
  }],
  ['GET', /^\/track$/, async (_req, res, _p, ctx) => send(res, 200, HTML, trackPage({ token: ctx.token, asOf: ctx.date, status: await trackStatusText(ctx) }))],
  ['POST', /^\/track\/returns$/, async (req, res, _p, ctx) => {
    const form = await readMultipart(req, ctx.limits, ctx.token, ctx.headerToken);
    if (form.files.length === 0) throw new HttpError(400, '没有台账文件 / no ledger in the upload');
    if ((await trackData(ctx)) === null) throw new HttpError(400, '尚未跟踪任何方案 / no plan tracked yet');
    // Each file is kept under a name of its position and kind (read from its first bytes), never the client's name.
    const inbox = await mkdtemp(join(trackDir(ctx), '.inbox-'));
    const collected: CollectLine[] = [];
    try {
      const paths = await Promise.all(form.files.map(async (f, i) => {
        const kind = f.bytes[0] === 0xd0 && f.bytes[1] === 0xcf ? 'xls' : 'xlsx';
        const at = join(inbox, `${String(i + 1).padStart(3, '0')}.${kind}`);
        await writeFile(at, f.bytes);
        return at;
      }));
      const { trackCollect } = await import('../api/track.js');
      const outcomes = await trackCollect(paths, { workspace: trackDir(ctx), asOf: ctx.date });
      outcomes.forEach((o, i) => {
        const name = displayName(form.files[i]!.name);
        collected.push(o.state === 'failed'
          ? { name, failed: true, line: `${name}: ${o.error.replace(/^\S*\d{3}\.xlsx?: /, '')}` }
          : { name, failed: false, line: `${name} ${o.unit} ${o.round}: ${o.reports} 条 (${o.state === 'new' ? '新 / new' : '已收过 / collected before'})${o.warnings.length ? `；${o.warnings.join('；')}` : ''}` });
      });
    } finally {
      await rm(inbox, { recursive: true, force: true });
    }
    send(res, 200, HTML, trackPage({ token: ctx.token, asOf: ctx.date, status: await trackStatusText(ctx), collected }));
  }],
  ['POST', /^\/track\/report$/, async (req, res, _p, ctx) => {
    await formToken(req, ctx);
    const data = await trackData(ctx);
    if (data === null) throw new HttpError(400, '尚未跟踪任何方案 / no plan tracked yet');
    const { trackStatus, bulletinFiles } = await import('../api/status.js');
    const files = await bulletinFiles(trackStatus(data, { asOf: ctx.date }), data, undefined, { date: ctx.date });
    send(res, 200, 'application/zip', writeZipOf(files.map((f) => ({ name: f.path, data: f.bytes })), ctx.date), { 'Content-Disposition': `attachment; filename="bulletin.zip"; filename*=UTF-8''${encodeURIComponent(`督办通报-${ctx.date}.zip`)}` });
  }],
];

/** Paths served without the token: the script and style hold nothing of the workspace. */
const PUBLIC = new Set(['/app.js', '/app.css', '/favicon.ico']);

/** One cookie per port: cookies do not tell ports apart, and two servers may run side by side. */
const cookieName = (bound: Bound) => `fenjie-${bound.port}`;

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? newToken();
  const limits: FormLimits = { fileBytes: options.limits?.fileBytes ?? MAX_FILE_BYTES, totalBytes: options.limits?.totalBytes ?? MAX_TOTAL_BYTES, files: options.limits?.files ?? 30 };
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  let bound: Bound = { host, port: options.port ?? 0 };
  const server = createServer((req, res) => {
    const ctx: Context = { workspace: options.workspace, token, date, limits, headerToken: false };
    void (async () => {
      const refused = guard(req, bound);
      if (refused !== undefined) return refuse(req, res, refused, refused === 421 ? '主机名不符 / misdirected request' : '来源不符 / forbidden origin');
      const header = req.headers['x-fenjie-token'];
      ctx.headerToken = tokenMatches(Array.isArray(header) ? header[0] : header, token);
      let url: URL;
      try {
        url = new URL(req.url ?? '/', 'http://x');
      } catch {
        throw notFound();
      }
      const path = url.pathname;
      // Reading needs the token too: the pages show the notices and carry the token, and another user of a shared
      // machine can reach 127.0.0.1. The printed address (?token=…) sets it as a cookie and redirects to the page.
      if (req.method === 'GET' && !PUBLIC.has(path)) {
        if (tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
          res.writeHead(303, { ...SECURITY_HEADERS, 'Set-Cookie': `${cookieName(bound)}=${token}; HttpOnly; SameSite=Strict; Path=/`, Location: path, 'Cache-Control': 'no-store' });
          return res.end();
        }
        if (!ctx.headerToken && !tokenMatches(cookie(req, cookieName(bound)), token)) throw new HttpError(403, '请打开 fenjie serve 打印的地址 / open the address fenjie serve printed (with its token)');
      }
      for (const [method, pattern, handler] of ROUTES) {
        const m = pattern.exec(path);
        if (m && method === req.method) return handler(req, res, m.slice(1), ctx);
      }
      // A POST to no route is refused without its token too: nothing answers an unauthenticated state change.
      if (req.method !== 'GET' && req.method !== 'HEAD' && !ctx.headerToken) throw new HttpError(403, '缺少令牌 / missing token');
      throw notFound();
    })().catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      if (error instanceof UploadTooLargeError || (error instanceof HttpError && error.status === 413)) {
        // Answer now; read and drop what the client still sends, up to one more limit, so it sees the answer.
        let drained = 0;
        req.on('data', (c: Buffer) => { drained += c.length; if (drained > limits.totalBytes) req.destroy(); });
        req.resume();
        return refuse(req, res, 413, error.message);
      }
      if (error instanceof HttpError) return refuse(req, res, error.status, error.message);
      if (error instanceof FixesError || error instanceof IngestError) return refuse(req, res, 400, error.message.replace(options.workspace, '…'));
      refuse(req, res, 500, `内部错误 / internal error: ${error instanceof Error ? error.message : 'error'}`);
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
