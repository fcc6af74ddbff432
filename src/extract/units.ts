// Unit names: how one mention in a clause becomes a canonical unit (desks, aliases, collectives), and the registry.
import { defaultLexicon, type Lexicon } from './lexicon.js';

/** The shape of a unit token after splitting a list: its canonical name plus what the brackets said. */
export interface UnitToken {
  readonly name: string;
  readonly parent: string | null;
  readonly desk: string | null;
  readonly alias: string | null;
  readonly kind: 'unit' | 'collective';
}

/** Bracket content that names another unit is an alias (区财政局〈区国资局〉); short labels are desks (〈科技、工信〉). */
function looksLikeAlias(inner: string, lex: Lexicon): boolean {
  return inner.length >= 3 && lex.levelPrefix.test(inner) && lex.unitSuffix.test(inner);
}

/**
 * One written unit (already split from its list, trimmed of 等 and 由) → tokens.
 * 区发展和改革局〈科技、工信〉 gives two desk tokens; 区财政局(区国资局) one token with an alias.
 */
export function readUnit(written: string, lex: Lexicon = defaultLexicon): UnitToken[] {
  const name = written.trim();
  if (lex.collective.test(name)) return [{ name, parent: null, desk: null, alias: null, kind: 'collective' }];
  const m = /^(.+?)[〈(]([^〈〉()]+)[〉)]$/.exec(name);
  if (!m) return [{ name, parent: null, desk: null, alias: null, kind: 'unit' }];
  const [, base, inner] = m;
  if (looksLikeAlias(inner, lex)) return [{ name: base, parent: null, desk: null, alias: inner, kind: 'unit' }];
  return inner
    .split(/[、,]/)
    .map((d) => d.trim())
    .filter(Boolean)
    .map((desk) => ({ name: `${base}〈${desk}〉`, parent: base, desk, alias: null, kind: 'unit' as const }));
}

export interface RegistryEntry {
  name: string;
  aliases: string[];
  parent: string | null;
  kind: 'unit' | 'collective';
  members: string[];
  counts: { lead: number; responsible: number; cooperate: number };
  /** offset of the first mention, for document order */
  first: number;
}

/** The units a document names, in order of first appearance. */
export class UnitRegistry {
  private readonly entries = new Map<string, RegistryEntry>();
  private readonly aliasOf = new Map<string, string>();

  /** Register a token met at `offset` and return its canonical name (an alias resolves to the unit it names). */
  add(token: UnitToken, offset: number): string {
    const canonical = this.aliasOf.get(token.name) ?? token.name;
    let entry = this.entries.get(canonical);
    if (!entry) {
      entry = { name: canonical, aliases: [], parent: token.parent, kind: token.kind, members: [], counts: { lead: 0, responsible: 0, cooperate: 0 }, first: offset };
      this.entries.set(canonical, entry);
    }
    entry.first = Math.min(entry.first, offset);
    if (token.parent) {
      // A desk implies its bureau; register the bureau so sheets can gather its desks.
      this.add({ name: token.parent, parent: null, desk: null, alias: null, kind: 'unit' }, offset);
    }
    if (token.alias && token.alias !== canonical && !entry.aliases.includes(token.alias)) {
      entry.aliases.push(token.alias);
      this.aliasOf.set(token.alias, canonical);
      // The alias may have been met on its own earlier: fold it into the unit it names.
      const stray = this.entries.get(token.alias);
      if (stray) {
        entry.first = Math.min(entry.first, stray.first);
        this.entries.delete(token.alias);
      }
    }
    return canonical;
  }

  /** Forget a name that turned out not to be a unit (e.g. two names run together, since split). */
  remove(name: string): void {
    this.entries.delete(name);
  }

  canonical(name: string): string {
    return this.aliasOf.get(name) ?? name;
  }

  get(name: string): RegistryEntry | undefined {
    return this.entries.get(this.canonical(name));
  }

  has(name: string): boolean {
    return this.entries.has(this.canonical(name));
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Entries in order of first mention in the document. */
  list(): RegistryEntry[] {
    return [...this.entries.values()].sort((a, b) => a.first - b.first || (a.name < b.name ? -1 : 1));
  }
}
