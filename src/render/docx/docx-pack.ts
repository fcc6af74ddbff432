// Assemble .docx files from a skeleton the docx library builds once per layout (styles declared on the Document,
// page setup, "— n —" footer) and a body written by ooxml/docx-table. Bytes depend only on the Plan and the date:
// core properties and zip times are pinned.
import { Document, Packer, Paragraph, type Footer, type ISectionPropertiesOptions, type IStylesOptions } from 'docx';
import type { DocumentTemplate, Orientation } from '../templates.js';
import { deflatePart, readZip, writeZip, type DeflatedPart } from '../zip.js';
import { documentStyles, pageNumberFooter, sectionProperties } from './docx-styles.js';
import { xmlText } from '../../text/xml.js';
import { SECTION_BREAK } from './ooxml.js';

interface Skeleton {
  /** Every part but the document body and the core properties, deflated once for all documents of the layout. */
  readonly parts: readonly DeflatedPart[];
  /** document.xml up to and including `<w:body>`. */
  readonly head: string;
  /** The section properties (page size, margins, footer reference). */
  readonly sectPr: string;
  /** From `</w:body>` to the end. */
  readonly tail: string;
}

const DOCUMENT = 'word/document.xml';
const CORE = 'docProps/core.xml';

/** Skeletons by layout, built on first use: a process renders many sheets in the same few layouts. */
const skeletons = new Map<string, Promise<Skeleton>>();

/** What a skeleton is made of: the styles part, the page setup and (optionally) the footer. */
export interface SkeletonSpec {
  readonly styles: IStylesOptions;
  readonly section: ISectionPropertiesOptions;
  readonly footer?: Footer;
}

async function buildSkeleton(spec: SkeletonSpec): Promise<Skeleton> {
  const doc = new Document({
    styles: spec.styles,
    sections: [{ properties: spec.section, ...(spec.footer ? { footers: { default: spec.footer } } : {}), children: [new Paragraph({})] }],
  });
  const entries = readZip(new Uint8Array(await Packer.toBuffer(doc)));
  const body = entries.find((e) => e.name === DOCUMENT);
  if (!body) throw new Error('docx skeleton has no word/document.xml');
  const xml = Buffer.from(body.data).toString('utf8');
  const open = xml.indexOf('<w:body>') + '<w:body>'.length;
  const sect = xml.lastIndexOf('<w:sectPr');
  const close = xml.lastIndexOf('</w:body>');
  if (open < 8 || sect < 0 || close < sect) throw new Error('docx skeleton has an unexpected body');
  return {
    parts: entries.filter((e) => e.name !== DOCUMENT && e.name !== CORE).map(deflatePart),
    head: xml.slice(0, open),
    sectPr: xml.slice(sect, close),
    tail: xml.slice(close),
  };
}

/** `key` names the layout the spec is made from (the spec holds docx objects, which do not serialise). */
function skeleton(key: string, make: () => SkeletonSpec): Promise<Skeleton> {
  let found = skeletons.get(key);
  if (!found) {
    found = buildSkeleton(make());
    skeletons.set(key, found);
    found.catch(() => skeletons.delete(key));
  }
  return found;
}

/** docx writes `new Date()` into docProps/core.xml and offers no option, so the part is written here. */
function coreXml(title: string, creator: string, date: string): string {
  const stamp = `${date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlText(title)}</dc:title><dc:creator>${xmlText(creator)}</dc:creator>` +
    `<cp:lastModifiedBy>${xmlText(creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export interface DocxSpec {
  readonly tpl: DocumentTemplate;
  readonly orientation: Orientation;
  /** Table text size for this document, when its template sets one. */
  readonly tableSize?: number;
  readonly title: string;
  /** YYYY-MM-DD */
  readonly date: string;
  /** Body XML; SECTION_BREAK ends a section (each section gets the same page setup and footer). */
  readonly body: string;
}

export async function packDocx(spec: DocxSpec): Promise<Uint8Array> {
  const { tpl, orientation, tableSize } = spec;
  const key = JSON.stringify(['document', tpl, orientation, tableSize]);
  const sk = await skeleton(key, () => ({ styles: documentStyles(tpl, tableSize), section: sectionProperties(tpl, orientation), footer: pageNumberFooter(tpl) }));
  return assemble(sk, spec.body, spec.title, tpl.creator, spec.date);
}

/** A document on a skeleton of its own layout (the change report's), keyed by `key`, with the same assembly. */
export async function packDocxOn(key: string, make: () => SkeletonSpec, doc: { readonly body: string; readonly title: string; readonly creator: string; readonly date: string }): Promise<Uint8Array> {
  return assemble(await skeleton(`custom:${key}`, make), doc.body, doc.title, doc.creator, doc.date);
}

function assemble(sk: Skeleton, bodyXml: string, title: string, creator: string, date: string): Uint8Array {
  const body = bodyXml.split(SECTION_BREAK).join(`<w:p><w:pPr>${sk.sectPr}</w:pPr></w:p>`);
  const document = `${sk.head}${body}${sk.sectPr}${sk.tail}`;
  // [Content_Types].xml first, as Office writes it; some readers sniff the first entry.
  const types = sk.parts.filter((e) => e.name === '[Content_Types].xml');
  const rest = sk.parts.filter((e) => e.name !== '[Content_Types].xml');
  const core = { name: CORE, data: Buffer.from(coreXml(title, creator, date)) };
  return writeZip([...types, { name: DOCUMENT, data: Buffer.from(document) }, ...rest, core], date);
}

/** A .docx made whole by the docx library, with its core dates and zip times set from `date` (YYYY-MM-DD). */
export function pinDocxDates(bytes: Uint8Array, title: string, creator: string, date: string): Uint8Array {
  const parts = readZip(bytes).map((p) => (p.name === CORE ? { name: CORE, data: Buffer.from(coreXml(title, creator, date)) } : p));
  return writeZip(parts, date);
}
