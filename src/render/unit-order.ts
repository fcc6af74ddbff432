// Units in the order an office lists them: party organs, people's congress and CPPCC, government departments,
// courts and procuratorate, mass organisations, vertically managed and stationed units, enterprises, then
// collectives; within a kind, the order the registry gives (first mention in the notice). A bureau's desks follow it.
import type { Plan, Unit } from '../model/schema.js';

/** Kinds of unit by name, in list order. The first pattern that matches decides; government is the default. */
const KINDS: readonly (readonly [string, RegExp])[] = [
  ['party', /^(区|县|市|州|省)?(委|纪委)|组织部|宣传部|统战部|政法委|网信办|编办/],
  ['congress', /人大|政协/],
  ['court', /法院|检察院/],
  ['mass', /工会|^团.{0,2}委|妇联|科协|残联|工商联|文联|红十字会|贸促会|侨联|关工委/],
  ['enterprise', /公司$|集团$|银行$/],
  ['stationed', /^张管局|税务局|^市|支队|大队$|武警|消防|气象局|海关/],
  ['other', /专班$/],
];
const RANK = new Map(['party', 'congress', 'government', 'court', 'mass', 'stationed', 'enterprise', 'other', 'collective'].map((k, i) => [k, i]));

/** The kind an office would file a unit under. */
export function unitKind(name: string, unit?: Unit): string {
  if (unit?.kind === 'collective') return 'collective';
  for (const [kind, pattern] of KINDS) if (pattern.test(name)) return kind;
  return 'government';
}

/**
 * `names` in office order: by kind, then registry order; a desk (a unit whose parent is a bureau) right after its
 * bureau, whatever its own name says. Names the registry lacks come last, sorted, so nothing is dropped.
 */
export function officeOrder(plan: Plan, names: ReadonlySet<string>): string[] {
  const index = new Map(plan.units.map((u, i) => [u.name, i]));
  const byName = new Map(plan.units.map((u) => [u.name, u]));
  const head = (name: string): string => byName.get(name)?.parent ?? name;
  const key = (name: string) => {
    const bureau = head(name);
    return { rank: RANK.get(unitKind(bureau, byName.get(bureau)))!, at: index.get(bureau) ?? Infinity, desk: bureau === name ? -1 : index.get(name) ?? Infinity };
  };
  const known = [...names].filter((n) => index.has(n));
  const rest = [...names].filter((n) => !index.has(n)).sort();
  known.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x.rank - y.rank || x.at - y.at || x.desk - y.desk;
  });
  return [...known, ...rest];
}
