// A character-level redline that reads well in Chinese: no one-character islands between edits.
import { diffChars } from 'diff';
import type { RedlineSegment } from './schema.js';

export interface RedlineOptions {
  /** Equal runs shorter than this between two edits are folded into the edit (default: 3). */
  readonly minEqual?: number;
}

/**
 * Why characters and not Intl.Segmenter words: the segmenter splits unit names (区|发展|和|改革|局) and numbers
 * oddly anyway, while characters plus folding of short equal runs gives whole-phrase edits such as
 * 增长[15→12]%左右 and keeps unchanged words intact. Numbers are edited whole (15→12, not 1[5→2]).
 */
export function redline(oldText: string, newText: string, options: RedlineOptions = {}): RedlineSegment[] {
  const minEqual = options.minEqual ?? 3;
  const raw: RedlineSegment[] = diffChars(oldText, newText).map((part) => ({
    op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
    text: part.value,
  }));
  return snapNumbers(coalesce(foldShortEquals(raw, minEqual)));
}

/** An equal run squeezed between edits (like 的 or 和) reads as noise; show it deleted and re-inserted. */
function foldShortEquals(segments: RedlineSegment[], minEqual: number): RedlineSegment[] {
  const out: RedlineSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const between = i > 0 && i < segments.length - 1 && segments[i - 1].op !== 'equal' && segments[i + 1].op !== 'equal';
    if (seg.op === 'equal' && between && Array.from(seg.text).length < minEqual) {
      out.push({ op: 'delete', text: seg.text }, { op: 'insert', text: seg.text });
    } else {
      out.push(seg);
    }
  }
  return out;
}

/** Each run of edits becomes one deletion followed by one insertion, never interleaved fragments. */
function coalesce(segments: RedlineSegment[]): RedlineSegment[] {
  const out: RedlineSegment[] = [];
  let del = '';
  let ins = '';
  const flush = (): void => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  for (const seg of segments) {
    if (seg.op === 'delete') del += seg.text;
    else if (seg.op === 'insert') ins += seg.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += seg.text;
      else out.push({ ...seg });
    }
  }
  flush();
  return out;
}

const NUMBER_TAIL = /[0-9.．]+$/u;
const NUMBER_HEAD = /^[0-9.．]+/u;
const DIGIT = /^[0-9.．]/u;

/** Widen each edit to whole numbers: a changed digit inside 15 shows as 15 → 12. Input is coalesced. */
function snapNumbers(segments: RedlineSegment[]): RedlineSegment[] {
  const out: RedlineSegment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    if (seg.op === 'equal') {
      out.push({ ...seg });
      continue;
    }
    let del = '';
    let ins = '';
    while (i < segments.length && segments[i].op !== 'equal') {
      if (segments[i].op === 'delete') del += segments[i].text;
      else ins += segments[i].text;
      i++;
    }
    i--;
    const before = out[out.length - 1];
    const after = segments[i + 1];
    if (before?.op === 'equal' && (DIGIT.test(del) || DIGIT.test(ins))) {
      const tail = before.text.match(NUMBER_TAIL)?.[0] ?? '';
      before.text = before.text.slice(0, before.text.length - tail.length);
      del = tail + del;
      ins = tail + ins;
      if (!before.text) out.pop();
    }
    let head = '';
    if (after?.op === 'equal' && (DIGIT.test(del.slice(-1)) || DIGIT.test(ins.slice(-1)))) {
      head = after.text.match(NUMBER_HEAD)?.[0] ?? '';
    }
    if (del + head) out.push({ op: 'delete', text: del + head });
    if (ins + head) out.push({ op: 'insert', text: ins + head });
    if (head) {
      const rest = after.text.slice(head.length);
      i++;
      if (rest) out.push({ op: 'equal', text: rest });
    }
  }
  return out;
}

/** The old text back from a redline (equal + delete); used by tests and reporters to check a redline. */
export function redlineOld(segments: readonly RedlineSegment[]): string {
  return segments.filter((s) => s.op !== 'insert').map((s) => s.text).join('');
}

export function redlineNew(segments: readonly RedlineSegment[]): string {
  return segments.filter((s) => s.op !== 'delete').map((s) => s.text).join('');
}
