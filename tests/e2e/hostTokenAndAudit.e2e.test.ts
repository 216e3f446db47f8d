import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openApp, screenshot, type AppSession } from './support/openApp';
import './support/provided';
import { startHost, type RunningHost } from './support/startHost';

/** The page drops its token from the address, keeps working on the cookie, and says when the audit log was tampered with. */
let host: RunningHost;
let app: AppSession;

beforeAll(async () => {
  const dir = path.join(inject('runDir'), 'host-token-audit');
  fs.mkdirSync(dir, { recursive: true });
  host = await startHost(dir, 'token-audit');
  app = await openApp(host.url);
});

afterAll(async () => {
  await app?.close();
  await host?.stop();
});

it('takes the token out of the address bar and the history, and its calls still go through', async () => {
  const { page } = app;
  // The welcome dialog only appears after app.info answered: the page's calls (with their header) work.
  await page.getByRole('dialog').filter({ hasText: '欢迎使用考评工作台' }).waitFor();
  expect(host.url).toContain('token=');
  expect(page.url()).not.toContain('token');
  expect(await page.evaluate(() => window.location.search)).toBe('');
  await expect.poll(() => page.getByTestId('audit-intact').textContent()).toBe('审计记录完整（0 条）');
  expect(app.errors).toEqual([]);
});

it('shows a plain warning at start when the audit log was changed outside the app', async () => {
  const { page } = app;
  const db = new Database(host.dbPath);
  // A forged row: the next id, with a hash that is not the chain's.
  db.prepare('insert into audit_log(id, at, who, entity, entity_id, field, old_value, new_value, reason, hash) values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    '2026-11-01T00:00:00Z',
    '某人',
    'evaluation',
    '2026-10',
    'status',
    'final',
    'draft',
    null,
    'f'.repeat(64),
  );
  db.close();
  // A reload: the address has no token any more, the cookie carries the session.
  await page.reload();
  const banner = page.getByTestId('audit-broken');
  await banner.waitFor();
  expect(await banner.textContent()).toContain('操作日志从第 1 条起可能在考评工作台之外被改动过');
  expect(await banner.textContent()).toContain('审计记录不完整：第 1 条');
  await page.keyboard.press('Escape');
  await screenshot(page, '90-audit-broken-banner');
});
