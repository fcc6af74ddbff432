// A full garbage collection between the large documents of a large build. V8 grows its heap rather than collect
// while it may (the default limit here is ~4 GB), so a 100× build whose documents each needed 400–800 MB in turn
// peaked at 2–3 GB of memory. Collecting once a document is written keeps the peak near the largest document.
// V8 offers gc() only with --expose-gc; the flag is set here and the function taken from a fresh context, once.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** Run a full collection now (a no-op where V8 will not expose one). */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      gc = runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}
