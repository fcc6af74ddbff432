// Shared state of one extraction: the text views, positions and the message sink.
import type { VFile } from 'vfile';
import type { Deadline, Span, Target } from '../model/schema.js';
import type { NormalizedText } from '../normalize/index.js';
import { LineIndex } from '../text/position.js';
import type { DeadlineMatch } from './deadlines.js';
import type { LineClauses } from './find-clauses.js';
import { defaultLexicon, type Lexicon } from './lexicon.js';
import type { TargetMatch } from './targets.js';

/** What a finding saw and what it would accept instead (vfile's `actual` / `expected`): 区财政局区商务局 → 区财政局、区商务局. */
export interface Found {
  readonly actual?: string;
  readonly expected?: readonly string[];
}

export interface Where {
  readonly annex?: string | null;
  readonly task?: string | null;
}

export class ExtractContext {
  readonly index: LineIndex;
  /** clause readings per line start, shared by the passes that look for clauses */
  readonly clauseCache = new Map<number, LineClauses>();
  /** the names of the places the issuer governs (南湖, 武陵源): a unit named by its place has its own level */
  places: readonly string[] = [];

  constructor(
    readonly text: NormalizedText,
    readonly file: VFile,
    index?: LineIndex,
    /** the genre lexicon every recogniser reads through */
    readonly lex: Lexicon = defaultLexicon,
  ) {
    this.index = index ?? new LineIndex(text.source);
  }

  span(start: number, end: number): Span {
    return this.index.span(start, end);
  }

  /** The source as written (traditional stays traditional): what `raw` fields hold. */
  raw(start: number, end: number): string {
    return this.text.source.slice(start, end);
  }

  /** Simplified text with the document's own punctuation: what text fields hold. */
  display(start: number, end: number): string {
    return this.text.display.slice(start, end);
  }

  /** The parse view: half-width punctuation, simplified. */
  parse(start: number, end: number): string {
    return this.text.parse.slice(start, end);
  }

  mention(start: number, end: number): { raw: string; span: Span } {
    return { raw: this.raw(start, end), span: this.span(start, end) };
  }

  /** A unit as written in an assignment: raw and span, and the same again as `mention` (the plan.json contract's name). */
  unitWritten(start: number, end: number): { raw: string; span: Span; mention: { raw: string; span: Span } } {
    const written = this.mention(start, end);
    return { ...written, mention: written };
  }

  /** A target found in the text, grounded in the source. */
  target(t: TargetMatch): Target {
    return { indicator: t.indicator, verb: t.verb, value: t.value, unit: t.unit, qualifier: t.qualifier, ...this.mention(t.start, t.end) };
  }

  /** A deadline found in the text, grounded in the source. */
  deadline(d: DeadlineMatch): Deadline {
    return { kind: d.kind, date: d.date, period: d.period, ...this.mention(d.start, d.end) };
  }

  /** Attach a diagnostic to the file, vfile-style. `fatal: false` is a warning, `undefined` is info. */
  report(severity: 'error' | 'warning' | 'info', ruleId: string, reason: string, start: number | null, end: number | null, where: Where = {}, found: Found = {}): void {
    const place = start === null ? undefined : { start: this.index.point(start), end: this.index.point(end ?? start) };
    const message = this.file.message(reason, { place, ruleId, source: 'fenjie:extract' });
    message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined;
    message.annex = where.annex ?? null;
    message.task = where.task ?? null;
    if (found.actual !== undefined) message.actual = found.actual;
    if (found.expected !== undefined) message.expected = [...found.expected];
  }
}
