import { describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { guard, newToken, tokenMatches, SECURITY_HEADERS } from '../../src/serve/security.js';
import { checkSizes, displayName, storeUploads, UploadTooLargeError, MAX_FILE_BYTES } from '../../src/serve/uploads.js';

const bound = { host: '127.0.0.1', port: 4321 };

describe('serve guards', () => {
  it('refuses a forged Host with 421', () => {
    expect(guard({ method: 'GET', headers: { host: 'evil.example:4321' } }, bound)).toBe(421);
    expect(guard({ method: 'GET', headers: {} }, bound)).toBe(421);
    expect(guard({ method: 'GET', headers: { host: '127.0.0.1:4321' } }, bound)).toBeUndefined();
    expect(guard({ method: 'GET', headers: { host: 'localhost:4321' } }, bound)).toBeUndefined();
  });
  it('refuses a cross-origin POST with 403, accepts same origin or none', () => {
    const host = '127.0.0.1:4321';
    expect(guard({ method: 'POST', headers: { host, origin: 'http://evil.example' } }, bound)).toBe(403);
    expect(guard({ method: 'POST', headers: { host, origin: 'http://127.0.0.1:4321' } }, bound)).toBeUndefined();
    expect(guard({ method: 'POST', headers: { host } }, bound)).toBeUndefined();
  });
  it('a missing or wrong token does not match', () => {
    const token = newToken();
    expect(tokenMatches(undefined, token)).toBe(false);
    expect(tokenMatches('x', token)).toBe(false);
    expect(tokenMatches(token, token)).toBe(true);
    expect(newToken()).not.toBe(token);
  });
  it('sends a strict CSP', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("default-src 'none'");
    expect(SECURITY_HEADERS['Content-Security-Policy']).not.toContain('unsafe-inline');
  });
});

describe('serve uploads', () => {
  it('refuses an oversize file', () => {
    expect(() => checkSizes([{ name: 'a.txt', bytes: new Uint8Array(MAX_FILE_BYTES + 1) }])).toThrow(UploadTooLargeError);
  });
  it('keeps a path-like file name inside the workspace, as display text only', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'fenjie-serve-'));
    const { files } = await storeUploads(ws, [{ name: '../../x.txt', bytes: new TextEncoder().encode('关于印发方案的通知\n') }]);
    expect(files[0]!.displayName).toBe('x.txt');
    expect(relative(ws, files[0]!.path).startsWith('notices/')).toBe(true);
    expect(files[0]!.path.endsWith('/1.txt')).toBe(true);
    expect(await readFile(files[0]!.path, 'utf8')).toContain('通知');
    expect(await readdir(ws)).toEqual(['notices']);
    expect(displayName('..')).toBe('file');
  });
});
