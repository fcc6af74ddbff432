// Worker threads started from source (tsx, vitest) have no TypeScript loader; register tsx, then run the worker.
// The compiled build starts dist/render/render-worker.js directly.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
