// fenjie's programmatic API: read → normalize → parse → extract → validate. The CLI calls only these.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { diagnosticsOf } from './diagnostics/index.js';
import { compileLexicon, LexiconData, LexiconError, type Lexicon } from './extract/lexicon.js';
import { extractPlan, type ExtractOptions } from './extract/plan.js';
import { ingest, IngestError, type Ingested, type IngestOptions } from './ingest/index.js';
import { attachPlaces } from './ingest/provenance.js';
import { Plan, SCHEMA_VERSION } from './model/schema.js';
import { normalizeText } from './normalize/index.js';
import { noticeParser } from './parse/index.js';
import type { RootNode } from './parse/types.js';
import { LineIndex } from './text/position.js';

export type { ExtractOptions } from './extract/plan.js';
export { compileLexicon, defaultLexicon, DEFAULT_LEXICON, LexiconData, LexiconError, type Lexicon } from './extract/lexicon.js';
export { IngestError } from './ingest/index.js';
export * from './model/schema.js';

export interface ExtractedNotice {
  readonly plan: Plan;
  /** the decoded source text every span points into */
  readonly source: string;
  readonly tree: RootNode;
}

/** Extract a Plan from an already ingested source. Pure apart from the clock-free hash. */
export function extractIngested(ingested: Ingested, path: string, bytes: Uint8Array, options: ExtractOptions = {}): ExtractedNotice {
  const text = normalizeText(ingested.text);
  const file = new VFile({ path, value: text.parse });
  const tree = unified().use(noticeParser, { documentStarts: ingested.documentStarts }).parse(file) as RootNode;
  for (const warning of ingested.warnings ?? []) {
    const message = file.message(warning, { ruleId: 'ingest', source: 'fenjie:ingest' });
    message.fatal = false;
  }
  // One line index over the source serves extraction and the diagnostics' line:column.
  const index = new LineIndex(text.source);
  const result = extractPlan(tree, text, file, ingested.meta, options, index);
  const pages = ingested.places?.reduce((n, p) => Math.max(n, p.page ?? 0), 0) || undefined;
  const sha256 = ingested.files
    ? createHash('sha256')
        .update(ingested.files.map((f) => `${f.sha256}  ${f.path}\n`).join(''))
        .digest('hex')
    : createHash('sha256').update(bytes).digest('hex');
  const plan = Plan.parse({
    schemaVersion: SCHEMA_VERSION,
    source: {
      path,
      sha256,
      format: ingested.format,
      encoding: ingested.encoding,
      script: text.script,
      chars: text.source.length,
      lines: index.lineCount,
      ...(pages && !ingested.files ? { pages } : {}),
      ...(ingested.files ? { files: ingested.files } : {}),
    },
    notice: result.notice,
    goals: result.goals,
    annexes: result.annexes,
    units: result.units,
    diagnostics: diagnosticsOf(file, index),
  });
  // Pages, sheets and files onto every span (the Plan's spans are fresh objects from the schema's parse).
  attachPlaces(plan, ingested.places ?? [], ingested.ocr);
  return { plan, source: text.source, tree };
}

/** Inputs larger than this are refused before reading: a notice is kilobytes; 100× the sample is about 10 MB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface ReadOptions extends ExtractOptions {
  /** Refuse an input larger than this many bytes before reading it (default: MAX_INPUT_BYTES). */
  readonly maxBytes?: number;
  /** Read scanned PDF pages by OCR (Debian tesseract-ocr-chi-sim and poppler-utils) (default: false). */
  readonly ocr?: boolean;
}

/** A file's bytes, refused before reading when larger than the limit. Throws IngestError. */
export async function readInput(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  try {
    const { size } = await stat(path);
    if (size > maxBytes) throw new IngestError(`${path}: 文件过大 (file too large: ${(size / 2 ** 20).toFixed(1)} MB, limit ${(maxBytes / 2 ** 20).toFixed(0)} MB)`, path, 'too-large');
    return await readFile(path);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'read-failed';
    const why = code === 'ENOENT' ? '文件不存在 (no such file)' : code === 'EISDIR' ? '这是一个目录 (is a directory)' : code === 'EACCES' ? '没有读取权限 (permission denied)' : `无法读取 (${code})`;
    throw new IngestError(why, path, code);
  }
}

const ingestOptions = (options: ReadOptions): IngestOptions => (options.ocr ? { ocr: true } : {});

/** Read a notice file (.txt, .html, .docx, .pdf, .doc, .wps, .xlsx, .xls, .ofd) and extract its Plan. Throws IngestError for unreadable input. */
export async function extractNotice(path: string, options: ReadOptions = {}): Promise<ExtractedNotice> {
  const bytes = await readInput(path, options.maxBytes);
  const ingested = await ingest(bytes, path, ingestOptions(options));
  return extractIngested(ingested, path, bytes, options);
}

/**
 * Read a notice given as several files, or a folder of them (the notice and its annexes, see ingest/files.ts), as one
 * Plan. One path that is a file reads as extractNotice does. Throws IngestError for unreadable input.
 */
export async function extractFiles(paths: readonly string[], options: ReadOptions = {}): Promise<ExtractedNotice> {
  const { ingestFiles, listInputs } = await import('./ingest/files.js');
  const files = await listInputs(paths);
  if (files.length === 1 && paths.length === 1 && files[0] === paths[0]) return extractNotice(paths[0], options);
  const inputs = [];
  let total = 0;
  for (const path of files) {
    const bytes = await readInput(path, options.maxBytes);
    total += bytes.length;
    if (total > (options.maxBytes ?? MAX_INPUT_BYTES)) throw new IngestError(`${path}: 输入文件合计过大 (the files add up to more than ${((options.maxBytes ?? MAX_INPUT_BYTES) / 2 ** 20).toFixed(0)} MB)`, path, 'too-large');
    inputs.push({ path, bytes });
  }
  const ingested = await ingestFiles(inputs, ingestOptions(options));
  return extractIngested(ingested, paths[0], new Uint8Array(), options);
}

/**
 * Read a user's lexicon (JSON, see `LexiconData`: local unit names, more role words…) and compile it on top of the
 * shipped one. Throws LexiconError naming the file and the first field that does not fit.
 */
export async function loadLexicon(path: string): Promise<Lexicon> {
  let data: unknown;
  try {
    const { size } = await stat(path);
    if (size > 4 * 2 ** 20) throw new LexiconError(`${path}: 词表文件过大 (lexicon larger than 4 MB)`, path);
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    if (error instanceof LexiconError) throw error;
    const e = error as NodeJS.ErrnoException;
    throw new LexiconError(`${path}: ${e.code === 'ENOENT' ? '文件不存在 (no such file)' : `不是有效的 JSON (invalid JSON: ${e.message})`}`, path);
  }
  const parsed = LexiconData.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LexiconError(`${path}: 词表格式不符 (lexicon): ${issue.path.join('.') || '(root)'}: ${issue.message}`, path);
  }
  return compileLexicon(parsed.data);
}
