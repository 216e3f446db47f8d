import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../src/backend/db/openStore';
import { startHttpHost, type HttpHost } from '../../../../src/backend/host/startHttpHost';
import { CALL_HEADER, CALL_HEADER_VALUE, TOKEN_HEADER } from '../../../../src/shared/api/httpProtocol';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../e2e/support/chromiumOptions';
import { tempDir } from '../../../helpers/tempDir';

const dir = tempDir('kaoping-cross-site-');
let store: Store;
let host: HttpHost;
let other: http.Server;
let otherUrl = '';
let browser: Browser;
let context: BrowserContext;

/** What a call could change: the calendar and the audit log. */
async function state() {
  return {
    days: await store.db.selectFrom('calendar_days').selectAll().execute(),
    audit: await store.db.selectFrom('audit_log').selectAll().execute(),
  };
}

beforeAll(async () => {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>考评工作台</title><p>workbench</p>');
  store = await openStore(path.join(dir, 'host.sqlite'));
  host = await startHttpHost({ store, rendererDir, port: 0, workDir: dir, logError: () => undefined });
  // Another local page, on another port of 127.0.0.1: same site as the workbench, other origin.
  other = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>other</title>'));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  context = await browser.newContext();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => other?.close(resolve));
  await host?.close();
  await store?.close();
});

const SET_DAY = JSON.stringify({ date: '2026-10-10', workday: false });

describe('the local API serves only its own page', () => {
  it('a no-cors credentialed POST from a page on another 127.0.0.1 port changes nothing', async () => {
    const workbench = await context.newPage();
    await workbench.goto(host.url);
    expect(await workbench.textContent('p')).toBe('workbench');
    const before = await state();

    const attacker = await context.newPage();
    // What the host answered, as the browser saw it (the page itself may not read an opaque answer).
    const answers: string[] = [];
    attacker.on('response', (r) => {
      if (r.url().includes('/api/')) answers.push(`${r.request().method()} ${r.status()}`);
    });
    // Cross-Origin-Resource-Policy withholds the answer from the page: proof that the host answered.
    attacker.on('requestfailed', (r) => {
      if (r.url().includes('/api/')) answers.push(`${r.method()} ${r.failure()?.errorText ?? ''}`);
    });
    await attacker.goto(otherUrl);
    const outcome = await attacker.evaluate(
      async ({ target, body, header }) => {
        const noCors = await fetch(target, { method: 'POST', mode: 'no-cors', credentials: 'include', body }).then(
          (r) => r.type,
          (e: unknown) => `rejected: ${String(e)}`,
        );
        // With the page's own header the browser must ask first; the host says no.
        const withHeader = await fetch(target, {
          method: 'POST',
          mode: 'cors',
          credentials: 'include',
          headers: { 'content-type': 'application/json', [header]: '1' },
          body,
        }).then(
          (r) => `status ${r.status}`,
          (e: unknown) => `rejected: ${String(e)}`,
        );
        return { noCors, withHeader };
      },
      { target: `${new URL(host.url).origin}/api/calendar.setDay`, body: SET_DAY, header: CALL_HEADER },
    );
    // The no-cors POST reached the host and was refused (its answer is opaque to the page, or
    // withheld by Cross-Origin-Resource-Policy); the one with the header never got past the preflight.
    expect(outcome.noCors).toMatch(/^(opaque|rejected)/);
    expect(answers[0]).toMatch(/^POST (403|net::ERR_BLOCKED_BY_RESPONSE)/);
    expect(answers.filter((a) => a.startsWith('POST 2'))).toEqual([]);
    expect(outcome.withHeader).toMatch(/^rejected/);
    expect(await state()).toEqual(before);

    // The same call from the workbench's own page goes through: the refusal above was not an accident of the setup.
    const own = await workbench.evaluate(
      async ({ body, header }) => (await fetch('/api/calendar.setDay', { method: 'POST', headers: { 'content-type': 'application/json', [header]: '1' }, body })).status,
      { body: SET_DAY, header: CALL_HEADER },
    );
    expect(own).toBe(200);
    expect((await state()).days).toMatchObject([{ date: '2026-10-10', workday: 0 }]);
  });

  it('refuses a call without the header, from another Origin or Sec-Fetch-Site, preflights, and the token in a POST query', async () => {
    const base = new URL(host.url).origin;
    const post = (headers: Record<string, string>, query = '') =>
      fetch(`${base}/api/calendar.setDay${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ date: '2026-10-11', workday: true }) });
    const before = await state();
    expect((await post({ [TOKEN_HEADER]: host.token })).status).toBe(403);
    expect((await post({ [TOKEN_HEADER]: host.token, [CALL_HEADER]: CALL_HEADER_VALUE, origin: otherUrl.slice(0, -1) })).status).toBe(403);
    expect((await post({ [TOKEN_HEADER]: host.token, [CALL_HEADER]: CALL_HEADER_VALUE, 'sec-fetch-site': 'same-site' })).status).toBe(403);
    expect((await post({ [CALL_HEADER]: CALL_HEADER_VALUE }, `?token=${host.token}`)).status).toBe(401);
    const preflight = await fetch(`${base}/api/calendar.setDay`, { method: 'OPTIONS', headers: { origin: otherUrl.slice(0, -1), 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect([...preflight.headers.keys()].filter((k) => k.startsWith('access-control'))).toEqual([]);
    expect(await state()).toEqual(before);
    // The token in the address: the page and the event stream only.
    expect((await fetch(`${base}/index.html?token=${host.token}`)).status).toBe(401);
    const events = await fetch(`${base}/api/events?token=${host.token}`);
    expect(events.status).toBe(200);
    await events.body?.cancel();
  });
});
