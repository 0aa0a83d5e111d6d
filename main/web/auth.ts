import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { hostname as machineName, networkInterfaces } from 'node:os';

/** 32 random bytes, URL-safe: guessing it is out of reach, and it survives being pasted from a terminal. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A token given from outside (tests, scripts) must still be hard to guess. */
export function checkToken(token: string): string {
  if (!/^[A-Za-z0-9_-]{32,256}$/.test(token)) throw new Error('The token must be 32 to 256 letters, digits, "-" or "_".');
  return token;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export const isLoopback = (host: string): boolean => LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Hash both sides so the comparison takes the same time whatever the lengths. */
function sameSecret(given: string, token: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Host names (with port) this host answers to; anything else is a DNS-rebinding attempt or a mistake. */
export function allowedHosts(bound: string, port: number): Set<string> {
  const names = new Set<string>(['127.0.0.1', 'localhost', '[::1]']);
  if (!isLoopback(bound)) {
    // Bound to a network address: the machine's own names and addresses are how others reach it.
    if (bound !== '0.0.0.0' && bound !== '::') names.add(bound.includes(':') ? `[${bound}]` : bound);
    names.add(machineName().toLowerCase());
    names.add(`${machineName().toLowerCase()}.local`);
    for (const list of Object.values(networkInterfaces()))
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address.split('%')[0] ?? a.address}]` : a.address);
  }
  return new Set([...names].map((n) => `${n}:${port}`));
}

export type Refusal = { readonly status: 400 | 401 | 403; readonly reason: string } | null;

/**
 * Who may talk to the host: the right Host (DNS rebinding), a same-origin Origin where the browser sends
 * one (required on the WebSocket upgrade), and the start token from the cookie or an Authorization header.
 */
export class Gate {
  constructor(
    private readonly token: string,
    private readonly hosts: () => ReadonlySet<string>,
    private readonly port: () => number,
  ) {}

  /** Cookies ignore ports: one name per port keeps two hosts on one machine from clobbering each other. */
  get cookieName(): string {
    return `layerlab_${this.port()}`;
  }

  hostOk(req: IncomingMessage): boolean {
    const host = req.headers.host?.toLowerCase();
    return host !== undefined && this.hosts().has(host);
  }

  /** The Origin header must name this very host: a page elsewhere cannot drive it, even with our cookie. */
  originOk(req: IncomingMessage, required: boolean): boolean {
    const origin = req.headers.origin;
    if (origin === undefined) return !required;
    return origin.toLowerCase() === `http://${req.headers.host?.toLowerCase() ?? ''}`;
  }

  hasToken(req: IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const given = bearer ?? cookieValue(req.headers.cookie, this.cookieName);
    return given !== null && sameSecret(given, this.token);
  }

  tokenMatches(given: string): boolean {
    return sameSecret(given, this.token);
  }

  setCookie(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Host first (a rebound name learns nothing), then the token, then the Origin. */
  check(req: IncomingMessage, originRequired: boolean): Refusal {
    if (!this.hostOk(req)) return { status: 400, reason: 'Unknown Host header.' };
    if (!this.hasToken(req)) return { status: 401, reason: 'Open the link with ?token=… that the LayerLab server printed when it started.' };
    if (!this.originOk(req, originRequired))
      return { status: 403, reason: originRequired && !req.headers.origin ? 'Missing Origin header.' : 'Cross-origin request refused.' };
    return null;
  }
}
