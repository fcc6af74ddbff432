// Zip packages (.docx, .xlsx) through fflate, with every entry's time pinned to the document date so that the
// same Plan and date give the same bytes (docx and exceljs would stamp the time of the run).
import { unzipSync, zipSync, type Zippable } from 'fflate';

export interface ZipPart {
  readonly name: string;
  /** uncompressed content */
  readonly data: Uint8Array;
}

/** The parts of an archive, in the archive's order. */
export function readZip(zip: Uint8Array): ZipPart[] {
  return Object.entries(unzipSync(zip)).map(([name, data]) => ({ name, data }));
}

/** An archive of `parts` in the given order, every entry dated midnight of `iso` (YYYY-MM-DD). */
export function writeZip(parts: readonly ZipPart[], iso: string): Uint8Array {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // A local-time Date: zip times are local wall-clock times, so this gives the same bytes in every time zone.
  const mtime = new Date(y, m - 1, d);
  const files: Zippable = {};
  for (const part of parts) files[part.name] = part.data;
  // Level 1: these parts are small XML; higher levels cost more time than the few bytes they save.
  return zipSync(files, { level: 1, mtime });
}
