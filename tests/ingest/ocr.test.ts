// --ocr on a scan: only where the machine has Debian's tesseract (chi_sim) and poppler (pdftoppm); skipped elsewhere
// with the reason. The "scan" is the ruled-table fixture drawn as an image (pdftoppm) inside an image-only PDF.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { extractIngested } from '../../src/index.js';
import { ingest } from '../../src/ingest/index.js';

const tools = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('chi_sim') && spawnSync('pdftoppm', ['-v']).status === 0;
if (!tools) console.log('ocr.test: skipped — needs tesseract-ocr-chi-sim and poppler-utils (apt-get install tesseract-ocr-chi-sim poppler-utils)');

describe.skipIf(!tools)('--ocr', () => {
  it('reads a scanned page, marks every span read so, and says so', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fenjie-ocr-'));
    try {
      execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-singlefile', 'tests/fixtures/formats/table.pdf', join(dir, 'scan')]);
      const scan = await new Promise<Uint8Array>((resolve) => {
        const doc = new PDFDocument({ size: 'A4', margin: 0 });
        const chunks: Buffer[] = [];
        doc.on('data', (c: Buffer) => chunks.push(c));
        doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
        doc.image(readFileSync(join(dir, 'scan.png')), 0, 0, { width: 595 });
        doc.end();
      });
      await expect(ingest(scan, 'scan.pdf')).rejects.toThrow(/OCR/);
      const ingested = await ingest(scan, 'scan.pdf', { ocr: true });
      expect(ingested.text).toContain('城市更新');
      expect(ingested.ocr).toEqual([{ start: 0, end: ingested.text.trimEnd().length, page: 1 }]);
      expect(ingested.warnings?.join()).toMatch(/OCR/);
      const plan = extractIngested(ingested, 'scan.pdf', scan).plan;
      const tasks = plan.annexes.flatMap((a) => a.tasks);
      expect(tasks.length).toBeGreaterThan(0);
      expect([plan.annexes[0].span, ...tasks.map((t) => t.span), ...plan.diagnostics.flatMap((d) => (d.span ? [d.span] : []))].every((s) => s.ocr === true && s.page === 1)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
