// The stamp that makes a handed-out 台账 recognisable when it comes back (issue 17 reads it): which plan it was made
// from (source sha256, 文号, plan title), for which unit (or 全部), for which reporting round (or none), by which
// schema. It is written twice: as the workbook's custom document properties (File › Properties › Custom, names
// `fenjie.*`), and as a hidden, protected sheet named `fenjie` holding the same pairs in columns A:B, which survives
// a round trip through programs that drop custom properties.
import type ExcelJS from 'exceljs';
import type { Plan } from '../../model/schema.js';
import { xmlText } from '../../text/xml.js';
import type { ZipPart } from '../zip.js';

export interface LedgerStamp {
  readonly 'fenjie.kind': 'ledger';
  readonly 'fenjie.schemaVersion': string;
  readonly 'fenjie.source.sha256': string;
  readonly 'fenjie.docNumber': string;
  readonly 'fenjie.planTitle': string;
  /** The unit the ledger was made for, or 全部 for the master ledger. */
  readonly 'fenjie.unit': string;
  /** The reporting round (e.g. 2024-05 or 第3期), or '' for none. */
  readonly 'fenjie.round': string;
  /** YYYY-MM-DD the ledger was made. */
  readonly 'fenjie.date': string;
}

export const STAMP_SHEET = 'fenjie';
export const ALL_UNITS = '全部';

export function ledgerStamp(plan: Plan, date: string, unit?: string, round?: string): LedgerStamp {
  return {
    'fenjie.kind': 'ledger',
    'fenjie.schemaVersion': plan.schemaVersion,
    'fenjie.source.sha256': plan.source.sha256,
    'fenjie.docNumber': plan.notice.docNumber ?? '',
    'fenjie.planTitle': plan.notice.planTitle ?? plan.notice.title ?? '',
    'fenjie.unit': unit ?? ALL_UNITS,
    'fenjie.round': round ?? '',
    'fenjie.date': date,
  };
}

/** The hidden sheet: one name / value pair a row, protected (no password) so it is not edited by accident. */
export async function addStampSheet(wb: ExcelJS.Workbook, stamp: LedgerStamp): Promise<void> {
  const ws = wb.addWorksheet(STAMP_SHEET, { state: 'hidden' });
  for (const [name, value] of Object.entries(stamp)) ws.addRow([name, value]);
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 70;
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

/** The archive's parts with docProps/custom.xml added and declared (content type, package relationship). */
export function withCustomProperties(parts: readonly ZipPart[], stamp: LedgerStamp): ZipPart[] {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const props = Object.entries(stamp)
    .map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${xmlText(name)}"><vt:lpwstr>${xmlText(value)}</vt:lpwstr></property>`)
    .join('');
  const custom =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`;
  const out = parts.map((part) => {
    if (part.name === '[Content_Types].xml') {
      const xml = dec.decode(part.data).replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>');
      return { name: part.name, data: enc.encode(xml) };
    }
    if (part.name === '_rels/.rels') {
      const xml = dec.decode(part.data).replace('</Relationships>', '<Relationship Id="rIdFenjieCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>');
      return { name: part.name, data: enc.encode(xml) };
    }
    return part;
  });
  out.push({ name: 'docProps/custom.xml', data: enc.encode(custom) });
  return out;
}
