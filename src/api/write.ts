// The public API of writing: whole files or nothing (a temp file beside the target, then a rename), and a way to stop
// every write of the process on a signal. Light on purpose: a CLI loads it at start-up.
export { makeFolders, stopWrites, TEMP_NAME, TEMP_PREFIX, writeFileAtomic } from '../render/write-atomic.js';
