#!/usr/bin/env node
// Installed entry point: the compiled CLI (dist/, built by `npm install` through the prepare script); from a checkout
// without a build, the TypeScript source through tsx.
import { existsSync } from 'node:fs';
// First: the CLI's V8 tuning, before any of fenjie's modules load (see v8-tuning.js).
import './v8-tuning.js';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
