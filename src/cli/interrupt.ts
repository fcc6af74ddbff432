// Ctrl-C, SIGTERM (kill, a service manager) and SIGHUP (the terminal closed) all stop a run the same way: the
// command's AbortSignal fires (no new write or PDF starts), the writes and PDFs under way settle, this process's temp
// files are removed, and it exits with 128 + the signal's number. A second signal stops at once. SIGKILL cannot be
// handled: the next run into the folder removes what it left (io.ts removeStaleTempFiles).
import { escapeControls } from './terminal.js';

/** What one command asks of an interrupt: work to let settle first, then temp files to sweep. */
export interface WriteGuard {
  /** settles when the command's work under way has (its writes, a build's render workers), optional */
  readonly stop?: () => Promise<unknown>;
  /** remove this process's temp files, synchronously */
  readonly sweep: () => void;
}

export const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Handled = keyof typeof SIGNAL_EXIT;

const guards = new Set<WriteGuard>();
let stopping = false;
const interrupt = new AbortController();

/** Fires on the first SIGINT, SIGTERM or SIGHUP while writes are guarded: handed to every write and build. */
export const interrupted: AbortSignal = interrupt.signal;

function onSignal(signal: Handled): void {
  // The next signal of any kind takes the default action: the process ends at once.
  for (const s of Object.keys(SIGNAL_EXIT) as Handled[]) process.removeListener(s, handlers[s]);
  stopping = true;
  const active = [...guards];
  interrupt.abort(signal);
  void Promise.allSettled(active.map((g) => g.stop?.())).finally(() => {
    for (const guard of active) guard.sweep();
    try {
      process.stderr.write(escapeControls(`\nfenjie: 已中断 (${signal}),未写完的文件已删除 (interrupted; no partial files left)\n`));
    } catch {
      // the terminal may be gone (SIGHUP)
    }
    process.exit(SIGNAL_EXIT[signal]);
  });
}

const handlers = Object.fromEntries((Object.keys(SIGNAL_EXIT) as Handled[]).map((s) => [s, () => onSignal(s)])) as Record<Handled, () => void>;

/** Register `guard` while files are being written; returns its release. Handlers are installed on first use. */
export function guardWrites(guard: WriteGuard): () => void {
  if (!stopping && guards.size === 0) for (const s of Object.keys(SIGNAL_EXIT) as Handled[]) if (!process.listeners(s).includes(handlers[s])) process.on(s, handlers[s]);
  guards.add(guard);
  return () => {
    guards.delete(guard);
    if (guards.size === 0 && !stopping) for (const s of Object.keys(SIGNAL_EXIT) as Handled[]) process.removeListener(s, handlers[s]);
  };
}
