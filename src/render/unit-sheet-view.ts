// One unit's 责任清单 as a list of neutral blocks; the Word and PDF renderers only lay them out.
import type { Plan, Unit } from '../model/schema.js';
import { cadenceDuties, dutyFallsTo, type Duty } from './duties.js';
import { annexLabel, chineseDate, contentOf, planHasLeaders, printedPlanName } from './plan-view.js';
import { fill } from './layout.js';
import type { Column, UnitSheetTemplate } from './templates.js';
import { namesCovered, unitView, type UnitTask } from './unit-view.js';

export interface SheetRow {
  /** A row that spans the whole table width, e.g. the annex a run of tasks belongs to. */
  readonly banner?: string;
  readonly cells?: readonly string[];
}

export type SheetBlock =
  | { readonly kind: 'title' | 'subtitle' | 'note' | 'heading1' | 'heading2' | 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly columns: readonly Column[]; readonly rows: readonly SheetRow[] };

export interface UnitSheet {
  readonly title: string;
  readonly blocks: readonly SheetBlock[];
  /** Task ids on the sheet, for the index and for tests. */
  readonly taskIds: readonly string[];
}

/** The task, and below it what the unit answers for when that is a part of it, and the group it came through. */
function taskCell(t: UnitTask, withContent: boolean, tpl: UnitSheetTemplate): string {
  const lines = [withContent ? `${t.task.title}：${contentOf(t.task)}` : t.task.title];
  for (const p of t.parts) lines.push(`〔本单位${tpl.roleLabels[t.role]}${p.mark}〕${p.text}`);
  if (t.via) lines.push(`〔经“${t.via}”分配〕`);
  return lines.join('\n');
}

