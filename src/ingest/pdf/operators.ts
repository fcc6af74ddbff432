// One pass over a page's drawing operations (pdf.js's operator list): the text runs with their places, the ruling
// lines, the images. Glyphs are placed as PDF places them (ISO 32000-1, 9.4: text matrix, font size, character and
// word spacing, horizontal scaling, rise, TJ offsets, under the current transformation matrix), so a space is in a
// run only where the content stream shows a space glyph, and every gap is measured, not guessed.
import type { Run } from './layout.js';
import type { Segment } from './tables.js';

/** The operator codes used here (pdf.js's OPS). */
export interface OpCodes {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly beginText: number;
  readonly setFont: number;
  readonly setTextMatrix: number;
  readonly moveText: number;
  readonly setLeadingMoveText: number;
  readonly nextLine: number;
  readonly setLeading: number;
  readonly setCharSpacing: number;
  readonly setWordSpacing: number;
  readonly setHScale: number;
  readonly setTextRise: number;
  readonly showText: number;
  readonly showSpacedText: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly paintImageXObject: number;
  readonly paintInlineImageXObject: number;
  readonly paintImageMaskXObject: number;
  readonly paintImageXObjectRepeat: number;
  readonly constructPath: number;
  readonly endPath: number;
  readonly fill: number;
  readonly eoFill: number;
}

interface Glyph {
  readonly unicode: string;
  readonly width: number;
  readonly isSpace?: boolean;
}

export interface PageDrawing {
  readonly runs: Run[];
  readonly segments: Segment[];
  readonly images: number;
}

type Matrix = readonly number[];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): number[] => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

interface TextState {
  fontMatrix: Matrix;
  size: number;
  direction: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

/**
 * Walk the operator list. `fontMatrix` gives a font's matrix by its loaded name (Type 3 fonts have their own; others
 * 1/1000 of the size).
 */
export function readDrawing(fnArray: readonly number[], argsArray: readonly unknown[], OPS: OpCodes, fontMatrix: (name: string) => Matrix | undefined): PageDrawing {
  const runs: Run[] = [];
  const segments: Segment[] = [];
  let images = 0;
  let ctm: Matrix = IDENTITY;
  let text: TextState = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], size: 0, direction: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0 };
  const stack: Array<{ ctm: Matrix; text: TextState }> = [];
  let tm: Matrix = IDENTITY;
  let lineX = 0;
  let lineY = 0;
  let x = 0;
  let y = 0;
  const moveText = (dx: number, dy: number) => {
    x = lineX += dx;
    y = lineY += dy;
  };

  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = (argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, text: { ...text } });
        break;
      case OPS.restore: {
        const top = stack.pop();
        if (top) ({ ctm, text } = top);
        break;
      }
      case OPS.transform:
        ctm = multiply(ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, text: { ...text } });
        if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>));
        break;
      case OPS.paintFormXObjectEnd: {
        const top = stack.pop();
        if (top) ({ ctm, text } = top);
        break;
      }
      case OPS.beginText:
        tm = IDENTITY;
        x = y = lineX = lineY = 0;
        break;
      case OPS.setFont: {
        let size = Number(args[1]) || 0;
        text.direction = size < 0 ? -1 : 1;
        size = Math.abs(size);
        text.size = size;
        text.fontMatrix = fontMatrix(String(args[0])) ?? [0.001, 0, 0, 0.001, 0, 0];
        break;
      }
      case OPS.setTextMatrix: {
        const m = args.length === 1 ? Array.from(args[0] as ArrayLike<number>) : (args as number[]);
        tm = m;
        x = y = lineX = lineY = 0;
        break;
      }
      case OPS.moveText:
        moveText(Number(args[0]), Number(args[1]));
        break;
      case OPS.setLeadingMoveText:
        text.leading = Number(args[1]);
        moveText(Number(args[0]), Number(args[1]));
        break;
      case OPS.nextLine:
        moveText(0, text.leading);
        break;
      case OPS.setLeading:
        text.leading = -Number(args[0]);
        break;
      case OPS.setCharSpacing:
        text.charSpacing = Number(args[0]) || 0;
        break;
      case OPS.setWordSpacing:
        text.wordSpacing = Number(args[0]) || 0;
        break;
      case OPS.setHScale:
        text.hScale = (Number(args[0]) || 100) / 100;
        break;
      case OPS.setTextRise:
        text.rise = Number(args[0]) || 0;
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        x += showText((args[0] as Array<Glyph | number | null>) ?? [], text, multiply(ctm, tm), x, y, runs) * text.hScale;
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageXObjectRepeat:
        images++;
        break;
      case OPS.constructPath:
        addPath(args, ctm, OPS, segments);
        break;
    }
  }
  return { runs, segments, images };
}

