// 调度报送要求: each reporting cadence the plan sets, with the subject its sentence gives it (各工作专班, 区指挥部办公室,
// 召集人, 各级各部门 …) and who that means, so a unit's sheet lists only what falls to it or to everyone.
// The subject is read from the source text around the cadence (the Plan keeps the cadence phrase and its span only).
import type { Plan, Unit } from '../model/schema.js';

/** Who a duty falls to. */
export type DutyAudience = 'all' | 'work-groups' | 'command-office' | 'convener' | 'leads' | 'named' | 'unknown';

export interface Duty {
  /** The cadence as written: 每旬调度更新. */
  readonly raw: string;
  /** The subject as written (区实施“八大行动”各工作专班), null when no source text was at hand. */
  readonly subject: string | null;
  /** The requirement's clause as written, subject included (区指挥部办公室要建立……台账，月底收集更新). */
  readonly text: string | null;
  readonly audience: DutyAudience;
  /** For `named`: the unit the subject names (canonical). */
  readonly unit: string | null;
}

const SENTENCE_END = /[。；;！!？?\n]/;
const CLAUSE_END = /[，,。；;\n]/;
/** Subjects that begin a clause of their own, inside a sentence whose subject is someone else. */
const OWN_SUBJECT = /^(召集人|副召集人|指挥长|各牵头单位|牵头单位|各成员单位|各级各部门|各单位|各部门)/;

/** The duties of the plan; without the source text, each cadence as written with no subject (shown to every unit). */
export function cadenceDuties(plan: Plan, source?: string | null): Duty[] {
  const seen = new Set<string>();
  const out: Duty[] = [];
  for (const c of plan.notice.cadences) {
    if (seen.has(c.raw)) continue;
    seen.add(c.raw);
    if (!source || source.slice(c.span.start, c.span.end) !== c.raw) {
      out.push({ raw: c.raw, subject: null, text: null, audience: 'unknown', unit: null });
      continue;
    }
    let start = c.span.start;
    while (start > 0 && !SENTENCE_END.test(source[start - 1]!)) start--;
    let end = c.span.end;
    while (end < source.length && !CLAUSE_END.test(source[end]!)) end++;
    let clauseStart = c.span.start;
    while (clauseStart > start && !CLAUSE_END.test(source[clauseStart - 1]!)) clauseStart--;
    const sentence = source.slice(start, end).replace(/^[（(][一二三四五六七八九十]+[）)][^。]*?。/, '').trim();
    const own = source.slice(clauseStart, end).trim();
    const ownSubject = own.match(OWN_SUBJECT)?.[1];
    const subject = ownSubject ?? sentence.match(/^(.{2,40}?)(要|应当|应|须|负责|定期|每)/)?.[1] ?? null;
    const text = ownSubject ? own : sentence;
    out.push({ raw: c.raw, subject, text, ...audienceOf(plan, subject) });
  }
  return out;
}

function audienceOf(plan: Plan, subject: string | null): { audience: DutyAudience; unit: string | null } {
  if (!subject) return { audience: 'unknown', unit: null };
  if (/召集人|指挥长/.test(subject)) return { audience: 'convener', unit: null };
  if (/指挥部办公室|指挥部办/.test(subject)) return { audience: 'command-office', unit: null };
  if (/工作专班|专班/.test(subject)) return { audience: 'work-groups', unit: null };
  if (/牵头单位/.test(subject)) return { audience: 'leads', unit: null };
  if (/各级各部门|各单位|各部门|各有关单位/.test(subject)) return { audience: 'all', unit: null };
  const named = plan.units.find((u) => subject.endsWith(u.name) || u.aliases.some((a) => subject.endsWith(a)));
  return named ? { audience: 'named', unit: named.name } : { audience: 'unknown', unit: null };
}

/**
 * Whether a duty falls to a unit: to everyone; to the work groups' offices and members; to the command's office; to
 * units that lead a task; or to the unit named. A convener is a person: the duty stays on the convener's own papers.
 */
export function dutyFallsTo(plan: Plan, duty: Duty, unit: Unit, names: ReadonlySet<string>, leads: boolean): boolean {
  switch (duty.audience) {
    case 'all':
    case 'unknown':
      return true;
    case 'work-groups':
      return plan.annexes.some((a) => a.workGroup && (names.has(a.workGroup.office ?? '') || a.workGroup.members.some((m) => names.has(m))));
    case 'command-office':
      return plan.notice.command?.office != null && (names.has(plan.notice.command.office) || plan.notice.command.office.endsWith(unit.name));
    case 'leads':
      return leads;
    case 'named':
      return duty.unit !== null && names.has(duty.unit);
    case 'convener':
      return false;
  }
}
