// JSON.stringify(value, null, 2), as UTF-8 bytes, without the whole text ever being one string: large arrays and the
// top levels are written element by element, everything else by JSON.stringify, in chunks of ~1 MB. At 100× the
// sample plan.json is ~150 MB of text; as one string, then its escaped copy, then its UTF-8 copy, it alone took a
// 512 MB heap (40,000 tasks aborted `extract -o`).

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
