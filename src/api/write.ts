// The public API of writing: whole files or nothing (a temp file beside the target, then a rename), stopped by an
// AbortSignal. Light on purpose: a CLI loads it at start-up.
export { makeFolders, TEMP_NAME, TEMP_PREFIX, writeFileAtomic } from '../render/write-atomic.js';
