#!/usr/bin/env node
// Installed entry point: the compiled CLI (dist/, built by `npm install` through the prepare script); from a checkout
// without a build, the TypeScript source through tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