/** Place one string's glyphs; returns the advance in unscaled text space. Runs break at spaces and at jumps. */
function showText(glyphs: ReadonlyArray<Glyph | number | null>, state: TextState, m: Matrix, x0: number, y0: number, runs: Run[]): number {
  const scaleX = Math.hypot(m[0], m[1]);
  const size = state.size * Math.hypot(m[2], m[3]);
  // Rotated or mirrored text (stamps, watermarks) is not read.
  const upright = Math.abs(m[1]) <= 0.05 * Math.abs(m[0]) && Math.abs(m[2]) <= 0.05 * Math.abs(m[3]) && m[0] > 0 && m[3] * state.direction > 0;
  const advanceScale = state.size * state.fontMatrix[0];
  let x = 0;
  let run: { str: string; x: number; y: number; end: number } | null = null;
  const close = () => {
    if (run && upright && run.str !== '') runs.push({ str: run.str, x: run.x, y: run.y, width: Math.max(0, run.end - run.x), size });
    run = null;
  };
  for (const glyph of glyphs) {
    if (typeof glyph === 'number') {
      const shift = (-glyph * state.size) / 1000;
      x += shift;
      // A large TJ offset is a gap in the line (measured when lines are grouped): the run ends here.
      if (Math.abs(shift * state.hScale * scaleX) > 0.2 * size) close();
      continue;
    }
    if (!glyph) continue;
    const spacing = (glyph.isSpace ? state.wordSpacing : 0) + state.charSpacing;
    const advance = (glyph.width ?? 0) * advanceScale + spacing * state.direction;
    const [ux, uy] = apply(m, x0 + x * state.hScale, y0 + state.rise);
    const [ex] = apply(m, x0 + (x + advance) * state.hScale, y0 + state.rise);
    const unicode = glyph.unicode ?? '';
    // By its character, not isSpace: Tw applies to code 32, which a subset font may give to any glyph (方).
    const space = unicode !== '' && unicode.trim() === '';
    if (space) {
      // The content stream's own space: kept (NBSP and U+3000 as written), and the run ends after it.
      const ch = unicode === '\u00a0' || unicode === '\u3000' ? unicode : ' ';
      if (run) {
        (run as { str: string }).str += ch;
        (run as { end: number }).end = ex;
      } else run = { str: ch, x: ux, y: uy, end: ex };
      close();
    } else {
      // A control character is no text (a glyph number read as a character code): U+FFFD, for the quality check.
      // WPS and Word map some glyphs to Kangxi radicals (⽅ U+2F45 for 方): the character they stand for.
      const str = unicode.replace(/[\u0000-\u001f\u007f]/g, '\ufffd').replace(/[\u2f00-\u2fdf]/g, (ch) => ch.normalize('NFKC'));
      if (!run) run = { str: '', x: ux, y: uy, end: ux };
      (run as { str: string }).str += str;
      (run as { end: number }).end = ex;
    }
    x += advance;
  }
  close();
  return x;
}

/** Ruling lines from a path: stroked straight segments, thin filled rectangles; clipping paths draw nothing. */
function addPath(args: readonly unknown[], ctm: Matrix, OPS: OpCodes, segments: Segment[]): void {
  const paint = args[0] as number;
  const data = (args[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
  if (!data || paint === OPS.endPath) return;
  const filled = paint === OPS.fill || paint === OPS.eoFill;
  const add = (ax: number, ay: number, bx: number, by: number) => {
    if (Math.abs(ay - by) < 0.5) segments.push({ x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: (ay + by) / 2, y1: (ay + by) / 2 });
    else if (Math.abs(ax - bx) < 0.5) segments.push({ x0: (ax + bx) / 2, x1: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
  };
  // Path data (pdf.js DrawOPS): 0 moveTo x y, 1 lineTo x y, 2 curveTo (6 numbers), 3 quadraticCurveTo (4), 4 closePath.
  const points: Array<[number, number]> = [];
  let start: [number, number] | null = null;
  const flush = () => {
    if (filled) {
      if (points.length >= 4) {
        const xs = points.map((p) => p[0]);
        const ys = points.map((p) => p[1]);
        const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
        if (y1 - y0 <= 2 && x1 - x0 > 2) segments.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
        else if (x1 - x0 <= 2 && y1 - y0 > 2) segments.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
      }
    } else for (let k = 1; k < points.length; k++) add(...points[k - 1], ...points[k]);
    points.length = 0;
  };
  for (let k = 0; k < data.length; ) {
    const op = data[k];
    if (op === 0) {
      flush();
      start = apply(ctm, data[k + 1], data[k + 2]);
      points.push(start);
      k += 3;
    } else if (op === 1) {
      points.push(apply(ctm, data[k + 1], data[k + 2]));
      k += 3;
    } else if (op === 2) {
      flush();
      k += 7;
    } else if (op === 3) {
      flush();
      k += 5;
    } else {
      if (start && !filled) points.push(start);
      flush();
      k += 1;
    }
  }
  flush();
}
