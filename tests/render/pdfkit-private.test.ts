// PdfWriter sets text through pdfkit's private font objects when their shape is the one pdfkit-private.ts knows, and
// through pdfkit's public text() otherwise. The fallback is forced here (FENJIE_PDF_PUBLIC_TEXT, read when the
// module loads) and the PDFs it writes must hold the same text on the same pages as the fast route's.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DATE, freshDir, pdfPages, samplePlan } from './helpers.js';

async function buildPdfs(): Promise<{ dir: string; privateText: boolean }> {
  vi.resetModules();
  const { privateTextAvailable } = await import('../../src/render/pdf/pdfkit-private.js');
  const { buildDocuments } = await import('../../src/render/index.js');
  const dir = await freshDir('fenjie-pdfkit-');
  await buildDocuments(await samplePlan(), { date: DATE, outDir: dir, formats: ['pdf'], workers: 0 });
  return { dir, privateText: privateTextAvailable };
}

afterEach(() => {
  delete process.env.FENJIE_PDF_PUBLIC_TEXT;
});

describe('pdfkit private parts', () => {
  it('the installed pdfkit has the shape text is set through', async () => {
    vi.resetModules();
    expect((await import('../../src/render/pdf/pdfkit-private.js')).privateTextAvailable).toBe(true);
  });

  it('falls back to the public text API and writes the same text page by page', { timeout: 120_000 }, async () => {
    const fast = await buildPdfs();
    process.env.FENJIE_PDF_PUBLIC_TEXT = '1';
    const pub = await buildPdfs();
    expect(pub.privateText).toBe(false);
    const files = ['任务分解表.pdf', '责任矩阵.pdf', ...(await readdir(path.join(fast.dir, 'units'))).slice(0, 5).map((f) => `units/${f}`)];
    for (const file of files) {
      const want = await pdfPages(path.join(fast.dir, file));
      const got = await pdfPages(path.join(pub.dir, file));
      expect(got.length, file).toBe(want.length);
      // Spaces may be split or joined differently by pdf.js between the two routes; the characters are the same.
      expect(got.map((p) => p.replace(/\s+/g, '')), file).toEqual(want.map((p) => p.replace(/\s+/g, '')));
      expect(want.join('').length, file).toBeGreaterThan(50);
      // Not the same bytes: the public route really drew these.
      expect(Buffer.compare(await readFile(path.join(fast.dir, file)), await readFile(path.join(pub.dir, file))), file).not.toBe(0);
    }
  });
});
