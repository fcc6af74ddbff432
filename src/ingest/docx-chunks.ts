// A long .docx body in pieces, for mammoth. Mammoth holds ~2.7 KB per XML element while it converts (100,000 short
// paragraphs: 880 MB), so a body of many elements is given to it a run of top-level blocks (paragraphs, tables) at a
// time, each as a document of its own with the same header and section properties: memory stays bounded by the
// piece, time stays linear, and the HTML of the pieces, joined, is the HTML of the whole. A single block is never
// cut (a table stays whole). List numbers are written into the text before this (docx-numbering.ts), so no list
// counts across a cut.
import { tags } from './markup-depth.js';

/** Elements per piece: ~80 MB of mammoth's memory. */
export const DOCX_PIECE_ELEMENTS = 30_000;

/** The document XML whole when it has few elements, else one document per run of top-level blocks of its body. */
export function splitBody(documentXml: string, maxElements = DOCX_PIECE_ELEMENTS): string[] {
  let depth = 0;
  let bodyOpen = -1;
  let bodyDepth = -1;
  let bodyClose = -1;
  let elements = 0;
  let pieceElements = 0;
  /** offsets in the document where a piece may end: after a top-level block of the body */
  const cuts: number[] = [];
  let sectPr = -1;
  for (const tag of tags(documentXml, false)) {
    if (tag.closing) {
      depth--;
      if (bodyOpen >= 0 && bodyClose < 0 && depth === bodyDepth) {
        bodyClose = tag.start;
        break;
      }
      if (bodyOpen >= 0 && depth === bodyDepth + 1 && pieceElements >= maxElements) {
        cuts.push(tag.end);
        pieceElements = 0;
      }
      continue;
    }
    elements++;
    if (bodyOpen >= 0) pieceElements++;
    if (bodyOpen >= 0 && depth === bodyDepth + 1 && tag.name === 'w:sectPr') sectPr = tag.start;
    if (bodyOpen < 0 && tag.name === 'w:body' && !tag.selfClosing) {
      bodyOpen = tag.end;
      bodyDepth = depth;
    }
    if (!tag.selfClosing) depth++;
    else if (bodyOpen >= 0 && depth === bodyDepth + 1 && pieceElements >= maxElements) {
      cuts.push(tag.end);
      pieceElements = 0;
    }
  }
  if (elements <= maxElements || bodyOpen < 0 || bodyClose < 0 || cuts.length === 0) return [documentXml];
  // The body's final w:sectPr (page size, columns) goes with every piece; cuts at or after it are dropped.
  const tail = sectPr >= 0 && sectPr >= cuts[cuts.length - 1] ? documentXml.slice(sectPr, bodyClose) : '';
  const end = sectPr >= 0 && tail !== '' ? sectPr : bodyClose;
  const head = documentXml.slice(0, bodyOpen);
  const foot = documentXml.slice(bodyClose);
  const bounds = [bodyOpen, ...cuts.filter((c) => c < end), end];
  const pieces: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    if (bounds[k + 1] > bounds[k]) pieces.push(head + documentXml.slice(bounds[k], bounds[k + 1]) + tail + foot);
  }
  return pieces;
}
