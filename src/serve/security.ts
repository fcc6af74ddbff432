// The guards of `fenjie serve`: the page is for one person on their own machine, so every request must name our
// host (against DNS rebinding), and every state change must carry this run's token and come from our origin (against CSRF).
import { randomBytes, timingSafeEqual } from 'node:crypto';

export interface Bound {
  readonly host: string;
  readonly port: number;
}

/** A fresh per-run token: 32 random bytes, URL-safe. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The Host header values we answer to: the bound host:port, and localhost:port when bound to 127.0.0.1. */
export function allowedHosts(bound: Bound): ReadonlySet<string> {
  const hosts = new Set([`${bound.host}:${bound.port}`.toLowerCase()]);
  if (bound.host === '127.0.0.1') hosts.add(`localhost:${bound.port}`);
  return hosts;
}

export function hostAllowed(hostHeader: string | undefined, bound: Bound): boolean {
  return hostHeader !== undefined && allowedHosts(bound).has(hostHeader.toLowerCase());
}

/** Origin, when present, must be exactly one of our origins. A missing Origin with a valid token is accepted:
 *  browsers send Origin on every POST, so its absence means a non-browser client, which had to know the token anyway. */
export function originAllowed(originHeader: string | undefined, bound: Bound): boolean {
  if (originHeader === undefined) return true;
  for (const host of allowedHosts(bound)) if (originHeader.toLowerCase() === `http://${host}`) return true;
  return false;
}

export function tokenMatches(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const STATE_CHANGING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** What to answer before routing: undefined to go on, or the status that refuses the request. */
export function guard(
  request: { method?: string; headers: Record<string, string | string[] | undefined> },
  bound: Bound,
): 421 | 403 | undefined {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  if (!hostAllowed(header('host'), bound)) return 421;
  if (STATE_CHANGING.has(request.method ?? 'GET') && !originAllowed(header('origin'), bound)) return 403;
  return undefined;
}

/** Headers on every answer: no external loads, no framing, no inline script (the script is served as /app.js). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  // same-origin, not no-referrer: under no-referrer a form posted with scripts off says `Origin: null`, which the Origin check refuses.
  'Referrer-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
