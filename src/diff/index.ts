// fenjie/diff: compare two Plans into a ChangeSet (Plan × Plan → ChangeSet); the reports are in render/changes.
export { diffPlans, type DiffOptions } from './diff-plans.js';
export { markCorrections } from './corrections.js';
export type { MatchThresholds } from './match-tasks.js';
export {
  ChangeSet,
  Change,
  ChangeKind,
  ChangeEntity,
  ChangeSummary,
  Match,
  RedlineSegment,
  CHANGESET_VERSION,
} from './schema.js';
export { redline, redlineNew, redlineOld, type RedlineOptions } from './redline.js';
