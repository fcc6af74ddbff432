// ChangeSet → Markdown for auditors: summary counts first, then changes grouped by annex, in Chinese.
import { describeChange, ENTITY_LABEL, KIND_LABEL, SECTION_OF } from './describe.js';
import { reportEntries, type PlanPair, type ReportEntry } from './entries.js';
import { ChangeEntity, ChangeKind, type Change, type ChangeSet, type PlanRef, type RedlineSegment } from '../../diff/schema.js';

export interface DiffReportMeta {
  /** Report title (default: 修订对照报告). */
  readonly title?: string;
  /** How to name the old version (default: its path). */
  readonly oldLabel?: string;
  /** How to name the new version (default: its path). */
  readonly newLabel?: string;
  /** The plans compared (optional): tasks are then placed by number and title, 第5项《…》（A3.T5）. */
  readonly plans?: PlanPair;
}

/** Markdown and GFM punctuation that Chinese text may carry; escaped so text never turns into markup. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_~<>[\]|#]/gu, (ch) => `\\${ch}`);
}

/** Deletions struck through, insertions underlined (<ins> renders as underline on GitHub and most viewers). */
export function redlineMarkdown(segments: readonly RedlineSegment[]): string {
  return segments
    .map((s) => {
      const text = escapeMarkdown(s.text);
      if (s.op === 'equal') return text;
      return s.op === 'delete' ? `~~${text}~~` : `<ins>${text}</ins>`;
    })
    .join('');
}

function versionLine(label: string, ref: PlanRef, name?: string): string {
  const facts = [ref.docNumber, ref.date].filter((x): x is string => Boolean(x)).join('，');
  return `- ${label}：${escapeMarkdown(name ?? ref.path)}${facts ? `（${escapeMarkdown(facts)}）` : ''}`;
}

function summaryTable(set: ChangeSet): string[] {
  const kinds = ChangeKind.options;
  const lines = [
    `| 对象 | ${kinds.map((k) => KIND_LABEL[k]).join(' | ')} | 合计 |`,
    `| --- | ${kinds.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const entity of ChangeEntity.options) {
    const counts = set.summary.byEntity[entity];
    const total = kinds.reduce((n, k) => n + counts[k], 0);
    if (total > 0) lines.push(`| ${ENTITY_LABEL[entity]} | ${kinds.map((k) => counts[k]).join(' | ')} | ${total} |`);
  }
  lines.push(`| 合计 | ${kinds.map((k) => set.summary.byKind[k]).join(' | ')} | ${set.summary.total} |`);
  return lines;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => `   > ${line}`)
    .join('\n');
}

function changeItem(entry: ReportEntry, n: number): string {
  const c = entry.changes[0]!;
  const row = entry.row;
  const head = `${n}. **${KIND_LABEL[c.kind]}** ${escapeMarkdown(row.place)} — ${escapeMarkdown(row.note)}${row.match ? `（${row.match}）` : ''}`;
  if (entry.changes.length > 1) return head; // a run of renumbered tasks: the note says it all
  if (c.redline) return `${head}\n\n${quote(redlineMarkdown(c.redline))}`;
  if (c.entity === 'task' && (c.kind === 'added' || c.kind === 'removed')) {
    return `${head}\n\n${quote(escapeMarkdown(c.kind === 'added' ? row.new : row.old))}`;
  }
  if (c.kind === 'renumbered' || c.kind === 'moved') {
    return c.entity === 'task' && c.field === 'number' ? head : `${head}：${escapeMarkdown(row.old)} → ${escapeMarkdown(row.new)}`;
  }
  // The note already names the role of an added or removed unit.
  if (c.entity === 'assignment' && c.field === 'role' && c.kind !== 'modified') return head;
  if (c.kind === 'added') return `${head}：${escapeMarkdown(row.new)}`;
  if (c.kind === 'removed') return `${head}：${escapeMarkdown(row.old)}`;
  const marked = entry.redline ? `（${redlineMarkdown(entry.redline)}）` : '';
  return `${head}：${escapeMarkdown(row.old)} → ${escapeMarkdown(row.new)}${marked}`;
}

function list(changes: readonly Change[], plans: PlanPair | undefined, withAnnex: boolean): string[] {
  // Blank lines between items keep multi-line items (quotes) attached to their number in every renderer.
  return reportEntries(changes, plans, { withAnnex }).map((e, i) => changeItem(e, i + 1)).flatMap((item) => [item, '']);
}

function unitTable(changes: readonly Change[]): string[] {
  const lines = ['| 单位 | 变化 | 原任务数 | 新任务数 |', '| --- | --- | --- | --- |'];
  for (const c of changes) {
    const row = describeChange(c);
    lines.push(`| ${escapeMarkdown(c.key ?? '')} | ${row.note} | ${row.old} | ${row.new} |`);
  }
  return lines;
}

export function renderDiffMarkdown(changeSet: ChangeSet, meta: DiffReportMeta = {}): string {
  const out: string[] = [`# ${escapeMarkdown(meta.title ?? '修订对照报告')}`, ''];
  out.push(versionLine('原版本', changeSet.old, meta.oldLabel), versionLine('新版本', changeSet.new, meta.newLabel), '');
  out.push('## 变更汇总', '');
  if (changeSet.summary.total === 0) {
    out.push('两个版本之间没有变化。', '', ...undone(changeSet, meta.plans));
    return out.join('\n');
  }
  const fromFixes = changeSet.changes.filter((c) => c.fromCorrections).length;
  const ofThem = changeSet.undoneByCorrections ? `其中 ${fromFixes} 处来自更正文件（标“【更正】”）。` : '';
  out.push(`共 ${changeSet.summary.total} 处变化。${ofThem}`, '', ...summaryTable(changeSet), '');

  const planLevel = changeSet.changes.filter((c) => c.annex === null && c.entity !== 'unit');
  if (planLevel.length) out.push('## 通知与总体方案', '', ...list(planLevel, meta.plans, true));

  for (const ref of changeSet.annexes) {
    const changes = changeSet.changes.filter((c) => c.annex === ref.annex);
    if (!changes.length) continue;
    const was = ref.oldId && ref.oldId !== ref.annex ? `（原${ref.oldId}）` : ref.oldId ? '' : '（新增）';
    out.push(`## 附件${ref.number} ${escapeMarkdown(ref.title)}${was}`, '');
    const sections = [...new Set(changes.map((c) => SECTION_OF[c.entity]))];
    for (const section of sections) {
      const inSection = changes.filter((c) => SECTION_OF[c.entity] === section);
      if (sections.length > 1 || section !== '附件') out.push(`### ${section}`, '');
      for (const item of list(inSection, meta.plans, false)) out.push(item);
    }
  }

  const units = changeSet.changes.filter((c) => c.entity === 'unit');
  if (units.length) out.push('## 单位任务量', '', '任务数按“牵头 / 负责 / 配合”统计。', '', ...unitTable(units), '');
  out.push(...undone(changeSet, meta.plans));
  return out.join('\n');
}

/** The differences of the plans as read that corrections removed (only when markCorrections was asked for). */
function undone(changeSet: ChangeSet, plans: PlanPair | undefined): string[] {
  const list_ = changeSet.undoneByCorrections ?? [];
  if (!list_.length) return [];
  return ['## 更正消除的差异', '', `按原样读取的两个版本之间另有 ${list_.length} 处差异，经更正后不再存在：`, '', ...list(list_, plans, true)];
}
