// Reading inputs within a byte limit: stat() says 0 bytes for devices and FIFOs, so the limit is counted while reading.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileBounded } from '../../src/ingest/read-file.js';
import { extractNotice, IngestError } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'fenjie-read-'));

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('readFileBounded', () => {
  it('stops reading a device that never ends (/dev/zero) one chunk past the limit', async () => {
    const error = await refusal(readFileBounded('/dev/zero', 1 << 20));
    expect(error.code).toBe('too-large');
    expect(error.message).toMatch(/\/dev\/zero: 文件过大 \(file too large: more than 1\.0 MB read, limit 1\.0 MB\)/);
    // The notice reader holds devices to the same limit.
    expect((await refusal(extractNotice('/dev/zero', { maxBytes: 1 << 20 }))).code).toBe('too-large');
  });

  it('reads a FIFO (a process substitution) to its end, and refuses one when only regular files will do', async () => {
    const fifo = join(dir, 'notice.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf '附件1\\n某方案\\n一、工作任务\\n1.任务甲。（区甲局牵头）\\n' > ${fifo}`]);
    const exited = new Promise((resolve) => writer.on('exit', resolve));
    const { plan } = await extractNotice(fifo);
    await exited;
    expect(plan.units.map((u) => u.name)).toEqual(['区甲局']);
    expect((await refusal(readFileBounded(fifo, 1 << 20, { regularOnly: true }))).code).toBe('not-a-file');
    expect((await refusal(readFileBounded('/dev/null', 1 << 20, { regularOnly: true }))).message).toMatch(/not a regular file/);
  });

  it('refuses a regular file over the limit before reading it, and names missing files and folders', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'x'.repeat(4096));
    expect((await refusal(readFileBounded(big, 1024))).code).toBe('too-large');
    expect((await refusal(readFileBounded(join(dir, 'missing.txt'), 1024))).code).toBe('ENOENT');
    expect((await refusal(readFileBounded(dir, 1024))).code).toBe('EISDIR');
    expect(Buffer.from(await readFileBounded(big, 4096)).toString()).toBe('x'.repeat(4096));
  });
});
