// Task tables: 序号 · 类别 · 重点任务 · 具体措施 · 责任领导 · 牵头单位 · 责任单位 · 配合单位 · 完成时限, one task per
// row (column names vary; the lexicon's labels name the role and people columns). Ingest writes a table as
// TAB-separated rows and the parser reads `|` rows too; each row keeps its cells with their positions.
import type { Role } from '../model/schema.js';
import { readMarker } from '../parse/numbering.js';
import type { CellNode, DocumentNode, ItemNode, ParagraphNode } from '../parse/types.js';
import { readClause, type ClauseReading } from './clauses.js';
import type { Lexicon } from './lexicon.js';

export type TableColumn = 'number' | 'category' | 'title' | 'content' | Role | 'leaders' | 'deadline' | 'target' | 'other';

const FIXED: ReadonlyArray<[TableColumn, RegExp]> = [
  ['number', /^(?:序号|编号|序|项次)$/],
  ['category', /^(?:类别|分类|类型|领域|板块|任务类别|工作类别|项目类别|重点领域|方面)$/],
  ['deadline', /^(?:完成时限|完成时间|时间节点|时限|时间安排|进度安排|完成期限|时限要求|完成时间节点|推进时限)$/],
  ['target', /^(?:量化指标|工作目标|预期目标|指标|目标|预期成效|年度目标)$/],
  ['content', /^(?:具体措施|具体内容|工作措施|主要内容|工作内容|措施|具体任务|主要措施|任务内容|目标任务|建设内容|建设内容及目标|建设内容及规模|具体工作|工作举措|主要举措|推进措施|具体目标|任务要求|工作要求)$/],
  // …and any kind of task: 改革任务, 攻坚任务, 建设项目 (the content headers, 具体任务 and 目标任务, are read first).
  ['title', /^(?:重点任务|工作任务|主要任务|任务|任务名称|项目|项目名称|工作事项|事项|重点工作|重点事项|任务事项|工作项目|改革事项|民生实事|[\u4e00-\u9fa5]{1,4}(?:任务|事项|项目)(?:名称)?)$/],
];

function columnOf(header: string, lex: Lexicon): TableColumn {
  const h = header.replace(/\s+/g, '').replace(/[(（].*[)）]$/, '');
  if (!h) return 'other';
  const fixed = FIXED.find(([, re]) => re.test(h))?.[0];
  if (fixed) return fixed;
  if (lex.bareLabel.test(h)) {
    const kind = lex.labelKind(h);
    if (kind.kind === 'role') return kind.role;
    if (kind.kind === 'person') return 'leaders';
  }
  // 牵头领导, 县级责任领导: any header that names a leader is a column of people, never of units.
  if (/领导|责任人$/.test(h)) return 'leaders';
  return 'other';
}

export interface TableRow {
  readonly number: string | null;
  readonly ordinal: number | null;
  readonly section: { number: string; title: string; cell: CellNode } | null;
  readonly row: ParagraphNode;
  readonly cells: ReadonlyMap<TableColumn, CellNode>;
  /** the role and people cells, each read as a clause */
  readonly clauses: Array<{ cell: CellNode; reading: ClauseReading }>;
}

/**
 * Every table row in document order, wherever it sits in the tree, and the numbered lines among them: a category
 * row written 一、老旧小区改造 or （一）稳定粮食生产 is parsed as an item, and its rows hang under it.
 */
function rowsOf(node: DocumentNode | ItemNode): Array<ParagraphNode | ItemNode> {
  const out: Array<ParagraphNode | ItemNode> = [];
  const stack: Array<ParagraphNode | ItemNode> = [...node.children].reverse();
  while (stack.length) {
    const c = stack.pop()!;
    if (c.type === 'item') {
      out.push(c);
      for (let i = c.children.length - 1; i >= 0; i--) stack.push(c.children[i]);
    } else if (c.cells) out.push(c);
  }
  return out;
}

/** A role or people cell: the column gives the role, the cell's own words (A（牵头）, A牵头) may say more. */
function readCell(cell: CellNode, parse: string, column: Role | 'leaders', lex: Lexicon): ClauseReading | null {
  // — / 无 / ／ in a cell: nobody.
  if (/^[—–\-/／无\s]+$/.test(cell.value)) return null;
  const start = cell.position.start.offset!;
  const end = cell.position.end.offset!;
  return readClause(parse.slice(start, end), start, lex, { kind: 'cell', role: column === 'leaders' ? 'person' : column });
}

