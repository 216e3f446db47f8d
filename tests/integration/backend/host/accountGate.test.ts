import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../src/backend/db/openStore';
import { startHttpHost, type HttpHost } from '../../../../src/backend/host/startHttpHost';
import { addAccount, changePassword, setAccountDisabled } from '../../../../src/backend/services/accounts/manageAccounts';
import { AUTH_LOGIN_PATH, AUTH_LOGOUT_PATH, AUTH_SESSION_PATH } from '../../../../src/shared/api/authProtocol';
import { CALL_HEADER, CALL_HEADER_VALUE } from '../../../../src/shared/api/httpProtocol';
import { decodeWire, encodeWire } from '../../../../src/shared/api/wireCodec';
import { tempDir } from '../../../helpers/tempDir';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

const CHEAP = { N: 1024, r: 8, p: 1 };
const MINUTE = 60_000;
const dir = tempDir('kaoping-gate-');
const rendererDir = path.join(dir, 'renderer');
let store: Store;
let host: HttpHost;
/** The host's clock: tests move it instead of waiting. */
let nowMs = Date.parse('2026-12-01T08:00:00Z');

function request(opts: { path: string; method?: string; headers?: Record<string, string>; body?: string; port?: number; tls?: boolean }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const lib = opts.tls ? https : http;
    const req = lib.request(
      { host: '127.0.0.1', port: opts.port ?? host.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers, rejectUnauthorized: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const CALL = { [CALL_HEADER]: CALL_HEADER_VALUE, 'content-type': 'application/json' };

async function login(name: string, password: string, extra: { port?: number; tls?: boolean; headers?: Record<string, string> } = {}) {
  const { headers, ...where } = extra;
  const res = await request({ path: AUTH_LOGIN_PATH, method: 'POST', headers: { ...CALL, ...headers }, body: JSON.stringify({ name, password }), ...where });
  const setCookie = res.headers['set-cookie']?.[0] ?? '';
  return { res, setCookie, cookie: setCookie.split(';')[0] ?? '', body: JSON.parse(res.text) as { ok: boolean; data?: unknown; error?: { code: string; message: string } } };
}

async function api(name: string, arg: unknown, cookie: string | null): Promise<{ status: number; result: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }> {
  const res = await request({ path: `/api/${name}`, method: 'POST', headers: { ...CALL, ...(cookie ? { cookie } : {}) }, body: encodeWire(arg) });
  return { status: res.status, result: decodeWire(res.text) as never };
}

beforeAll(async () => {
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>考评工作台</title>');
  store = await openStore(path.join(dir, 'city.sqlite'), { backupBeforeMigrate: false });
  const actor = { who: 'setup', now: new Date('2026-12-01T07:00:00Z') };
  await addAccount(store.db, { name: 'admin1', role: 'admin', password: 'admin-pass-1' }, actor, CHEAP);
  await addAccount(store.db, { name: '李考核', role: 'supervisor', district: '城东营销部', password: 'sup-pass-1' }, actor, CHEAP);
  await addAccount(store.db, { name: 'reviewer1', role: 'reviewer', password: 'rev-pass-1' }, actor, CHEAP);
  host = await startHttpHost({
    store,
    rendererDir,
    port: 0,
    workDir: dir,
    logError: () => undefined,
    accounts: { clock: () => nowMs, idleMs: 30 * MINUTE, maxFailures: 3, windowMs: 15 * MINUTE },
  });
});
afterAll(async () => {
  await host?.close();
  await store?.close();
});

describe('a city server: login, sessions and roles over HTTP', () => {
  it('serves the page to anyone (it holds the login form), and no API call or event stream without a session', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.token).toBe('');
    expect((await request({ path: '/' })).status).toBe(200);
    expect(JSON.parse((await request({ path: AUTH_SESSION_PATH })).text)).toEqual({ mode: 'accounts', account: null });
    const call = await api('app.info', {}, null);
    expect(call.status).toBe(401);
    expect(call.result).toMatchObject({ ok: false, error: { code: 'login_required' } });
    expect((await request({ path: '/api/events' })).status).toBe(401);
    const forged = await api('app.info', {}, 'kaoping_session=made-up');
    expect(forged.status).toBe(401);
  });

  it('logs in with an HttpOnly, SameSite=Strict cookie (not Secure on plain HTTP), then calls as the account; logout ends it', async () => {
    const { res, setCookie, cookie, body } = await login('李考核', 'sup-pass-1');
    expect(res.status).toBe(200);
    expect(body).toEqual({ ok: true, data: { name: '李考核', role: 'supervisor', district: '城东营销部' } });
    expect(setCookie).toMatch(/^kaoping_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(JSON.parse((await request({ path: AUTH_SESSION_PATH, headers: { cookie } })).text)).toEqual({
      mode: 'accounts',
      account: { name: '李考核', role: 'supervisor', district: '城东营销部' },
    });
    expect((await api('app.info', {}, cookie)).result.ok).toBe(true);
    const out = await request({ path: AUTH_LOGOUT_PATH, method: 'POST', headers: { ...CALL, cookie } });
    expect(out.status).toBe(200);
    expect(out.headers['set-cookie']?.[0]).toMatch(/^kaoping_session=; HttpOnly; SameSite=Strict; Path=\/; Max-Age=0$/);
    expect((await api('app.info', {}, cookie)).status).toBe(401);
  });

  it('refuses a login from another page (no call header, a foreign Origin) before checking the password', async () => {
    const noHeader = await request({ path: AUTH_LOGIN_PATH, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'admin1', password: 'admin-pass-1' }) });
    expect(noHeader.status).toBe(403);
    const foreign = await login('admin1', 'admin-pass-1', { headers: { origin: 'http://evil.example' } });
    expect(foreign.res.status).toBe(403);
    expect(foreign.body.error?.message).toContain('拒绝来自其他网页（http://evil.example）');
    const same = await login('admin1', 'admin-pass-1', { headers: { origin: `http://127.0.0.1:${host.port}` } });
    expect(same.res.status).toBe(200);
  });

  it('enforces roles on the wire: a reviewer reads and cannot change; an admin changes the calendar, signed with the account', async () => {
    const reviewer = (await login('reviewer1', 'rev-pass-1')).cookie;
    expect((await api('calendar.month', { month: '2026-10' }, reviewer)).result.ok).toBe(true);
    const refused = await api('calendar.setDay', { date: '2026-10-01', workday: false }, reviewer);
    expect(refused.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = (await login('admin1', 'admin-pass-1')).cookie;
    expect((await api('calendar.setDay', { date: '2026-10-02', workday: false, note: '国庆' }, admin)).result.ok).toBe(true);
    const who = await store.db.selectFrom('audit_log').select('who').where('entity', '!=', 'account').execute();
    expect(who.length).toBeGreaterThan(0);
    expect(new Set(who.map((r) => r.who))).toEqual(new Set(['admin1']));
    const supervisor = (await login('李考核', 'sup-pass-1')).cookie;
    expect((await api('calendar.setDay', { date: '2026-10-03', workday: false }, supervisor)).result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('limits failed logins per account and address: locked after 3, the right password included, until the window passes', async () => {
    for (let i = 0; i < 3; i++) expect((await login('reviewer1', `wrong-${i}`)).res.status).toBe(401);
    const locked = await login('reviewer1', 'rev-pass-1');
    expect(locked.res.status).toBe(429);
    expect(locked.body.error?.message).toContain('登录失败次数过多，请 15 分钟后再试');
    expect(locked.res.headers['retry-after']).toBe('900');
    // Another account from the same address is not locked.
    expect((await login('admin1', 'admin-pass-1')).res.status).toBe(200);
    nowMs += 15 * MINUTE;
    expect((await login('reviewer1', 'rev-pass-1')).res.status).toBe(200);
  });

  it('ends a session idle for longer than the timeout; use keeps it alive', async () => {
    const { cookie } = await login('reviewer1', 'rev-pass-1');
    nowMs += 29 * MINUTE;
    expect((await api('app.info', {}, cookie)).status).toBe(200);
    nowMs += 29 * MINUTE;
    expect((await api('app.info', {}, cookie)).status).toBe(200);
    nowMs += 31 * MINUTE;
    expect((await api('app.info', {}, cookie)).status).toBe(401);
  });

  it('ends sessions at once when the account is disabled or its password changes (from the CLI, another process)', async () => {
    const sup = (await login('李考核', 'sup-pass-1')).cookie;
    const rev = (await login('reviewer1', 'rev-pass-1')).cookie;
    await changePassword(store.db, '李考核', 'sup-pass-2', { who: 'admin1', now: new Date(nowMs) }, CHEAP);
    await setAccountDisabled(store.db, 'reviewer1', true, { who: 'admin1', now: new Date(nowMs) });
    expect((await api('app.info', {}, sup)).status).toBe(401);
    expect((await api('app.info', {}, rev)).status).toBe(401);
    expect((await login('reviewer1', 'rev-pass-1')).res.status).toBe(401);
  });
});

describe('a city server over TLS', () => {
  const tlsDir = tempDir('kaoping-tls-');
  let tlsHost: HttpHost;
  beforeAll(() => {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=localhost',
      '-keyout', path.join(tlsDir, 'key.pem'), '-out', path.join(tlsDir, 'cert.pem')], { stdio: 'ignore' });
  });
  afterAll(async () => tlsHost?.close());

  it('serves https with HSTS and sets a __Host- cookie with Secure', async () => {
    tlsHost = await startHttpHost({
      store,
      rendererDir,
      port: 0,
      workDir: dir,
      accounts: {},
      tls: { cert: fs.readFileSync(path.join(tlsDir, 'cert.pem')), key: fs.readFileSync(path.join(tlsDir, 'key.pem')) },
    });
    expect(tlsHost.url).toBe(`https://127.0.0.1:${tlsHost.port}/`);
    const { res, setCookie, cookie } = await login('admin1', 'admin-pass-1', { port: tlsHost.port, tls: true });
    expect(res.status).toBe(200);
    expect(setCookie).toMatch(/^__Host-kaoping_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Secure$/);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    const info = await request({ path: '/api/app.info', method: 'POST', headers: { ...CALL, cookie }, body: '{}', port: tlsHost.port, tls: true });
    expect(info.status).toBe(200);
  });
});

describe('startHttpHost refuses a network address without accounts', () => {
  it('throws before listening', async () => {
    await expect(startHttpHost({ store, rendererDir, port: 0, workDir: dir, listenHost: '0.0.0.0' })).rejects.toThrow('不能在 0.0.0.0 上不经登录对外服务');
  });
});
