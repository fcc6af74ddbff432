// Hand-checked fixtures: one small notice per way offices write responsibilities and numbering
// (county, city, province, ministry), each with the assignments a reader finds in it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allTasks, extractText } from '../helpers.js';

interface Expected {
  note: string;
  tasks: Array<{ number: string; assignments: Array<{ role: string; unit: string; inferred: boolean }> }>;
  rules?: string[];
  diagnostics?: string[];
}

const root = 'tests/fixtures/forms';
// A missing folder is a broken checkout, not zero cases: readdirSync throws, and the count is asserted.
const cases = readdirSync(root).filter((d) => existsSync(join(root, d, 'expected.json')));

it('has its fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(28));

describe.each(cases)('form %s', (name) => {
  const expected = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as Expected;
  const plan = extractText(readFileSync(join(root, name, 'input.txt'), 'utf8'));

  it(expected.note, () => {
    const got = allTasks(plan).map((t) => ({
      number: t.number,
      assignments: t.assignments.map((a) => ({ role: a.role, unit: a.unit, inferred: a.inferred })),
    }));
    expect(got).toEqual(expected.tasks);
    if (expected.rules) expect(plan.annexes.flatMap((a) => a.rules.map((r) => r.id))).toEqual(expected.rules);
    for (const d of expected.diagnostics ?? []) expect(plan.diagnostics.map((x) => x.ruleId).join(' ')).toContain(d);
  });
});
