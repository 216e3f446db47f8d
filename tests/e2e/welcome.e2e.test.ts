import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openApp, screenshot, type AppSession } from './support/openApp';
import './support/provided';
import { startHost, type RunningHost } from './support/startHost';

/** First start on an empty database: the demo district loads from the welcome dialog. */
let host: RunningHost;
let app: AppSession;

beforeAll(async () => {
  const dir = path.join(inject('runDir'), 'welcome');
  fs.mkdirSync(dir, { recursive: true });
  host = await startHost(dir, 'welcome');
  app = await openApp(host.url);
});

afterAll(async () => {
  await app?.close();
  await host?.stop();
});

it('loads the demo district from the welcome dialog, with progress, and opens its newest month', async () => {
  const { page } = app;
  const welcome = page.getByRole('dialog').filter({ hasText: '欢迎使用考评工作台' });
  await welcome.getByRole('button', { name: '载入演示片区' }).click();
  await welcome.getByTestId('demo-progress').waitFor();
  // Progress names the file being imported (events over SSE while the call is still running).
  await expect.poll(() => welcome.getByTestId('demo-progress').textContent(), { timeout: 60_000 }).toMatch(/第 \d+\/\d+ 个文件/);
  await screenshot(page, '30-welcome-demo-progress');
  await expect.poll(() => welcome.count(), { timeout: 150_000 }).toBe(0);

  const db = new Database(host.dbPath, { readonly: true });
  const managers = (db.prepare('select count(*) n from managers').get() as { n: number }).n;
  const newest = (db.prepare("select max(substr(date, 1, 7)) m from orders").get() as { m: string }).m;
  db.close();
  expect(managers).toBeGreaterThan(0);
  await page.getByTestId('overview').waitFor();
  await expect.poll(() => page.locator('.ant-layout-header .ant-picker input').inputValue()).toBe(newest);
  await expect.poll(() => page.getByTestId('count-roster').textContent()).toContain(String(managers));
  await page.getByTestId('attendance-heatmap').locator('canvas').first().waitFor();
  await screenshot(page, '31-overview-after-demo');
  expect(app.errors).toEqual([]);
});
