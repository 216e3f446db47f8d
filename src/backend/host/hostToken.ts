import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER, TOKEN_QUERY, tokenCookieName } from '../../shared/api/httpProtocol';

export function newHostToken(): string {
  return randomBytes(24).toString('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** How a request proved it knows the token, if it did (httpProtocol.ts describes the scheme). */
export function tokenSource(
  req: IncomingMessage,
  url: URL,
  token: string,
  port: number,
  opts: { queryAllowed: boolean } = { queryAllowed: true },
): 'header' | 'query' | 'cookie' | null {
  const header = req.headers[TOKEN_HEADER];
  if (typeof header === 'string' && same(header, token)) return 'header';
  const query = opts.queryAllowed ? url.searchParams.get(TOKEN_QUERY) : null;
  if (query !== null && same(query, token)) return 'query';
  const cookie = cookieValue(req, tokenCookieName(port));
  if (cookie !== null && same(cookie, token)) return 'cookie';
  return null;
}

export function tokenCookie(token: string, port: number): string {
  return `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
