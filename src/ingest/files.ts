// One notice in several files: the covering notice and its annexes as portals publish them (通知.pdf, 附件1.xlsx,
// 附件2.docx …), given one by one or as a folder. Each file is read on its own; their texts are joined, notice
// first, separated by a blank line that belongs to no file; each annex file opens a document (附件) of its own.
// Annex files are numbered from their own heading (附件3), else their name (附件3-…, 3.…任务分解表), else by their
// title against the notice's list of annexes (附件：1.… 2.…); one that matches nothing becomes the next annex, and a
// listed annex with no file is a warning. Every stretch of the joined text keeps its file (and page).
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ingest } from './index.js';
import { chineseNumber } from '../parse/numbering.js';
import { IngestError, type Ingested, type IngestedFile, type IngestOptions, type Place, type BoxPlace } from './types.js';

export interface FileInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Files read in a folder: the formats fenjie reads, not hidden, not Office's lock files (~$…). */
const READABLE = /\.(?:txt|text|html?|shtml|xhtml|docx|doc|wps|pdf|xlsx|xls|ofd)$/i;

/** Annex number from a file name: 附件3…, 附件三…, 3.…, 3、…, 03-… (null when the name gives none). */
export function numberFromName(path: string): number | null {
  const name = basename(path).replace(/\.[^.]+$/, '').trim();
  const annex = /^附\s*件\s*(\d{1,3}|[一二三四五六七八九十]{1,3})/.exec(name);
  if (annex) return /^\d+$/.test(annex[1]) ? Number(annex[1]) : chineseNumber(annex[1]);
  const numbered = /^(\d{1,3})\s*[.、．\-_—\s]/.exec(name);
  return numbered ? Number(numbered[1]) : null;
}

/** The paths to read: files as given; a folder's readable files, the notice first (a name that is no annex), then annexes by number. */
export async function listInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    let isDirectory = false;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch {
      out.push(path); // reading it will say why not
      continue;
    }
    if (!isDirectory) {
      out.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((n) => READABLE.test(n) && !n.startsWith('.') && !n.startsWith('~$')).sort((a, b) => a.localeCompare(b, 'zh'));
    if (names.length === 0) throw new IngestError(`${path}: 文件夹中没有可读的通知文件 (no .txt/.html/.docx/.doc/.wps/.pdf/.xlsx/.xls/.ofd files in this folder)`, path, 'empty');
    const rank = (n: string) => numberFromName(n) ?? -1;
    out.push(...names.sort((a, b) => rank(a) - rank(b)).map((n) => join(path, n)));
  }
  return out;
}

interface Listed {
  readonly number: number;
  readonly title: string;
}

/** The notice's list of annexes: 附件：1.…⏎2.… or 附件1：… lines. */
export function listedAnnexes(text: string): Listed[] {
  const lines = text.split('\n').map((l) => l.trim());
  const out: Listed[] = [];
  const item = /^(\d{1,3})\s*[.、．:：]\s*(.+)$/;
  for (let i = 0; i < lines.length; i++) {
    const one = /^附\s*件\s*(\d{1,3})\s*[:：]\s*(.+)$/.exec(lines[i]);
    if (one) {
      out.push({ number: Number(one[1]), title: one[2] });
      continue;
    }
    const head = /^附\s*件\s*[:：]\s*(.*)$/.exec(lines[i]);
    if (!head) continue;
    const first = item.exec(head[1]);
    if (first) out.push({ number: Number(first[1]), title: first[2] });
    else if (head[1] !== '') out.push({ number: 1, title: head[1] }); // 附件：…实施方案 (one annex)
    for (let j = i + 1; j < lines.length; j++) {
      const next = item.exec(lines[j]);
      if (!next) break;
      out.push({ number: Number(next[1]), title: next[2] });
    }
  }
  return out;
}

