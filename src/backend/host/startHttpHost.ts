import { mkdtemp, rm } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { API_PATH_PREFIX, EVENTS_PATH, MAX_BODY_BYTES, TOKEN_QUERY } from '../../shared/api/httpProtocol';
import { isApiName, type HandlerContext } from '../../shared/api/kaopingApi';
import { fail, type Result } from '../../shared/api/result';
import { decodeWire, encodeWire } from '../../shared/api/wireCodec';
import type { Store } from '../db/openStore';
import { createHandlers, invokeHandler } from '../handlers';
import { WriteLock } from '../handlers/writeLock';
import { crossSiteRefusal } from './crossSiteRefusal';
import { UploadTooLarge, wireBodyViaFile } from './wireBodyViaFile';
import { EventStream } from './eventStream';
import { newHostToken, tokenCookie, tokenSource } from './hostToken';
import { setSecurityHeaders } from './securityHeaders';
import { serveStatic } from './serveStatic';
import { AUTH_SESSION_PATH, LOGIN_REQUIRED, type SessionInfoDto } from '../../shared/api/authProtocol';
import type { CallerAccount } from '../services/accounts/accountRole';
import { AccountGate, type AccountGateOptions } from './accountGate';
import { isLoopbackHost } from './isLoopbackHost';

export interface HttpHostOptions {
  store: Store;
  /** 0 (default): a free port chosen by the system. */
  port?: number;
  /** The renderer build (index.html and its assets). */
  rendererDir: string;
  now?: () => Date;
  /** Temporary files (the demo district); default: a new folder under the OS temp dir, removed on close. */
  workDir?: string;
  logError?: (name: string, err: unknown) => void;
  /** Told about every backup taken before an import, undo or demo load. */
  onBackup?: (file: string) => void;
  /** The lock of every writer of this store (default: the host's own). */
  writeLock?: WriteLock;
  /** The address to listen on (default 127.0.0.1). Any other needs `accounts`. */
  listenHost?: string;
  /**
   * Served with accounts (a city server): a login (accountGate.ts, authProtocol.ts) instead of
   * the per-run token, every call as the logged-in account under its role (methodAccess.ts).
   */
  accounts?: AccountGateOptions;
  /** HTTPS with this PEM certificate and key. */
  tls?: { cert: Buffer | string; key: Buffer | string };
}

export interface HttpHost {
  url: string;
  /** The per-run token (empty when served with accounts: the login replaces it). */
  token: string;
  port: number;
  /** Cancels running jobs, waits for calls in flight, closes the event streams and the server. */
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

/** Bodies above this are uploads: streamed to a temporary file, one at a time. */
const STREAMED_BODY_BYTES = 1024 * 1024;

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  const body = encodeWire(result);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: ServerResponse, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' }).end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end(text);
}

/**
 * The path's segments, decoded, or null when the raw path tries to leave the served folder
 * ('..' in any spelling, backslashes, NUL): refused before anything resolves it.
 */
function safeSegments(rawUrl: string): string[] | null {
  const rawPath = rawUrl.split('?')[0] ?? '';
  if (!rawPath.startsWith('/')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '..' || segment === '.' || /[\\\0]/.test(segment) || segment.includes('/')) return null;
    segments.push(segment);
  }
  return segments;
}

/**
 * The loopback HTTP host: the renderer build and the contract (POST /api/<name>, server-sent
 * events on /api/events) on 127.0.0.1 only, behind a random per-run token (httpProtocol.ts).
 */
