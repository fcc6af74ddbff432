// fenjie's programmatic API: read → normalize → parse → extract → validate. The CLI calls only these.
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { diagnosticsOf } from './diagnostics/index.js';
import { extractPlan, type ExtractOptions } from './extract/plan.js';
import { ingest, type Ingested } from './ingest/index.js';
import { readFileBounded } from './ingest/read-file.js';
import { Plan, SCHEMA_VERSION } from './model/schema.js';
import { normalizeText, type NormalizedText } from './normalize/index.js';
import { noticeParser } from './parse/index.js';
import type { RootNode } from './parse/types.js';
import { codePointLabel } from './text/invisible.js';
import { LineIndex } from './text/position.js';

export type { ExtractOptions } from './extract/plan.js';
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
  const tree = unified().use(noticeParser).parse(file) as RootNode;
  // One line index over the source serves extraction and the diagnostics' line:column.
  const index = new LineIndex(text.source);
  const warn = (reason: string, ruleId: string, source: string, start?: number, end?: number) => {
    const place = start === undefined ? undefined : { start: index.point(start), end: index.point(end ?? start) };
    file.message(reason, { place, ruleId, source }).fatal = false;
  };
  for (const warning of ingested.warnings ?? []) warn(warning, 'ingest', 'fenjie:ingest');
  for (const note of ingested.notes ?? []) warn(note.message, note.ruleId, 'fenjie:ingest', note.start, note.end);
  reportInvisible(text.invisible, warn);
  const result = extractPlan(tree, text, file, ingested.meta, options, index);
  const plan = Plan.parse({
    schemaVersion: SCHEMA_VERSION,
    source: {
      path,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: ingested.format,
      encoding: ingested.encoding,
      script: text.script,
      chars: text.source.length,
      lines: index.lineCount,
    },
    notice: result.notice,
    goals: result.goals,
    annexes: result.annexes,
    units: result.units,
    diagnostics: diagnosticsOf(file, index),
  });
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

/** Read a notice file (.txt, .html, .docx) and extract its Plan. Throws IngestError for unreadable input. */
export async function extractNotice(path: string, options: ExtractOptions & { readonly maxBytes?: number } = {}): Promise<ExtractedNotice> {
  const bytes = await readFileBounded(path, options.maxBytes ?? MAX_INPUT_BYTES);
  const ingested = await ingest(bytes, path);
  return extractIngested(ingested, path, bytes, options);
}
