import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { gridRows, waitForGridRows } from './support/gridRows';
import { openApp, screenshot, type AppSession } from './support/openApp';
import './support/provided';
import { settled } from './support/settled';
import { startHost, type RunningHost } from './support/startHost';

/** The host on an empty database of its own and a window that shows the first-start prompt, for one describe. */
function firstStart(name: string): { host: RunningHost; app: AppSession } {
  const session = {} as { host: RunningHost; app: AppSession };
  beforeAll(async () => {
    const dir = path.join(inject('runDir'), name);
    fs.mkdirSync(dir, { recursive: true });
    session.host = await startHost(dir, name);
    session.app = await openApp(session.host.url, { askSupervisor: true });
  });
  afterAll(async () => {
    await session.app?.close();
    await session.host?.stop();
  });
  return session;
}

/**
 * First start on an empty database: the app asks who the supervisor is (name and unit), then
 * offers the demo district, whose import batches are signed with that name.
 */
describe('first start', () => {
  const session = firstStart('welcome');

  it('asks who the supervisor is before anything, then loads the demo district from the welcome dialog, signed with that name', async () => {
    const { app, host } = session;
    const { page } = app;
    const prompt = page.getByRole('dialog').filter({ has: page.getByTestId('supervisor-first-start') });
    await settled(prompt);
    // The demo offer waits until the supervisor has answered (or skipped).
    expect(await page.getByRole('dialog').filter({ hasText: '欢迎使用考评工作台' }).count()).toBe(0);
    expect(await prompt.textContent()).toContain('暂不填写：调整、定稿、批注和导入都记为「（未填写考核人）」');
    await screenshot(page, '29-first-start-supervisor');
    await prompt.getByTestId('supervisor-name').fill('张明');
    await prompt.getByTestId('supervisor-unit').fill('临河营销部');
    await prompt.getByTestId('supervisor-save').click();
    await expect.poll(() => page.getByTestId('supervisor-current').textContent()).toBe('考核人：张明');
    await expect.poll(() => prompt.count()).toBe(0);

    const welcome = page.getByRole('dialog').filter({ hasText: '欢迎使用考评工作台' });
    await settled(welcome.getByRole('button', { name: '载入演示片区' }));
    await welcome.getByRole('button', { name: '载入演示片区' }).click();
    await welcome.getByTestId('demo-progress').waitFor();
    // Progress names the file being imported (events over SSE while the call is still running).
    await expect.poll(() => welcome.getByTestId('demo-progress').textContent(), { timeout: 60_000 }).toMatch(/第 \d+\/\d+ 个文件/);
    await screenshot(page, '30-welcome-demo-progress');
    await expect.poll(() => welcome.count(), { timeout: 150_000 }).toBe(0);

    const db = new Database(host.dbPath, { readonly: true });
    const managers = (db.prepare('select count(*) n from managers').get() as { n: number }).n;
    const newest = (db.prepare("select max(substr(date, 1, 7)) m from orders").get() as { m: string }).m;
    const signers = db.prepare('select distinct imported_by who from import_batches').all();
    const audit = db.prepare("select field, old_value, new_value, who from audit_log where entity = 'settings' order by id").all();
    db.close();
    expect(managers).toBeGreaterThan(0);
    expect(signers).toEqual([{ who: '张明' }]);
    expect(audit).toEqual([
      { field: 'name', old_value: null, new_value: '张明', who: '张明' },
      { field: 'unit', old_value: null, new_value: '临河营销部', who: '张明' },
    ]);
    await page.getByTestId('overview').waitFor();
    await expect.poll(() => page.locator('.ant-layout-header .ant-picker input').inputValue()).toBe(newest);
    await expect.poll(() => page.getByTestId('count-roster').textContent()).toContain(String(managers));
    await page.getByTestId('attendance-heatmap').locator('canvas').first().waitFor();
    await screenshot(page, '31-overview-after-demo');

    // The import history says who imported each batch.
    await page.goto(`${host.url}#/import`);
    await page.getByRole('tab', { name: '导入记录' }).click();
    const grid = page.getByTestId('batch-grid');
    await waitForGridRows(grid);
    expect(new Set((await gridRows(grid, ['importedBy'])).map((r) => r.importedBy))).toEqual(new Set(['张明']));
    await screenshot(page, '32-history-imported-by');
    expect(app.errors).toEqual([]);
  });
});

describe('first start, supervisor skipped', () => {
  const session = firstStart('welcome-skip');

  it('goes on to the welcome dialog, keeps asking in the header, and asks again at the next start', async () => {
    const { app, host } = session;
    const { page } = app;
    const prompt = page.getByRole('dialog').filter({ has: page.getByTestId('supervisor-first-start') });
    await settled(prompt.getByTestId('supervisor-skip'));
    await prompt.getByTestId('supervisor-skip').click();
    const welcome = page.getByRole('dialog').filter({ hasText: '欢迎使用考评工作台' });
    await welcome.waitFor();
    await page.getByTestId('supervisor-ask').waitFor();
    // Skipped for this session: a reload does not ask again.
    await page.reload();
    await welcome.waitFor();
    expect(await prompt.count()).toBe(0);
    // The next start (a new session) asks again, as long as nobody has answered.
    const next = await openApp(host.url, { askSupervisor: true });
    try {
      await next.page.getByTestId('supervisor-first-start').waitFor();
      expect(next.errors).toEqual([]);
    } finally {
      await next.close();
    }
    const db = new Database(host.dbPath, { readonly: true });
    expect(db.prepare("select count(*) n from app_settings where key = 'supervisor'").get()).toEqual({ n: 0 });
    db.close();
    expect(app.errors).toEqual([]);
  });
});
