// 工作专班: who convenes, where the office sits, who is a member.
import type { WorkGroup } from '../model/schema.js';
import { change, listChanges, scalarChange, type ChangeContext } from './change.js';
import { redline } from './redline.js';
import type { Change } from './schema.js';
import { collapseSpace, layoutKey } from './text.js';

export function diffWorkGroups(
  oldGroup: WorkGroup | null,
  newGroup: WorkGroup | null,
  ctx: ChangeContext,
  redlineMinEqual?: number,
): Change[] {
  if (!oldGroup && !newGroup) return [];
  if (!oldGroup) return [change({ kind: 'added', entity: 'workGroup', field: 'name', key: newGroup!.name, new: newGroup!.name, ...ctx })];
  if (!newGroup) return [change({ kind: 'removed', entity: 'workGroup', field: 'name', key: oldGroup.name, old: oldGroup.name, ...ctx })];

  const text = (field: 'officeDuties' | 'liaison'): Change[] => {
    const o = oldGroup[field] === null ? null : collapseSpace(oldGroup[field]!);
    const n = newGroup[field] === null ? null : collapseSpace(newGroup[field]!);
    if (o !== null && n !== null && layoutKey(o) === layoutKey(n)) return [];
    const lines = o !== null && n !== null ? redline(o, n, { minEqual: redlineMinEqual }) : undefined;
    return scalarChange('workGroup', field, o, n, ctx, lines);
  };

  return [
    ...scalarChange('workGroup', 'name', oldGroup.name, newGroup.name, ctx),
    ...scalarChange('workGroup', 'convener', oldGroup.convener, newGroup.convener, ctx),
    ...listChanges('workGroup', 'deputyConveners', oldGroup.deputyConveners, newGroup.deputyConveners, ctx),
    ...scalarChange('workGroup', 'office', oldGroup.office, newGroup.office, ctx),
    ...text('officeDuties'),
    ...text('liaison'),
    ...listChanges('workGroup', 'members', oldGroup.members, newGroup.members, ctx),
  ];
}
