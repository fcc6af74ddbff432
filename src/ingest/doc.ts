// Word 97–2003 .doc, and WPS Office .wps files (the same binary format), through word-extractor. Only the body is
// read: headers, footers (page numbers) and footnotes are other streams. `filterUnicode: false` keeps “” and — as
// written. Table cells end in a TAB (the cell mark) and rows end a line: rows become the TAB-separated lines a .docx
// table gives, padded to the table's width (a merged cell's row is shorter), with a blank line before and after.
import WordExtractor from 'word-extractor';
import { IngestError, type Ingested, type SourceFormat } from './types.js';

export async function ingestDoc(bytes: Uint8Array, path: string, format: SourceFormat): Promise<Ingested> {
  let body: string;
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = document.getBody({ filterUnicode: false });
  } catch (error) {
    const reason = (error as Error)?.message?.split('\n')[0] ?? String(error);
    throw new IngestError(`${path}: ${format === 'wps' ? '.wps' : '.doc'} 文件已损坏，无法读取 (corrupt Word 97 file: ${reason})`, path, 'corrupt-doc');
  }
  return { text: docText(body), format, encoding: 'utf-16le', meta: {} };
}

const isRow = (line: string) => line.endsWith('\t');

/** word-extractor's body → one paragraph per line, table rows as TAB-separated cells. */
export function docText(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let table: string[][] = [];
  const endTable = () => {
    if (table.length === 0) return;
    const width = Math.max(...table.map((r) => r.length));
    if (out.length > 0 && out.at(-1) !== '') out.push('');
    for (const row of table) {
      const cells = Array.from({ length: width }, (_, i) => (row[i] ?? '').trim());
      if (cells.some((c) => c !== '')) out.push(cells.join('\t'));
    }
    out.push('');
    table = [];
  };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    // A cell of several paragraphs breaks its row over lines: the row goes on to the next line that ends in a TAB.
    if (!isRow(line) && (table.length > 0 || line.includes('\t'))) {
      let j = i + 1;
      while (j < lines.length && j - i <= 4 && !isRow(lines[j])) j++;
      if (j < lines.length && j - i <= 4 && (table.length > 0 || line.includes('\t'))) {
        line = lines.slice(i, j + 1).join(' ');
        i = j;
      }
    }
    if (isRow(line)) table.push(line.slice(0, -1).split('\t'));
    else {
      endTable();
      const text = line.replace(/\t/g, ' ').replace(/\s+$/, '');
      if (text.trim() !== '' || (out.length > 0 && out.at(-1) !== '')) out.push(text.trim() === '' ? '' : text);
    }
  }
  endTable();
  while (out.at(-1) === '') out.pop();
  return `${out.join('\n')}\n`;
}
