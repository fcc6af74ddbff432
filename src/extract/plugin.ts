// Extraction as a unified transformer: `unified().use(noticeParser).use(noticeExtractor, settings)`, run on the
// tree once; the result lands on `file.data.extracted` and the findings are the file's messages — the way remark
// plugins work. The settings are the text's views, the ingest metadata, the lexicon and the reading options.
import type { Plugin } from 'unified';
import type { IngestMeta } from '../ingest/types.js';
import type { NormalizedText } from '../normalize/index.js';
import type { RootNode } from '../parse/types.js';
import type { LineIndex } from '../text/position.js';
import { extractPlan, type ExtractOptions, type ExtractResult } from './plan.js';

export interface ExtractSettings extends ExtractOptions {
  /** the source and its same-length views: the tree's offsets are offsets into each */
  readonly text: NormalizedText;
  /** what ingest read besides the text (a portal page's 文号 and date) */
  readonly meta: IngestMeta;
  /** one line index over the source, shared with the diagnostics' line:column */
  readonly index: LineIndex;
}

declare module 'vfile' {
  interface DataMap {
    /** what noticeExtractor read from the tree */
    extracted: ExtractResult;
  }
}

declare module 'vfile-message' {
  interface VFileMessage {
    /** the annex (A3) a finding belongs to, or null */
    annex?: string | null;
    /** the task (A3.T6) a finding belongs to, or null */
    task?: string | null;
  }
}

/** The unified plugin that reads the Plan's content from a notice tree onto `file.data.extracted`. */
export const noticeExtractor: Plugin<[ExtractSettings], RootNode, RootNode> = function (settings) {
  return (tree, file) => {
    file.data.extracted = extractPlan(tree, settings.text, file, settings.meta, settings, settings.index);
  };
};
