// Attach the file, page and sheet of each item to its span, from the places ingest recorded. A post-pass over the
// finished Plan, so extraction never needs to know where its text came from: every object with start/end/line/column
// is a span, and the place holding its start (or, for a span that opens on a separator, its end) names it. On a
// page with geometry the span also gets its box: the lines it covers on the page it starts on, as one rectangle.
import type { BoxPlace, Place } from './types.js';

interface SpanLike {
  start: number;
  end: number;
  line: number;
  column: number;
  file?: string;
  page?: number;
  sheet?: string;
  ocr?: true;
  box?: [number, number, number, number];
}

const isSpan = (v: unknown): v is SpanLike =>
  typeof v === 'object' && v !== null && typeof (v as SpanLike).start === 'number' && typeof (v as SpanLike).end === 'number' && typeof (v as SpanLike).line === 'number' && typeof (v as SpanLike).column === 'number';

/** The place holding `offset`, by binary search over sorted, non-overlapping places. */
export function placeAt(places: readonly Place[], offset: number): Place | undefined {
  let lo = 0;
  let hi = places.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = places[mid];
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}

/** Index of the first box ending after `offset` (boxes sorted, not overlapping). */
function firstBoxAfter(boxes: readonly BoxPlace[], offset: number): number {
  let lo = 0;
  let hi = boxes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (boxes[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rectangle around the lines text[start, end) covers on the page of the first of them. */
export function boxOf(boxes: readonly BoxPlace[], start: number, end: number): [number, number, number, number] | undefined {
  let i = firstBoxAfter(boxes, start);
  if (i >= boxes.length || boxes[i].start >= Math.max(end, start + 1)) return undefined;
  const page = boxes[i].page;
  const out: [number, number, number, number] = [...boxes[i].box];
  for (i++; i < boxes.length && boxes[i].start < end && boxes[i].page === page; i++) {
    const b = boxes[i].box;
    out[0] = Math.min(out[0], b[0]);
    out[1] = Math.min(out[1], b[1]);
    out[2] = Math.max(out[2], b[2]);
    out[3] = Math.max(out[3], b[3]);
  }
  return out;
}

/** Set file/page/sheet (and ocr, and the box on its page) on every span inside `value`, in place. */
export function attachPlaces(value: unknown, places: readonly Place[], ocr: readonly Place[] = [], boxes: readonly BoxPlace[] = []): void {
  if (places.length === 0 && ocr.length === 0 && boxes.length === 0) return;
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const item of v) visit(item);
      return;
    }
    if (isSpan(v)) {
      const place = placeAt(places, v.start) ?? (v.end > v.start ? placeAt(places, v.end - 1) : undefined);
      if (place?.file !== undefined) v.file = place.file;
      if (place?.page !== undefined) v.page = place.page;
      if (place?.sheet !== undefined) v.sheet = place.sheet;
      const box = boxes.length > 0 ? boxOf(boxes, v.start, v.end) : undefined;
      if (box) v.box = box;
      if (ocr.length > 0 && (placeAt(ocr, v.start) ?? placeAt(ocr, Math.max(v.start, v.end - 1)))) v.ocr = true;
      return;
    }
    for (const child of Object.values(v)) visit(child);
  };
  visit(value);
}
