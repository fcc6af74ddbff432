// One unit's 责任清单 as a list of neutral blocks; the Word and PDF renderers only lay them out.
import type { Plan, Unit } from '../model/schema.js';
import { annexLabel, chineseDate, contentOf, planNameOf } from './plan-view.js';
import { fill } from './layout.js';
import type { Column, UnitSheetTemplate } from './templates.js';
import { unitView, type UnitTask } from './unit-view.js';

export interface SheetRow {
  /** A row that spans the whole table width, e.g. the annex a run of tasks belongs to. */
  readonly banner?: string;
  readonly cells?: readonly string[];
}

export type SheetBlock =
  | { readonly kind: 'title' | 'subtitle' | 'heading1' | 'heading2' | 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly columns: readonly Column[]; readonly rows: readonly SheetRow[] };

export interface UnitSheet {
  readonly title: string;
  readonly blocks: readonly SheetBlock[];
  /** Task ids on the sheet, for the index and for tests. */
  readonly taskIds: readonly string[];
}

function taskCell(t: UnitTask, withContent: boolean): string {
  return withContent ? `${t.task.title}：${contentOf(t.task)}` : t.task.title;
}

function idCell(t: UnitTask): string {
  const desk = t.desks.length > 0 ? `\n〔${t.desks.join('、')}〕` : '';
  return `${t.task.id}\n（${t.task.number}）${desk}`;
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
            return taskCell(t, true);
          case 'title':
            return taskCell(t, false);
          case 'role':
            return tpl.roleLabels[t.role];
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
  /** YYYY-MM-DD printed under the title. */
  readonly date: string;
  /** Title characters that fit on one line; a longer title breaks after the unit name instead of anywhere. */
  readonly titleChars: number;
}

export function unitSheet(plan: Plan, unit: Unit, tpl: UnitSheetTemplate, options: UnitSheetOptions): UnitSheet {
  const v = unitView(plan, unit);
  const title = fill(tpl.title, { unit: unit.name, planName: planNameOf(plan) });
  const broken = fill(tpl.title, { unit: `${unit.name}\n`, planName: planNameOf(plan) });
  const blocks: SheetBlock[] = [
    { kind: 'title', text: [...title].length > options.titleChars && broken.includes('\n') ? broken.replace(/^\n+|\n+$/g, '') : title },
    { kind: 'subtitle', text: `（${chineseDate(options.date)}）` },
    { kind: 'heading1', text: tpl.summaryHeading },
    {
      kind: 'paragraph',
      text: `${unit.name}牵头任务${v.lead.length}项，参与任务${v.join.length}项` +
        `（负责${v.join.filter((t) => t.role === 'responsible').length}项、配合${v.join.filter((t) => t.role === 'cooperate').length}项），` +
        `涉及${v.perAnnex.length}个行动。`,
    },
    ...v.perAnnex.map((a) => ({ kind: 'paragraph' as const, text: `${annexLabel(a.annex)}：牵头${a.lead}项，参与${a.join}项。` })),
  ];
  if (v.hasDesks) {
    blocks.push({ kind: 'paragraph', text: '含本单位各科室承担的任务，编号下方〔〕内注明承办科室。' });
  }
  blocks.push({ kind: 'heading1', text: tpl.leadHeading });
  blocks.push(v.lead.length > 0 ? { kind: 'table', columns: tpl.leadColumns, rows: tableRows(v.lead, tpl.leadColumns, tpl) } : { kind: 'paragraph', text: tpl.noTasks });
  blocks.push({ kind: 'heading1', text: tpl.joinHeading });
  blocks.push(v.join.length > 0 ? { kind: 'table', columns: tpl.joinColumns, rows: tableRows(v.join, tpl.joinColumns, tpl) } : { kind: 'paragraph', text: tpl.noTasks });
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
  if (v.cadences.length === 0) blocks.push({ kind: 'paragraph', text: tpl.noTasks });
  v.cadences.forEach((raw, i) => blocks.push({ kind: 'paragraph', text: `${i + 1}. ${raw}` }));
  return { title, blocks, taskIds: [...v.lead, ...v.join].map((t) => t.task.id) };
}
