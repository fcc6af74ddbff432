// Task tables: 序号 · 重点任务 · 具体措施 · 牵头单位 · 责任单位 · 完成时限 (column names vary), one task per row.
// Ingest writes a table as TAB-separated rows; the parser keeps each row's cells with their positions.
import type { Role } from '../model/schema.js';
import { readMarker } from '../parse/numbering.js';
import type { CellNode, DocumentNode, ItemNode, ParagraphNode } from '../parse/types.js';
import { readUnitCell, type RoleMention } from './clauses.js';

export type Column = 'number' | 'category' | 'title' | 'content' | 'lead' | 'responsible' | 'cooperate' | 'deadline' | 'target' | 'other';

const HEADERS: ReadonlyArray<[Column, RegExp]> = [
  ['number', /^(?:序号|编号|序)$/],
  ['category', /^(?:类别|分类|类型|领域|板块)$/],
  ['lead', /^(?:牵头(?:单位|部门|领导)?|主办单位|主责单位|责任领导)$/],
  ['responsible', /^(?:责任(?:单位|部门|主体)|参与单位|实施单位)$/],
  ['cooperate', /^(?:配合(?:单位|部门)|协办单位|协助单位)$/],
  ['deadline', /^(?:完成时限|完成时间|时间节点|时限|时间安排|进度安排|完成期限)$/],
  ['target', /^(?:量化指标|目标|工作目标|预期目标|指标)$/],
  ['title', /^(?:重点任务|工作任务|主要任务|任务|任务名称|项目|工作事项|事项|重点工作)$/],
  ['content', /^(?:具体措施|具体内容|工作措施|主要内容|工作内容|措施|具体任务|主要措施|任务内容)$/],
];

export interface TableRow {
  readonly number: string | null;
  readonly ordinal: number | null;
  readonly section: { number: string; title: string; cell: CellNode } | null;
  readonly row: ParagraphNode;
  readonly cells: ReadonlyMap<Column, CellNode>;
  readonly mentions: Array<{ cell: CellNode; mentions: RoleMention[] }>;
}

function columnOf(header: string): Column {
  const h = header.replace(/\s+/g, '');
  return HEADERS.find(([, re]) => re.test(h))?.[0] ?? 'other';
}

/** Every table row in document order, wherever it sits in the tree. */
function rowsOf(node: DocumentNode | ItemNode): ParagraphNode[] {
  return node.children.flatMap((c) => (c.type === 'item' ? rowsOf(c) : c.cells ? [c] : []));
}

/** Read the task tables of one document. A table counts when its header names a task and a role column. */
export function readTaskTables(doc: DocumentNode): TableRow[] {
  const out: TableRow[] = [];
  let columns: Column[] | null = null;
  let section: TableRow['section'] = null;
  let previous: ParagraphNode | null = null;
  for (const row of rowsOf(doc)) {
    const cells = row.cells!;
    // A row that does not follow the previous one directly starts a new table.
    if (previous && row.position.start.line !== previous.position.end.line! + 1) columns = null;
    previous = row;
    const kinds = cells.map((c) => columnOf(c.value));
    if (kinds.some((k) => k === 'lead' || k === 'responsible') && kinds.some((k) => k === 'title' || k === 'content')) {
      columns = kinds;
      section = null;
      continue;
    }
    if (!columns) continue;
    const filled = cells.filter((c) => c.value !== '');
    // A category row: one cell of text spanning the table ("一、老旧小区改造").
    if (filled.length === 1 && columns[cells.indexOf(filled[0])] !== 'title') {
      const marker = readMarker(filled[0].value);
      section = { number: marker?.number ?? filled[0].value, title: marker ? filled[0].value.slice(marker.length) : filled[0].value, cell: filled[0] };
      continue;
    }
    const byColumn = new Map<Column, CellNode>();
    cells.forEach((c, i) => {
      const k = columns![i] ?? 'other';
      if (c.value && !byColumn.has(k)) byColumn.set(k, c);
    });
    const numberCell = byColumn.get('number');
    const ordinal = numberCell && /^\d{1,3}$/.test(numberCell.value) ? Number(numberCell.value) : null;
    const categoryCell = byColumn.get('category');
    if (categoryCell) {
      const marker = readMarker(categoryCell.value);
      section = { number: marker?.number ?? categoryCell.value, title: marker ? categoryCell.value.slice(marker.length) : categoryCell.value, cell: categoryCell };
    }
    const mentions: TableRow['mentions'] = [];
    for (const role of ['lead', 'responsible', 'cooperate'] as const satisfies readonly Role[]) {
      const cell = byColumn.get(role);
      if (cell) mentions.push({ cell, mentions: readUnitCell(cell.value, cell.position.start.offset!, role) });
    }
    out.push({ number: ordinal === null ? null : String(ordinal), ordinal, section, row, cells: byColumn, mentions });
  }
  return out;
}
