#!/usr/bin/env node
// Installed entry point: runs the TypeScript CLI through tsx so `npm link` needs no build step.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
