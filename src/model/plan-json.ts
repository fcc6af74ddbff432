// A Plan as JSON: stable (the same Plan, the same bytes), safe for a terminal, and for large plans written as UTF-8 bytes
// a piece at a time. JSON.stringify(value, null, 2) without the whole text ever being one string: large arrays and the
// top levels are written element by element, everything else by JSON.stringify, in chunks of ~1 MB. At 100× the
// sample plan.json is ~150 MB of text; as one string, then its escaped copy, then its UTF-8 copy, it alone took a
// 512 MB heap (40,000 tasks aborted `extract -o`).
import path from 'node:path';
import type { Plan } from './schema.js';

/** Arrays longer than this, and objects above this depth, are written a member at a time. */
const WIDE = 32;
const DEEP = 3;
const CHUNK = 1 << 20;

export function jsonBytes(value: unknown, escape: (text: string) => string = (t) => t): Buffer {
  const buffers: Buffer[] = [];
  let pending: string[] = [];
  let size = 0;
  const emit = (text: string): void => {
    pending.push(text);
    size += text.length;
    if (size >= CHUNK) flush();
  };
  const flush = (): void => {
    if (pending.length) buffers.push(Buffer.from(escape(pending.join(''))));
    pending = [];
    size = 0;
  };
  write(value, 0, emit);
  emit('\n');
  flush();
  return Buffer.concat(buffers);
}

function write(value: unknown, depth: number, emit: (text: string) => void): void {
  const pad = '  '.repeat(depth);
  const inner = `${pad}  `;
  if (Array.isArray(value) && (value.length > WIDE || depth < DEEP) && value.length > 0) {
    emit('[');
    value.forEach((item, i) => {
      emit(`${i ? ',' : ''}\n${inner}`);
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') emit('null');
      else write(item, depth + 1, emit);
    });
    emit(`\n${pad}]`);
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < DEEP && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
    if (entries.length === 0) return emit('{}');
    emit('{');
    entries.forEach(([key, v], i) => {
      emit(`${i ? ',' : ''}\n${inner}${JSON.stringify(key)}: `);
      write(v, depth + 1, emit);
    });
    emit(`\n${pad}}`);
    return;
  }
  const text = JSON.stringify(value, null, 2);
  emit(depth === 0 ? text : text.replace(/\n/g, `\n${pad}`));
}

/** Characters JSON.stringify leaves as they are that a terminal would act on: written as \u escapes (same JSON value). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with DEL, C1 controls and bidi controls escaped; C0 controls are escaped by JSON.stringify already. */
export function safeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Stable JSON: the same Plan always serialises to the same bytes. Characters a terminal would act on are \u escapes.
 * `at` is where the file goes: `source.path` is then written relative to its folder (as the readers of a plan.json
 * resolve it), unless it is absolute.
 */
export function planToJson(plan: Plan, at?: string): string {
  return safeJson(`${JSON.stringify(placed(plan, at), null, 2)}\n`);
}

function placed(plan: Plan, at: string | undefined): Plan {
  if (at === undefined) return plan;
  const folder = path.dirname(path.resolve(at));
  const place = (p: string) => (path.isAbsolute(p) ? p : relativeTo(folder, p));
  const files = plan.source.files?.map((f) => ({ ...f, path: place(f.path) }));
  return { ...plan, source: { ...plan.source, path: place(plan.source.path), ...(files ? { files } : {}) } };
}

/** planToJson's bytes (UTF-8), written a piece at a time (plan-json.ts): never the whole text as one string. */
export function planToJsonBytes(plan: Plan, at?: string): Uint8Array {
  return jsonBytes(placed(plan, at), safeJson);
}

/**
 * `file` (relative to the current folder) as a path relative to `folder`, with / on every system; absolute when the
 * two share no folder but the root (/tmp/out and /work/input: ../../work/input helps no one).
 */
function relativeTo(folder: string, file: string): string {
  const absolute = path.resolve(file);
  const top = (p: string) => p.split(path.sep)[1];
  if (top(folder) !== top(absolute)) return absolute.split(path.sep).join('/');
  return path.relative(folder, absolute).split(path.sep).join('/');
}
