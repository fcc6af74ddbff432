// --ocr: scanned pages read by Debian's tesseract (chi_sim) on images drawn by poppler's pdftoppm, only when the
// machine has both. OCR silently changes figures (95% read as 25%), so every stretch read this way is marked (the
// spans get `ocr: true`, the review page flags them). Nothing is installed or fetched from here.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { IngestError } from '../types.js';
import { resolveGaps, GAP } from './layout.js';

const run = promisify(execFile);
/** Per page: drawing the image and reading it (tesseract takes ~10 s a page on this kind of machine). */
const PAGE_TIMEOUT_MS = 120_000;

async function has(command: string, args: readonly string[]): Promise<boolean> {
  try {
    await run(command, [...args], { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/** The text of each page (by number), one line per line tesseract found; refused when the tools are missing. */
export async function ocrPages(bytes: Uint8Array, pages: readonly number[], path: string): Promise<Map<number, string[]>> {
  const [tesseract, pdftoppm] = await Promise.all([has('tesseract', ['--list-langs']), has('pdftoppm', ['-v'])]);
  const langs = tesseract ? (await run('tesseract', ['--list-langs'])).stdout : '';
  if (!tesseract || !pdftoppm || !/\bchi_sim\b/.test(langs)) {
    throw new IngestError(
      `${path}: --ocr 需要 tesseract 中文语言包和 pdftoppm (OCR needs Debian's tesseract-ocr, tesseract-ocr-chi-sim and poppler-utils: apt-get install tesseract-ocr-chi-sim poppler-utils)`,
      path,
      'ocr-unavailable',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'fenjie-ocr-'));
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, bytes);
    const out = new Map<number, string[]>();
    for (const n of pages) {
      const image = join(dir, `page-${n}`);
      await run('pdftoppm', ['-r', '300', '-gray', '-png', '-singlefile', '-f', String(n), '-l', String(n), pdf, image], { timeout: PAGE_TIMEOUT_MS });
      const { stdout } = await run('tesseract', [`${image}.png`, 'stdout', '-l', 'chi_sim', '--psm', '6'], { timeout: PAGE_TIMEOUT_MS, maxBuffer: 16 << 20 });
      // tesseract spaces out Chinese characters; a space stays only between two narrow ones.
      out.set(
        n,
        stdout
          .split('\n')
          .map((l) => resolveGaps(l.trim().replace(/\s+/g, GAP)))
          .filter((l) => l !== ''),
      );
      await rm(`${image}.png`, { force: true });
    }
    return out;
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    throw new IngestError(`${path}: OCR 失败 (OCR failed: ${reason})`, path, 'ocr-failed');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
