// Helpers for renderer tests: the real sample's Plan, a build into a fresh folder, and readers for what was written.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { extractNotice, type Plan, type Role, type Unit } from '../../src/index.js';
import { buildDocuments, type BuildOptions, type BuildResult } from '../../src/render/index.js';

export const SAMPLE = 'input/wulingyuan-2024-ba-da-xing-dong.txt';
export const DATE = '2026-11-27';

let sample: Promise<Plan> | undefined;
export function samplePlan(): Promise<Plan> {
  sample ??= extractNotice(SAMPLE).then((r) => r.plan);
  return sample;
}

export async function freshDir(prefix = 'fenjie-render-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export async function build(plan: Plan, options: Partial<BuildOptions> = {}): Promise<BuildResult & { dir: string }> {
  const dir = options.outDir ?? (await freshDir());
  const result = await buildDocuments(plan, { date: DATE, ...options, outDir: dir });
  return { ...result, dir };
}

/** word/document.xml (or another part) of a .docx. */
export async function docxPart(file: string, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const entry = zip.file(part);
  if (!entry) throw new Error(`${file} has no ${part}`);
  return entry.async('string');
}

/** The text of every paragraph, joined, per table row of a document.xml (tables in order, header rows included). */
export function docxTables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
        [...c[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      ),
    ),
  );
}

/** Text of each page of a PDF, items joined without separators (a wrapped cell reads as one string). */
export async function pdfPages(file: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** The PDF's document information dictionary (CreationDate, ModDate, Title…). */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false, verbosity: 0 }).promise;
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, string>;
}

export async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * The tasks a unit's sheet must list, worked out here from the Plan's assignments (not through the renderer):
 * the unit's own and its desks' (units whose parent it is), with the strongest role.
 */
export function expectedUnitTasks(plan: Plan, unit: Unit): Map<string, Role> {
  const names = new Set([unit.name, ...plan.units.filter((u) => u.parent === unit.name).map((u) => u.name)]);
  const rank: Record<Role, number> = { lead: 0, responsible: 1, cooperate: 2 };
  const out = new Map<string, Role>();
  for (const task of plan.annexes.flatMap((a) => a.tasks)) {
    for (const a of task.assignments) {
      if (!names.has(a.unit)) continue;
      const had = out.get(task.id);
      if (had === undefined || rank[a.role] < rank[had]) out.set(task.id, a.role);
    }
  }
  return out;
}

/** Task ids as they appear in rendered text (A3.T10 and the like). */
export function idsIn(text: string): Set<string> {
  return new Set(text.match(/A\d+\.T\d+(?!\d)/g) ?? []);
}