/** Read the task tables of one document. A table counts when its header names a task column and a role column. */
export function readTaskTables(doc: DocumentNode, parse: string, lex: Lexicon): TableRow[] {
  const out: TableRow[] = [];
  let columns: TableColumn[] | null = null;
  let section: TableRow['section'] = null;
  let previous: ParagraphNode | null = null;
  let table: TableRow[] = [];
  const close = (): void => {
    out.push(...categoryAsSection(table));
    table = [];
  };
  for (const row of rowsOf(doc)) {
    if (row.type === 'item') {
      // A numbered line right below a table row, inside the table: the category of the rows under it.
      const follows = previous && row.position.start.line === previous.position.end.line! + 1;
      if (columns && follows && row.value.length <= 40) {
        const start = row.position.start;
        const end = { line: start.line, column: start.column + (row.valueStart - start.offset!) + row.value.length, offset: row.valueStart + row.value.length };
        section = { number: row.number, title: row.value, cell: { type: 'cell', value: row.value, position: { start, end } } };
        previous = { type: 'paragraph', value: row.value, position: { start: row.position.start, end: row.position.start } };
      } else {
        columns = null;
        close();
        previous = null;
      }
      continue;
    }
    const cells = row.cells!;
    // A row that does not follow the previous one directly starts a new table.
    if (previous && row.position.start.line !== previous.position.end.line! + 1) {
      columns = null;
      close();
    }
    previous = row;
    if (cells.length === 0) continue; // the |---|---| rule under a header
    const kinds = cells.map((c) => columnOf(c.value, lex));
    const roles = kinds.filter((k) => k === 'lead' || k === 'responsible' || k === 'cooperate').length;
    if (roles > 0 && kinds.some((k) => k === 'title' || k === 'content')) {
      close();
      columns = kinds;
      section = null;
      continue;
    }
    if (!columns) continue;
    const filled = cells.filter((c) => c.value !== '');
    // A category row: one cell of text spanning the table ("一、老旧小区改造").
    if (filled.length === 1 && !['title', 'content'].includes(columns[cells.indexOf(filled[0])])) {
      const marker = readMarker(filled[0].value);
      section = { number: marker?.number ?? filled[0].value, title: marker ? filled[0].value.slice(marker.length) : filled[0].value, cell: filled[0] };
      continue;
    }
    const byColumn = new Map<TableColumn, CellNode>();
    cells.forEach((c, i) => {
      const k = columns![i] ?? 'other';
      if (c.value && !byColumn.has(k)) byColumn.set(k, c);
    });
    const numberCell = byColumn.get('number');
    const ordinal = numberCell && /^\d{1,4}$/.test(numberCell.value) ? Number(numberCell.value) : null;
    const categoryCell = byColumn.get('category');
    if (categoryCell) {
      const marker = readMarker(categoryCell.value);
      section = { number: marker?.number ?? categoryCell.value, title: marker ? categoryCell.value.slice(marker.length) : categoryCell.value, cell: categoryCell };
    }
    const clauses: TableRow['clauses'] = [];
    for (const column of ['leaders', 'lead', 'responsible', 'cooperate'] as const) {
      const cell = byColumn.get(column);
      const reading = cell ? readCell(cell, parse, column, lex) : null;
      if (cell && reading) clauses.push({ cell, reading });
    }
    table.push({ number: ordinal === null ? null : String(ordinal), ordinal, section, row, cells: byColumn, clauses });
  }
  close();
  return out;
}

/**
 * 重点任务 filled on the first row of a group only, 具体措施 on every row: the first is a category, the second the task
 * (the way a 类别 column is written, under a task-like header).
 */
function categoryAsSection(rows: TableRow[]): TableRow[] {
  if (rows.length < 2) return rows;
  const titled = rows.filter((r) => r.cells.has('title')).length;
  const content = rows.filter((r) => r.cells.has('content')).length;
  if (!(content === rows.length && titled < rows.length && titled > 0)) return rows;
  let section: TableRow['section'] = null;
  return rows.map((r) => {
    const cell = r.cells.get('title');
    if (cell) section = { number: cell.value, title: cell.value, cell };
    const cells = new Map(r.cells);
    cells.delete('title');
    return { ...r, section, cells };
  });
}
