// The public API of reading: notice file(s) → read → normalize → parse → extract → validate → Plan.
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { diagnosticsOf } from '../diagnostics/index.js';
import { applyFixes } from '../fixes/apply.js';
import type { FixesFile } from '../fixes/schema.js';
import { compileLexicon, LexiconData, LexiconError, type Lexicon } from '../extract/lexicon.js';
import type { ExtractOptions } from '../extract/plan.js';
import { noticeExtractor } from '../extract/plugin.js';
import { ingest, IngestError, type Ingested, type IngestOptions } from '../ingest/index.js';
import { attachPlaces } from '../ingest/provenance.js';
import { readFileBounded } from '../ingest/read-file.js';
import { Plan, SCHEMA_VERSION } from '../model/schema.js';
import { normalizeText, type NormalizedText } from '../normalize/index.js';
import { noticeParser } from '../parse/index.js';
import type { RootNode } from '../parse/types.js';
import { codePointLabel } from '../text/invisible.js';
import { LineIndex } from '../text/position.js';

export type { ExtractOptions } from '../extract/plan.js';
export { compileLexicon, defaultLexicon, DEFAULT_LEXICON, LexiconData, type Lexicon } from '../extract/lexicon.js';
export { formatDiagnostics } from '../diagnostics/index.js';
export { targetConsistency } from '../model/consistency.js';
export * from '../model/schema.js';

export interface ExtractedNotice {
  readonly plan: Plan;
  /** the decoded source text every span points into */
  readonly source: string;
  readonly tree: RootNode;
}

/**
 * Extract a Plan from a source already read by ingest (no I/O; deterministic).
 *
 * @param ingested the decoded text and what the reader learnt (format, encoding, pages, files)
 * @param path the path recorded as `source.path`
 * @param bytes the file's bytes, for `source.sha256` (ignored when `ingested.files` lists several files)
 * @param options `firstListedLead` (default false), `lexicon` (default: the shipped one), `fixes` (default none: see
 *   FixOptions; each fix applied is an info diagnostic `fix-applied`, each stale one a warning `stale-fix`)
 * @returns the Plan, the source text its spans point into, and the parsed tree
 */
export function extractIngested(ingested: Ingested, path: string, bytes: Uint8Array, options: ExtractOptions & FixOptions = {}): ExtractedNotice {
  const text = normalizeText(ingested.text);
  const file = new VFile({ path, value: text.parse });
  // One line index over the source serves extraction and the diagnostics' line:column.
  const index = new LineIndex(text.source);
  const processor = unified()
    .use(noticeParser, { documentStarts: ingested.documentStarts })
    .use(noticeExtractor, { ...options, text, meta: ingested.meta, index });
  const warn = (reason: string, ruleId: string, source: string, start?: number, end?: number) => {
    const place = start === undefined ? undefined : { start: index.point(start), end: index.point(end ?? start) };
    file.message(reason, { place, ruleId, source }).fatal = false;
  };
  for (const warning of ingested.warnings ?? []) warn(warning, 'ingest', 'fenjie:ingest');
  for (const note of ingested.notes ?? []) warn(note.message, note.ruleId, 'fenjie:ingest', note.start, note.end);
  reportInvisible(text.invisible, warn);
  const tree = processor.parse(file) as RootNode;
  processor.runSync(tree, file);
  const result = file.data.extracted!;
  const pages = ingested.places?.reduce((n, p) => Math.max(n, p.page ?? 0), 0) || undefined;
  const sha256 = ingested.files
    ? createHash('sha256')
        .update(ingested.files.map((f) => `${f.sha256}  ${f.path}\n`).join(''))
        .digest('hex')
    : createHash('sha256').update(bytes).digest('hex');
  let plan = Plan.parse({
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
  // Corrections: after extraction, before validation (so what a fix made is checked as what was read is).
  if (options.fixes) plan = Plan.parse(applyFixes(plan, options.fixes, text.source, { file: options.fixesPath }).plan);
  // Pages, sheets and files onto every span (the Plan's spans are fresh objects from the schema's parse).
  attachPlaces(plan, ingested.places ?? [], ingested.ocr, ingested.boxes);
  return { plan, source: text.source, tree };
}

/** Invisible characters told about one by one; past this, one message says how many more. */
const MAX_INVISIBLE_REPORTS = 20;

/** Where the source holds invisible characters (spaces in the parse view): a name holding one is not the name it shows. */
function reportInvisible(runs: NormalizedText['invisible'], warn: (reason: string, ruleId: string, source: string, start?: number, end?: number) => void): void {
  for (const run of runs.slice(0, MAX_INVISIBLE_REPORTS)) {
    const labels = [...new Set(Array.from(run.chars, codePointLabel))].join(' ');
    warn(`不可见字符 ${labels},按空格读取 (invisible character read as a space: a name holding it is not the name it shows)`, 'invisible-character', 'fenjie:normalize', run.start, run.end);
  }
  if (runs.length > MAX_INVISIBLE_REPORTS) {
    const at = runs[MAX_INVISIBLE_REPORTS].start;
    warn(`另有 ${runs.length - MAX_INVISIBLE_REPORTS} 处不可见字符 (${runs.length - MAX_INVISIBLE_REPORTS} more runs of invisible characters)`, 'invisible-character', 'fenjie:normalize', at, at);
  }
}

/**
 * Inputs larger than this are refused: a notice is kilobytes; 100× the sample is about 10 MB. Counted while reading,
 * so devices and FIFOs (which stat() reports as empty) are held to it too.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

export interface FixOptions {
  /** A corrections file to apply after extraction (see readFixes, `*.fixes.json`); default none. */
  readonly fixes?: FixesFile;
  /** Its path, named in the diagnostics of applied and stale fixes (default: "fixes"). */
  readonly fixesPath?: string;
}

export interface ReadOptions extends ExtractOptions, FixOptions {
  /** Refuse an input larger than this many bytes before reading it (default: MAX_INPUT_BYTES). */
  readonly maxBytes?: number;
  /** Read scanned PDF pages by OCR (Debian tesseract-ocr-chi-sim and poppler-utils) (default: false). */
  readonly ocr?: boolean;
}

/** A file's bytes, read with a count (a device or FIFO reports no size) and refused past the limit. Throws IngestError. */
export async function readInput(path: string, maxBytes = MAX_INPUT_BYTES): Promise<Uint8Array> {
  return readFileBounded(path, maxBytes);
}

const ingestOptions = (options: ReadOptions): IngestOptions => (options.ocr ? { ocr: true } : {});

/**
 * Read a notice file (.txt, .html, .docx, .pdf, .doc, .wps, .xlsx, .xls, .ofd) and extract its Plan.
 *
 * @param path the file
 * @param options `maxBytes` (default MAX_INPUT_BYTES), `ocr` (default false), `fixes` (default none), and the ExtractOptions
 * @returns the Plan, its source text and tree (see extractIngested)
 * @throws IngestError for input that cannot be read, naming the file and the place
 */
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
  const { ingestFiles, listInputs } = await import('../ingest/files.js');
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
    const bytes = await readFileBounded(path, 4 * 2 ** 20);
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    const message = error instanceof IngestError ? error.message.replace(/^.*?: /, '') : `不是有效的 JSON (invalid JSON: ${(error as Error).message})`;
    throw new LexiconError(`${path}: ${message}`, path);
  }
  const parsed = LexiconData.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LexiconError(`${path}: 词表格式不符 (lexicon): ${issue.path.join('.') || '(root)'}: ${issue.message}`, path);
  }
  return compileLexicon(parsed.data);
}