function idCell(t: UnitTask): string {
  const desk = t.desks.length > 0 ? `\n〔${t.desks.join('、')}〕` : '';
  const number = /^[（(]/.test(t.task.number) ? t.task.number : `（${t.task.number}）`;
  return `${t.task.id}\n${number}${desk}`;
}

/** The template's columns, less 责任领导 when no task of the plan names one (an empty column is left out). */
function columnsFor(plan: Plan, columns: readonly Column[]): readonly Column[] {
  return planHasLeaders(plan) ? columns : columns.filter((c) => c.key !== 'leaders');
}

function tableRows(tasks: readonly UnitTask[], columns: readonly Column[], tpl: UnitSheetTemplate): SheetRow[] {
  const rows: SheetRow[] = [];
  let annexId = '';
  for (const t of tasks) {
    if (t.annex.id !== annexId) {
      annexId = t.annex.id;
      rows.push({ banner: annexLabel(t.annex) });
    }
    rows.push({
      cells: columns.map((col) => {
        switch (col.key) {
          case 'id':
            return idCell(t);
          case 'task':
            return taskCell(t, true, tpl);
          case 'title':
            return taskCell(t, false, tpl);
          case 'role':
            return t.via ? `${tpl.roleLabels[t.role]}\n（经集体）` : tpl.roleLabels[t.role];
          case 'leaders':
            return t.leaders;
          case 'leads':
            return t.leads.join('、');
          case 'partners':
            return t.partners.join('、');
          case 'targets':
            return t.targets;
          case 'deadlines':
            return t.deadlines;
          default:
            return '';
        }
      }),
    });
  }
  return rows;
}

export interface UnitSheetOptions {
  /** YYYY-MM-DD: the sheet's own issue date, printed as such under the title (not the notice's date). */
  readonly date: string;
  /** The plan's reporting duties with their subjects (default: each cadence as written, for every unit). */
  readonly duties?: readonly Duty[];
  /** Title characters that fit on one line; a longer title breaks after the unit name instead of anywhere. */
  readonly titleChars: number;
}

/** 依据：《…》（文号，日期）: the document the sheet comes from. */
export function sourceLine(plan: Plan): string | null {
  const { title, docNumber, date } = plan.notice;
  const facts = [docNumber, date ? `${chineseDate(date)}印发` : null].filter(Boolean).join('，');
  if (!title && !facts) return null;
  // A title inside 《》 writes its own 《》 as 〈〉.
  const inner = title?.replace(/^《|》$/g, '').replace(/《/g, '〈').replace(/》/g, '〉');
  return `依据：${inner ? `《${inner}》` : ''}${facts ? `（${facts}）` : ''}`;
}

export function unitSheet(plan: Plan, unit: Unit, tpl: UnitSheetTemplate, options: UnitSheetOptions): UnitSheet {
  const v = unitView(plan, unit);
  const title = fill(tpl.title, { unit: unit.name, planName: printedPlanName(plan) });
  const broken = fill(tpl.title, { unit: `${unit.name}\n`, planName: printedPlanName(plan) });
  const source = sourceLine(plan);
  const blocks: SheetBlock[] = [
    { kind: 'title', text: [...title].length > options.titleChars && broken.includes('\n') ? broken.replace(/^\n+|\n+$/g, '') : title },
    ...(source ? [{ kind: 'note' as const, text: source }] : []),
    { kind: 'note', text: `本清单印发日期：${chineseDate(options.date)}` },
  ];
  if (unit.kind === 'collective') {
    const who = unit.members.length > 0
      ? `指${unit.members.join('、')}。`
      : '文件未列明具体单位，由所指各单位分别对照承办。';
    blocks.push({ kind: 'paragraph', text: `本清单发“${unit.name}”：文件中交由“${unit.name}”承担的任务。${who}` });
  }
  blocks.push(
    { kind: 'heading1', text: tpl.summaryHeading },
    {
      kind: 'paragraph',
      text: `${unit.name}牵头任务${v.lead.length}项，参与任务${v.join.length}项` +
        `（负责${v.join.filter((t) => t.role === 'responsible').length}项、配合${v.join.filter((t) => t.role === 'cooperate').length}项），` +
        `涉及${v.actions}个行动${v.groups.length > 0 ? `，参加${v.groups.length}个工作专班` : ''}。`,
    },
    ...v.perAnnex.map((a) => ({ kind: 'paragraph' as const, text: `${annexLabel(a.annex)}：牵头${a.lead}项，参与${a.join}项。` })),
  );
  if (v.hasDesks) {
    blocks.push({ kind: 'paragraph', text: '含本单位各科室承担的任务，编号下方〔〕内注明承办科室。' });
  }
  if ([...v.lead, ...v.join].some((t) => t.parts.length > 0)) {
    blocks.push({ kind: 'paragraph', text: '任务中只有部分内容由本单位承担的，任务下方〔本单位…〕注明该部分。' });
  }
  if ([...v.lead, ...v.join].some((t) => t.via)) {
    blocks.push({ kind: 'paragraph', text: '标注“经……分配”的任务，文件交由集体承担（如各成员单位），本单位为其中之一。' });
  }
  const leadColumns = columnsFor(plan, tpl.leadColumns);
  const joinColumns = columnsFor(plan, tpl.joinColumns);
  blocks.push({ kind: 'heading1', text: tpl.leadHeading });
  blocks.push(v.lead.length > 0 ? { kind: 'table', columns: leadColumns, rows: tableRows(v.lead, leadColumns, tpl) } : { kind: 'paragraph', text: tpl.noTasks });
  blocks.push({ kind: 'heading1', text: tpl.joinHeading });
  blocks.push(v.join.length > 0 ? { kind: 'table', columns: joinColumns, rows: tableRows(v.join, joinColumns, tpl) } : { kind: 'paragraph', text: tpl.noTasks });
  blocks.push({ kind: 'heading1', text: tpl.groupsHeading });
  if (v.groups.length === 0) blocks.push({ kind: 'paragraph', text: tpl.noTasks });
  v.groups.forEach(({ group, annex, as }, i) => {
    blocks.push({ kind: 'heading2', text: `（${'一二三四五六七八九十'[i] ?? i + 1}）${group.name}` });
    const facts = [
      group.convener ? `召集人：${group.convener}` : '',
      group.office ? `办公室设在${group.office}` : '',
      `本单位为${as.join('、')}`,
    ].filter(Boolean);
    blocks.push({ kind: 'paragraph', text: `${facts.join('；')}（${annexLabel(annex)}）。` });
    if (group.liaison) blocks.push({ kind: 'paragraph', text: `${group.liaison}。`.replace(/。。$/, '。') });
    blocks.push({ kind: 'paragraph', text: `联络员：${tpl.blankLine}　电话：${tpl.blankLine}` });
  });
  blocks.push({ kind: 'heading1', text: tpl.cadenceHeading });
  const names = namesCovered(plan, unit);
  const duties = (options.duties ?? cadenceDuties(plan)).filter((d) => dutyFallsTo(plan, d, unit, names, v.lead.length > 0));
  if (duties.length === 0) blocks.push({ kind: 'paragraph', text: tpl.noTasks });
  duties.forEach((d, i) => blocks.push({ kind: 'paragraph', text: `${i + 1}. ${dutyText(d)}` }));
  return { title, blocks, taskIds: [...v.lead, ...v.join].map((t) => t.task.id) };
}

/** A duty as a sheet prints it: its subject first (〔各工作专班〕…), then the requirement as the notice words it. */
function dutyText(d: Duty): string {
  if (!d.subject || !d.text) return d.raw;
  const text = d.text.replace(/[，,。；;]+$/, '');
  return `〔${d.subject}〕${text.startsWith(d.subject) ? text.slice(d.subject.length).replace(/^(要|应当|应|须)/, '') : text}。`;
}