export async function startHttpHost(opts: HttpHostOptions): Promise<HttpHost> {
  const listenHost = opts.listenHost ?? '127.0.0.1';
  if (!opts.accounts && !isLoopbackHost(listenHost)) throw new Error(`不能在 ${listenHost} 上不经登录对外服务`);
  const token = opts.accounts ? '' : newHostToken();
  const ownWorkDir = opts.workDir === undefined;
  const workDir = opts.workDir ?? (await mkdtemp(path.join(os.tmpdir(), 'kaoping-host-')));
  const handlers = createHandlers({
    store: opts.store,
    now: opts.now ?? (() => new Date()),
    workDir,
    onBackup: opts.onBackup,
    writeLock: opts.writeLock,
    ...(opts.accounts ? { accounts: {} } : {}),
  });
  const events = new EventStream();
  const ctx: HandlerContext = { emit: (event, payload) => events.send(event, payload) };
  const gate = opts.accounts ? new AccountGate(opts.store, opts.tls !== undefined, opts.accounts) : null;
  // Served with accounts, each session has its own event stream: one person's job events never reach another's page.
  const sessionEvents = new Map<string, EventStream>();
  const eventsOf = (sessionId: string): EventStream => {
    let stream = sessionEvents.get(sessionId);
    if (!stream) sessionEvents.set(sessionId, (stream = new EventStream()));
    return stream;
  };
  const inFlight = new Set<Promise<unknown>>();
  // One upload (its body, its decoding and its call, e.g. the import) at a time per person; the
  // next one's body waits in the socket until then, so four concurrent uploads cost what one does.
  // Per account on a city server: another supervisor's upload does not wait behind this one's
  // import (writes of the same district are told who holds it: districtWriteLock.ts).
  const uploadGates = new Map<string, WriteLock>();
  const uploadGateOf = (scope: CallScope): WriteLock => {
    const key = scope.caller ? `account:${scope.caller.id}` : 'local';
    let gate = uploadGates.get(key);
    if (!gate) uploadGates.set(key, (gate = new WriteLock()));
    return gate;
  };
  let port = 0;

  /** Who a call runs as: the loopback page (no account, the shared stream) or a session's account. */
  interface CallScope {
    caller?: CallerAccount;
    ctx: HandlerContext;
  }
  const localScope: CallScope = { ctx };

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string, scope: CallScope = localScope): Promise<void> {
    if (!isApiName(name)) {
      sendResult(res, 404, fail('not_found', `没有名为「${name}」的接口`));
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      sendResult(res, 405, fail('method_not_allowed', '接口只接受 POST 请求'));
      return;
    }
    const refusal = crossSiteRefusal(req, port, { servedByName: gate !== null });
    if (refusal !== null) {
      sendResult(res, 403, fail('forbidden', refusal));
      req.resume();
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) {
      sendResult(res, 413, fail('too_large', `一次上传的内容太大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB），请分批导入`));
      req.resume();
      return;
    }
    const upload = declared > STREAMED_BODY_BYTES || req.headers['content-length'] === undefined;
    if (upload) {
      await uploadGateOf(scope).run(() => callApi(req, res, name, true, scope));
      return;
    }
    await callApi(req, res, name, false, scope);
  }

  async function callApi(req: IncomingMessage, res: ServerResponse, name: string, viaFile: boolean, scope: CallScope): Promise<void> {
    let arg: unknown;
    try {
      if (viaFile) {
        arg = await wireBodyViaFile(req, workDir, MAX_BODY_BYTES);
      } else {
        const body = await readBody(req, MAX_BODY_BYTES);
        arg = body.length === 0 ? {} : decodeWire(body.toString('utf8'));
      }
    } catch (err) {
      if (err instanceof BodyTooLarge || err instanceof UploadTooLarge) {
        sendResult(res, 413, fail('too_large', `一次上传的内容太大（上限 ${MAX_BODY_BYTES / 1024 / 1024} MB），请分批导入`));
      } else {
        sendResult(res, 400, fail('bad_request', '请求内容无法解析'));
      }
      return;
    }
    const call = invokeHandler(handlers, name, arg, scope.ctx, { logError: opts.logError, ...(scope.caller ? { caller: scope.caller } : {}) });
    inFlight.add(call);
    try {
      sendResult(res, 200, await call);
    } finally {
      inFlight.delete(call);
    }
  }

  /**
   * A city server's request: the page and its assets for anyone (the login form is the page);
   * /auth/* for login and logout; the API and the event stream only with a valid session. No
   * Host check and no token: the server is reached by its intranet name, and the session cookie
   * (SameSite=Strict, bound to that name) is the proof.
   */
  async function handleServed(req: IncomingMessage, res: ServerResponse, accountGate: AccountGate): Promise<void> {
    const rawUrl = req.url ?? '/';
    const segments = safeSegments(rawUrl);
    if (segments === null) {
      sendText(res, 400, '无效的路径');
      return;
    }
    const url = new URL(rawUrl, 'http://server.invalid');
    if (req.method === 'OPTIONS') {
      sendText(res, 403, '不接受跨站请求');
      return;
    }
    if (await accountGate.handle(req, res, url.pathname, () => crossSiteRefusal(req, port, { servedByName: true }))) return;
    if (url.pathname === EVENTS_PATH || url.pathname.startsWith(API_PATH_PREFIX)) {
      const session = await accountGate.caller(req);
      if (!session) {
        req.resume();
        sendResult(res, 401, fail(LOGIN_REQUIRED, '请先登录'));
        return;
      }
      if (url.pathname === EVENTS_PATH) {
        if (req.method !== 'GET') {
          sendText(res, 405, '事件流只接受 GET 请求');
          return;
        }
        eventsOf(session.sessionId).attach(res);
        return;
      }
      const stream = eventsOf(session.sessionId);
      await handleApi(req, res, url.pathname.slice(API_PATH_PREFIX.length), {
        caller: session.account,
        ctx: { emit: (event, payload) => stream.send(event, payload) },
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, '不支持的请求方法');
      return;
    }
    serveStatic(res, opts.rendererDir, segments, req.method === 'HEAD');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    // Served over TLS, browsers are told to come back only over https.
    if (opts.tls) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    if (gate) {
      await handleServed(req, res, gate);
      return;
    }
    // DNS rebinding: a page from another name that resolves to 127.0.0.1 must not reach the API.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      sendText(res, 403, '只接受本机地址的访问');
      return;
    }
    const rawUrl = req.url ?? '/';
    const segments = safeSegments(rawUrl);
    if (segments === null) {
      sendText(res, 400, '无效的路径');
      return;
    }
    const url = new URL(rawUrl, `http://127.0.0.1:${port}`);
    // A browser asks before a cross-origin call with a custom header: the answer is always no.
    if (req.method === 'OPTIONS') {
      sendText(res, 403, '不接受跨站请求');
      return;
    }
    // The token in the address only where a browser cannot send a header: opening the page, and the event stream.
    const queryAllowed = req.method === 'GET' && (url.pathname === '/' || url.pathname === EVENTS_PATH);
    const proof = tokenSource(req, url, token, port, { queryAllowed });
    if (proof === null) {
      sendText(res, 401, '需要访问令牌：请使用考评工作台启动时显示的完整地址打开');
      return;
    }
    if (proof === 'query' && req.method === 'GET') res.setHeader('Set-Cookie', tokenCookie(token, port));

    if (url.pathname === AUTH_SESSION_PATH) {
      sendJson(res, { mode: 'local' } satisfies SessionInfoDto);
      return;
    }
    if (url.pathname === EVENTS_PATH) {
      if (req.method !== 'GET') {
        sendText(res, 405, '事件流只接受 GET 请求');
        return;
      }
      events.attach(res);
      return;
    }
    if (url.pathname.startsWith(API_PATH_PREFIX)) {
      await handleApi(req, res, url.pathname.slice(API_PATH_PREFIX.length));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(res, 405, '不支持的请求方法');
      return;
    }
    serveStatic(res, opts.rendererDir, segments, req.method === 'HEAD');
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      (opts.logError ?? ((n, e) => console.error(`[kaoping] ${n}:`, e)))('http', err);
      if (!res.headersSent) sendText(res, 500, '服务出错');
      else res.end();
    });
  };
  const server = opts.tls ? https.createServer({ cert: opts.tls.cert, key: opts.tls.key }, onRequest) : http.createServer(onRequest);
  // Node closes an idle kept-alive socket after 5 s; a call the browser sends on it at that moment
  // fails as a network error (a POST is not always resent). Keep idle sockets longer than the
  // browser does, so that the browser is the one to close them.
  server.keepAliveTimeout = 330_000;
  server.headersTimeout = 340_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, listenHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | null = null;
  const scheme = opts.tls ? 'https' : 'http';
  const shownHost = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  return {
    url: gate ? `${scheme}://${shownHost}:${port}/` : `http://127.0.0.1:${port}/?${TOKEN_QUERY}=${token}`,
    token,
    port,
    close: () => {
      closing ??= (async () => {
        handlers.cancelAllJobs();
        await Promise.allSettled([...inFlight]);
        events.close();
        for (const stream of sessionEvents.values()) stream.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await handlers.close();
        if (ownWorkDir) await rm(workDir, { recursive: true, force: true });
      })();
      return closing;
    },
  };
}
