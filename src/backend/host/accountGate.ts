import type { IncomingMessage, ServerResponse } from 'node:http';
import { AUTH_LOGIN_PATH, AUTH_LOGOUT_PATH, AUTH_SESSION_PATH, type SessionInfoDto } from '../../shared/api/authProtocol';
import { fail, ok, type Result } from '../../shared/api/result';
import type { Store } from '../db/openStore';
import { authenticateAccount, recheckAccount, type SignedInAccount } from '../services/accounts/authenticateAccount';
import { LoginRateLimit, type RateLimitOptions } from './loginRateLimit';
import { SessionStore, type SessionOptions } from './sessionStore';

export type AccountGateOptions = SessionOptions & RateLimitOptions;

const COOKIE = 'kaoping_session';
/** Under TLS the cookie takes the __Host- prefix: the browser then keeps it for this exact host, Secure, path /. */
const SECURE_COOKIE = '__Host-kaoping_session';
const LOGIN_BODY_BYTES = 4096;

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function readSmallBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > LOGIN_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
  });
}

function send(res: ServerResponse, status: number, body: Result<unknown> | SessionInfoDto, cookie?: string): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' };
  if (cookie) headers['Set-Cookie'] = cookie;
  res.writeHead(status, headers).end(text);
}

function dto(a: SignedInAccount) {
  return { name: a.name, role: a.role, district: a.district };
}

/**
 * Accounts on the HTTP host (a city server): login and logout, the session cookie, the login rate
 * limit, and the account behind each request, re-read from the store on every call so that
 * `kaoping user disable` or `user passwd` end a session at once.
 */
export class AccountGate {
  readonly sessions: SessionStore;
  private readonly limit: LoginRateLimit;

  constructor(
    private readonly store: Store,
    private readonly tls: boolean,
    opts: AccountGateOptions = {},
  ) {
    this.sessions = new SessionStore(opts);
    this.limit = new LoginRateLimit(opts);
  }

  /** Secure cookies under TLS, or behind a proxy that says the browser spoke https. */
  private secure(req: IncomingMessage): boolean {
    return this.tls || req.headers['x-forwarded-proto'] === 'https';
  }

  private cookieName(req: IncomingMessage): string {
    return this.secure(req) ? SECURE_COOKIE : COOKIE;
  }

  private cookie(req: IncomingMessage, value: string, maxAge?: number): string {
    const parts = [`${this.cookieName(req)}=${value}`, 'HttpOnly', 'SameSite=Strict', 'Path=/'];
    if (maxAge !== undefined) parts.push(`Max-Age=${maxAge}`);
    if (this.secure(req)) parts.push('Secure');
    return parts.join('; ');
  }

  private sessionId(req: IncomingMessage): string | null {
    return cookieValue(req, this.cookieName(req));
  }

  /** The request's session and its account, checked against the store; null when there is none valid. */
  async caller(req: IncomingMessage): Promise<{ sessionId: string; account: SignedInAccount } | null> {
    const id = this.sessionId(req);
    const held = id === null ? null : this.sessions.use(id);
    if (id === null || held === null) return null;
    const account = await recheckAccount(this.store.db, held);
    if (!account) {
      this.sessions.close(id);
      return null;
    }
    return { sessionId: id, account };
  }

  /** Answers /auth/* (true), or returns false for any other path. `refusal`: the cross-site check for POSTs. */
  async handle(req: IncomingMessage, res: ServerResponse, pathname: string, refusal: () => string | null): Promise<boolean> {
    if (pathname === AUTH_SESSION_PATH) {
      const c = await this.caller(req);
      send(res, 200, { mode: 'accounts', account: c ? dto(c.account) : null });
      return true;
    }
    if (pathname !== AUTH_LOGIN_PATH && pathname !== AUTH_LOGOUT_PATH) return false;
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      send(res, 405, fail('method_not_allowed', '只接受 POST 请求'));
      return true;
    }
    const why = refusal();
    if (why !== null) {
      req.resume();
      send(res, 403, fail('forbidden', why));
      return true;
    }
    if (pathname === AUTH_LOGOUT_PATH) {
      req.resume();
      const id = this.sessionId(req);
      if (id !== null) this.sessions.close(id);
      send(res, 200, ok(null), this.cookie(req, '', 0));
      return true;
    }
    await this.login(req, res);
    return true;
  }

  private async login(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readSmallBody(req);
    let body: unknown;
    try {
      body = text === null ? null : JSON.parse(text);
    } catch {
      body = null;
    }
    const { name, password } = (body ?? {}) as { name?: unknown; password?: unknown };
    if (typeof name !== 'string' || typeof password !== 'string' || !name.trim() || password.length > 200) {
      send(res, 400, fail('bad_request', '请填写账号和密码'));
      return;
    }
    const who = name.trim();
    const address = req.socket.remoteAddress ?? '';
    const wait = this.limit.waitMs(who, address);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      res.setHeader('Retry-After', String(Math.ceil(wait / 1000)));
      send(res, 429, fail('rate_limited', `登录失败次数过多，请 ${minutes} 分钟后再试`, { retryAfterSeconds: Math.ceil(wait / 1000) }));
      return;
    }
    const account = await authenticateAccount(this.store.db, who, password);
    if (!account) {
      this.limit.failed(who, address);
      send(res, 401, fail('login_failed', '账号或密码不对，或该账号已停用'));
      return;
    }
    this.limit.succeeded(who, address);
    const id = this.sessions.open(account);
    send(res, 200, ok(dto(account)), this.cookie(req, id));
  }
}
