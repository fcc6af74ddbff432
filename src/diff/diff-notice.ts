// The covering notice: the metadata an auditor cites (文号, 成文日期, 标题) and the command it sets up.
import type { Notice } from '../model/schema.js';
import { listChanges, scalarChange, type ChangeContext } from './change.js';
import { redline } from './redline.js';
import type { Change } from './schema.js';

const TEXT_FIELDS = ['docNumber', 'date', 'issuer', 'title', 'planTitle', 'planName'] as const;
const COMMAND_FIELDS = ['name', 'commander', 'executiveDeputy', 'office'] as const;
const NOWHERE: ChangeContext = { annex: null, oldId: null, newId: null, match: null };

export function diffNotice(oldNotice: Notice, newNotice: Notice, redlineMinEqual?: number): Change[] {
  const out: Change[] = [];
  for (const field of TEXT_FIELDS) {
    const o = oldNotice[field];
    const n = newNotice[field];
    // Long titles get a redline; a doc number or a date reads better as old → new.
    const lines = field.endsWith('itle') && o && n && o !== n ? redline(o, n, { minEqual: redlineMinEqual }) : undefined;
    out.push(...scalarChange('notice', field, o, n, NOWHERE, lines));
  }
  out.push(...listChanges('notice', 'recipients', oldNotice.recipients, newNotice.recipients, NOWHERE));

  const oc = oldNotice.command;
  const nc = newNotice.command;
  if (oc || nc) {
    for (const field of COMMAND_FIELDS) {
      out.push(...scalarChange('notice', `command.${field}`, oc?.[field] ?? null, nc?.[field] ?? null, NOWHERE));
    }
    out.push(...listChanges('notice', 'command.deputies', oc?.deputies ?? [], nc?.deputies ?? [], NOWHERE));
  }
  out.push(
    ...listChanges(
      'notice',
      'cadences',
      oldNotice.cadences.map((c) => c.raw),
      newNotice.cadences.map((c) => c.raw),
      NOWHERE,
    ),
  );
  return out;
}