/** 附件N standing on a line of its own, or opening one (附件3：…任务分解表). */
const HEADING = /^附\s*件\s*(\d{1,3}|[一二三四五六七八九十]{1,3})(?:\s*$|\s*[:：\s])/;
const squash = (s: string) => s.replace(/[\s《》〈〉“”"'()（）:：.、．,，;；\-—_]/g, '');

/** The annex number a file's own first lines give (a 附件N heading), or null. */
function numberFromHeading(text: string): number | null {
  const first = text.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
  const m = HEADING.exec(first);
  if (!m) return null;
  return /^\d+$/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
}

/** The listed annex whose title one of the file's first lines holds (or is held by). */
function numberFromTitle(text: string, listed: readonly Listed[]): number | null {
  const head = text.split('\n').map((l) => squash(l)).filter((l) => l.length >= 4).slice(0, 4);
  for (const entry of listed) {
    const title = squash(entry.title).replace(/\.(?:docx?|wps|pdf|xlsx?|ofd)$/i, '');
    if (title.length >= 4 && head.some((l) => l.includes(title) || (l.length >= 6 && title.includes(l)))) return entry.number;
  }
  return null;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Read several files as one notice. The first input is the notice; the others are its annexes. */
export async function ingestFiles(inputs: readonly FileInput[], options: IngestOptions = {}): Promise<Ingested> {
  if (inputs.length === 0) throw new IngestError('没有输入文件 (no input files)', '', 'empty');
  const read = [];
  for (const input of inputs) read.push({ ...input, ingested: await ingest(input.bytes, input.path, options) });
  const [notice, ...annexFiles] = read;
  const warnings: string[] = (notice.ingested.warnings ?? []).map((w) => `${notice.path}: ${w}`);
  const listed = listedAnnexes(notice.ingested.text);
  // Annexes already in the notice's own text (附件N lines) keep their numbers.
  const inNotice = new Set(
    notice.ingested.text
      .split('\n')
      .map((l) => /^附\s*件\s*(\d{1,3})\s*$/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => Number(m[1])),
  );
  const taken = new Map<number, string>([...inNotice].map((n) => [n, notice.path]));
  const assigned = annexFiles.map((file) => {
    const text = file.ingested.text;
    let clash: number | null = null;
    for (const n of [numberFromHeading(text), numberFromName(file.path), numberFromTitle(text, listed)]) {
      if (n === null || !Number.isFinite(n) || n <= 0) continue;
      if (!taken.has(n)) {
        taken.set(n, file.path);
        return { file, annex: n as number | null, clash: null };
      }
      clash ??= n;
    }
    return { file, annex: null as number | null, clash };
  });
  for (const a of assigned) {
    if (a.annex !== null) continue;
    a.annex = Math.max(0, ...taken.keys(), ...listed.map((l) => l.number)) + 1;
    taken.set(a.annex, a.file.path);
    const why =
      a.clash !== null
        ? `附件${a.clash} 已是 ${taken.get(a.clash)}，按附件${a.annex}读取 (annex ${a.clash} is already ${taken.get(a.clash)}; read as annex ${a.annex})`
        : `未能与通知所列附件对应，按附件${a.annex}读取 (matches no annex the notice lists; read as annex ${a.annex})`;
    warnings.push(`${a.file.path}: ${why}`);
  }
  for (const entry of listed) {
    if (!taken.has(entry.number)) warnings.push(`${notice.path}: 通知列出的附件${entry.number}《${entry.title}》没有对应的文件 (listed annex ${entry.number} has no file)`);
  }
  assigned.sort((a, b) => a.annex! - b.annex!);

  let text = '';
  const places: Place[] = [];
  const ocr: Place[] = [];
  const boxes: BoxPlace[] = [];
  const files: IngestedFile[] = [];
  const documentStarts: Array<{ offset: number; annex: number }> = [];
  for (const { file, annex } of [{ file: notice, annex: null as number | null }, ...assigned]) {
    if (text !== '') text += text.endsWith('\n') ? '\n' : '\n\n';
    const start = text.length;
    const own = file.ingested;
    text += own.text;
    const end = text.length;
    const shift = (p: Place): Place => ({ ...p, start: p.start + start, end: p.end + start, file: file.path });
    // Loops, not push(...list): a long PDF has more lines than a call can take arguments.
    for (const p of own.places?.length ? own.places : [{ start: 0, end: own.text.length }]) places.push(shift(p));
    for (const p of own.ocr ?? []) ocr.push(shift(p));
    for (const b of own.boxes ?? []) boxes.push({ ...b, start: b.start + start, end: b.end + start });
    if (annex !== null) {
      const lead = own.text.length - own.text.trimStart().length;
      documentStarts.push({ offset: start + lead, annex });
      warnings.push(...(own.warnings ?? []).map((w) => `${file.path}: ${w}`));
    }
    const pages = own.places?.reduce((n, p) => Math.max(n, p.page ?? 0), 0) || undefined;
    files.push({ path: file.path, sha256: sha256(file.bytes), bytes: file.bytes.length, format: own.format, encoding: own.encoding, start, end, annex, ...(pages ? { pages } : {}) });
  }
  return {
    text,
    format: notice.ingested.format,
    encoding: notice.ingested.encoding,
    meta: notice.ingested.meta,
    places,
    files,
    documentStarts,
    ...(ocr.length ? { ocr } : {}),
    ...(boxes.length ? { boxes } : {}),
    ...(warnings.length ? { warnings } : {}),
  };
}
