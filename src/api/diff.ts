// The public API of comparing: Plan × Plan → ChangeSet (tasks matched even when renumbered), and its reports.
export * from '../diff/index.js';
export * from '../render/changes/index.js';
