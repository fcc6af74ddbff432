// The errors the library throws on purpose, in one place: each carries a message that names the file and the place,
// written to be shown as it is (the CLI prints `fenjie: <message>`). Anything else thrown is a bug.
export { IngestError } from './ingest/types.js';
export { LexiconError } from './extract/lexicon.js';
export { TemplateError } from './render/templates.js';
export { WriteError, WritesStoppedError } from './render/write-atomic.js';

/** A plan.json that cannot be used: not JSON, another schema version, not a Plan, or inconsistent. */
export class PlanFileError extends Error {
  constructor(
    message: string,
    /** the plan.json's path, as given */
    readonly file: string,
  ) {
    super(message);
    this.name = 'PlanFileError';
  }
}

/** A corrections file (`*.fixes.json`) that cannot be used: not JSON, or an entry that is not a fix. */
export class FixesError extends Error {
  constructor(
    message: string,
    /** the corrections file's path, as given */
    readonly file: string,
  ) {
    super(message);
    this.name = 'FixesError';
  }
}

/** A tracking input that cannot be used (issue 17): a returned file that is no ledger of a recorded plan, a bad cell, no workspace. */
export class TrackError extends Error {
  constructor(
    message: string,
    /** the file or workspace at fault, as given */
    readonly file: string,
  ) {
    super(message);
    this.name = 'TrackError';
  }
}
