// Which parts of a .docx hold the body, its list definitions and its styles. Word names them word/document.xml,
// word/numbering.xml and word/styles.xml, but the package says where they are through its relationships (ECMA-376
// Part 2), and other writers use other names. They are found here as mammoth finds them (same relationship types,
// same fallbacks to Word's names), so the numbering pass and mammoth read the same parts.
import * as cheerio from 'cheerio/slim';

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export interface DocxParts {
  /** The main document part (zip entry name). */
  readonly document: string;
  readonly numbering: string;
  readonly styles: string;
}

/** A relationship target as a zip entry name: relative to the source part's folder unless it starts with "/". */
function partName(folder: string, target: string): string {
  const path = target.startsWith('/') ? target : `${folder}/${target}`;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '' && segment !== '.') out.push(segment);
  }
  return out.join('/');
}

const folderOf = (part: string): string => part.slice(0, Math.max(0, part.lastIndexOf('/')));

/** The relationships part of a part: word/document.xml → word/_rels/document.xml.rels; the package's is _rels/.rels. */
export function relationshipsOf(part: string): string {
  const folder = folderOf(part);
  return `${folder ? `${folder}/` : ''}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
}

/** Targets of the relationships of one type, as part names (external targets left out). */
function targets(relsXml: string | null, type: string, folder: string): string[] {
  if (!relsXml) return [];
  const $ = cheerio.load(relsXml, { xml: true });
  return $('Relationship')
    .toArray()
    .filter((el) => $(el).attr('Type') === RELATIONSHIP + type && $(el).attr('TargetMode') !== 'External')
    .map((el) => partName(folder, $(el).attr('Target') ?? ''));
}

/**
 * The parts a .docx reader needs, from the package's relationships, each falling back to Word's usual name when no
 * relationship names an existing part. `read` gives a part's XML (null when absent).
 */
export function findDocxParts(read: (part: string) => string | null): DocxParts {
  const pick = (found: string[], fallback: string) => found.find((part) => read(part) !== null) ?? fallback;
  const document = pick(targets(read('_rels/.rels'), 'officeDocument', ''), 'word/document.xml');
  const rels = read(relationshipsOf(document));
  const folder = folderOf(document);
  return {
    document,
    numbering: pick(targets(rels, 'numbering', folder), 'word/numbering.xml'),
    styles: pick(targets(rels, 'styles', folder), 'word/styles.xml'),
  };
}
