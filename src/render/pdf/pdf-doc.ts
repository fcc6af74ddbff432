// A pdfkit document set up from the template (A4, margins, embedded Noto faces, pinned dates) with a y cursor,
// paragraphs that break across pages, and "— n —" page numbers stamped at the end.
import PDFDocument from 'pdfkit';
import { marginsFor, pageMm } from '../layout.js';
import type { DocumentTemplate, FontRoleName, Orientation } from '../templates.js';
import { faceOf, sharedFont, type FaceName, type SharedFont } from './pdf-fonts.js';
import { MARK, MARK_SPLIT, MARKS, textWidth, wrapBalanced, wrapText } from './pdf-wrap.js';
import { pageUsing, selectedEmbeddedFont, writeStreamsFast, type EmbeddedFont } from './pdfkit-private.js';

const MM = 72 / 25.4;

/** Numbers in content streams: two decimals, no trailing zeros, never "-0". */
function num(n: number): string {
  const s = (Math.round(n * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
  return s === '-0' ? '0' : s;
}

/** #RRGGBB as PDF colour operands. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => num(v / 255)).join(' ');
}

/** Four hex digits of a subset glyph id, as Identity-H text strings spell them (subsets are small: a few thousand). */
const HEX4: string[] = [];
function hex4(n: number): string {
  return (HEX4[n] ??= n.toString(16).padStart(4, '0'));
}

export interface PdfMeta {
  readonly title: string;
  /** YYYY-MM-DD: creation and modification date inside the file, so bytes depend on it alone. */
  readonly date: string;
}

export interface DrawOptions {
  readonly align?: 'left' | 'center' | 'right';
  /** Width of the box the text is aligned in; defaults to the text area. */
  readonly width?: number;
}

export interface BlockOptions {
  readonly align?: 'left' | 'center';
  /** First-line indent in em (公文 body paragraphs indent two characters). */
  readonly indent?: number;
  readonly spaceBefore?: number;
  readonly spaceAfter?: number;
  readonly lineSpacing?: number;
  /** Start a new page unless this many points remain below the block's first line (keeps headings with what follows). */
  readonly keepWith?: number;
  /** Lines of even length (titles). */
  readonly balance?: boolean;
}

/** A table cell as drawn: the layout model tests read (no wrapped id or header, how full each page is). */
export interface CellRecord {
  /** 0-based page. */
  readonly page: number;
  /** Column index, -1 for a row across the table. */
  readonly column: number;
  readonly header?: boolean;
  readonly top: number;
  readonly height: number;
  readonly width: number;
  readonly lines: readonly string[];
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly tpl: DocumentTemplate;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly width: number;
  y: number;
  /** Pages so far. */
  pages = 1;
  /** Colours of struck and underlined runs (MARK), e.g. a redline's deletions and insertions (default: black). */
  markColors?: { readonly strike: string; readonly underline: string };
  /** When set, every table cell drawn is handed to it (see CellRecord). */
  recordCell?: (cell: CellRecord) => void;
  /** Faces registered with this document, on first use, and pdfkit's font objects for them. */
  private readonly faces = new Map<FaceName, SharedFont>();
  /** null: this pdfkit's font object is not the shape text is set through (text goes through `text()`). */
  private readonly embedded = new Map<FaceName, EmbeddedFont | null>();
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;

  constructor(tpl: DocumentTemplate, orientation: Orientation, meta: PdfMeta) {
    this.tpl = tpl;
    const m = marginsFor(tpl, orientation);
    const stamp = new Date(`${meta.date}T00:00:00Z`);
    this.doc = new PDFDocument({
      size: 'A4',
      layout: orientation,
      margins: { top: m.top * MM, bottom: m.bottom * MM, left: m.left * MM, right: m.right * MM },
      bufferPages: true,
      compress: true,
      lang: 'zh-CN',
      displayTitle: true,
      info: { Title: meta.title, Author: tpl.creator, Creator: tpl.creator, Producer: tpl.creator, CreationDate: stamp, ModDate: stamp },
      // No default font: pdfkit would parse Helvetica's metrics for every document, and text here is Chinese.
      font: null as unknown as string,
    });
    writeStreamsFast(this.doc);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    const page = pageMm(orientation);
    this.left = m.left * MM;
    this.right = page.width * MM - m.right * MM;
    this.top = m.top * MM;
    this.bottom = page.height * MM - m.bottom * MM;
    this.width = this.right - this.left;
    this.y = this.top;
  }

  face(role: FontRoleName): SharedFont {
    const pick = this.tpl.fonts[role].pdf;
    const name = faceOf(pick);
    let face = this.faces.get(name);
    if (!face) {
      face = sharedFont(name);
      // pdfkit accepts a parsed fontkit font (it checks for `layout`); the types only list paths and buffers.
      this.doc.registerFont(name, face.forPdf as unknown as Buffer);
      this.doc.font(name);
      this.embedded.set(name, selectedEmbeddedFont(this.doc));
      this.faces.set(name, face);
    }
    return pick === 'stroked' ? { ...face, stroked: true } : face;
  }

  size(role: FontRoleName): number {
    return this.tpl.fonts[role].size;
  }

  newPage(): void {
    this.doc.addPage();
    this.pages++;
    this.y = this.top;
  }

  /** Hand a drawn cell to `recordCell`, on the current page. */
  record(cell: Omit<CellRecord, 'page'>): void {
    this.recordCell?.({ ...cell, page: this.pages - 1 });
  }

  /** Start a new page unless `height` points fit below the cursor; true when a page was added. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom + 0.01 || this.y === this.top) return false;
    this.newPage();
    return true;
  }

  /**
   * Draw one line whose line box starts at `top` and is `lineHeight` tall; the ideographic em box is centred in it.
   * Text stays real text (selectable, searchable).
   */
  drawLine(text: string, x: number, top: number, face: SharedFont, size: number, lineHeight: number, opts: DrawOptions = {}): void {
    if (text === '') return;
    let dx = 0;
    if (opts.align && opts.align !== 'left') {
      // Measured with the same advances pdfkit draws with (left-aligned lines, most of them, need no width).
      const free = (opts.width ?? this.width) - textWidth(text, face, size);
      dx = opts.align === 'center' ? free / 2 : free;
    }
    const baseline = top + lineHeight / 2 + 0.38 * size;
    if (!MARKS.test(text)) return this.showText(text, x + dx, baseline, face, size);
    // Marked runs (see MARK): drawn piece by piece, with a rule through the middle of the ideographic em box
    // (struck) or just under the baseline (underlined).
    let at = x + dx;
    let strike = false;
    let underline = false;
    for (const piece of text.split(MARK_SPLIT)) {
      if (piece === MARK.strikeOpen || piece === MARK.strikeClose) strike = piece === MARK.strikeOpen;
      else if (piece === MARK.underlineOpen || piece === MARK.underlineClose) underline = piece === MARK.underlineOpen;
      else if (piece !== '') {
        const advance = textWidth(piece, face, size);
        const color = strike ? this.markColors?.strike : underline ? this.markColors?.underline : undefined;
        if (color) this.doc.addContent(`${rgb(color)} rg ${rgb(color)} RG`);
        this.showText(piece, at, baseline, face, size);
        const rule = (y: number) => this.doc.moveTo(at, y).lineTo(at + advance, y).lineWidth(Math.max(0.5, size * 0.05)).stroke(color ?? 'black');
        if (strike) rule(baseline - 0.38 * size);
        if (underline) rule(baseline + 0.12 * size);
        if (color) this.doc.addContent('0 g 0 G');
        at += advance;
      }
    }
  }

  /**
   * The text operators pdfkit's `text()` would write for one unwrapped line, written directly: `text()` re-derives
   * options, measures twice and lays out again for every call, and was the largest cost of a build. Each glyph is
   * recorded with the font as pdfkit's `encode` does (subset, width, code points for the ToUnicode map), so the text
   * stays selectable; glyphs are one per character with plain advances, exactly what the line breaker measured.
   */
  private showText(text: string, x: number, baseline: number, face: SharedFont, size: number): void {
    const font = this.embedded.get(face.name);
    if (!font) return this.showTextPublic(text, x, baseline, face, size);
    const page = pageUsing(this.doc, font);
    let glyphs = '';
    for (const ch of text) {
      const glyph = face.glyph(ch.codePointAt(0)!);
      const id = font.subset.includeGlyph(glyph.id);
      glyphs += hex4(id);
      font.widths[id] ??= glyph.advanceWidth * font.scale;
      font.unicode[id] ??= glyph.codePoints;
    }
    const stroke = face.stroked ? `${num(size * 0.035)} w 0 0 0 RG 2 Tr ` : '';
    // pdfkit flips the y axis for its top-left origin; text is set in PDF's own bottom-left coordinates.
    this.doc.addContent(
      `q 1 0 0 -1 0 ${num(page.height)} cm BT ${stroke}1 0 0 1 ${num(x)} ${num(page.height - baseline)} Tm ` +
        `/${font.id} ${num(size)} Tf [<${glyphs}>] TJ ET Q`,
    );
  }

  /** The same line through pdfkit's public `text()` (see pdfkit-private.ts): at the baseline, unwrapped. */
  private showTextPublic(text: string, x: number, baseline: number, face: SharedFont, size: number): void {
    this.doc.save().font(face.name).fontSize(size);
    if (face.stroked) this.doc.lineWidth(size * 0.035).strokeColor('black');
    this.doc.text(text, x, baseline, { lineBreak: false, baseline: 'alphabetic', stroke: face.stroked === true, fill: true });
    this.doc.restore();
  }

  /** Height a paragraph in `role` would take at full text width (no page breaks). */
  blockHeight(text: string, role: FontRoleName, lineSpacing?: number): number {
    const size = this.size(role);
    return wrapText(text, this.face(role), size, this.width).length * size * (lineSpacing ?? this.tpl.lineSpacing);
  }

  /** A wrapped paragraph in a template role, breaking across pages line by line. */
  block(text: string, role: FontRoleName, opts: BlockOptions = {}): void {
    const face = this.face(role);
    const size = this.size(role);
    const lineHeight = size * (opts.lineSpacing ?? this.tpl.lineSpacing);
    this.y += opts.spaceBefore ?? 0;
    const wrap = opts.balance ? wrapBalanced : wrapText;
    const lines = wrap('\u3000'.repeat(opts.indent ?? 0) + text, face, size, this.width);
    this.ensure(lineHeight + (opts.keepWith ?? 0));
    for (const line of lines) {
      this.ensure(lineHeight);
      this.drawLine(line, this.left, this.y, face, size, lineHeight, { align: opts.align });
      this.y += lineHeight;
    }
    this.y += opts.spaceAfter ?? 0;
  }

  /** Stamp page numbers on every page, end the document and return its bytes. */
  async finish(): Promise<Uint8Array> {
    const range = this.doc.bufferedPageRange();
    const face = this.face('footer');
    const size = this.size('footer');
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Writing inside the bottom margin must not make pdfkit add a page.
      this.doc.page.margins.bottom = 0;
      const label = this.tpl.pageNumber.replace('{n}', String(i + 1));
      const top = this.doc.page.height - this.tpl.page.footerDistance * MM - size * 1.2;
      this.drawLine(label, this.left, top, face, size, size * 1.2, { align: 'center' });
    }
    this.doc.end();
    await this.done;
    return new Uint8Array(Buffer.concat(this.chunks));
  }
}
