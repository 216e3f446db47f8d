import Database from 'better-sqlite3';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../helpers/writeSheets';
import { chooseOption } from './support/antdSelect';
import { openApp, screenshot, type AppSession } from './support/openApp';
import { startDemoHost } from './support/startDemoHost';
import type { RunningHost } from './support/startHost';

/**
 * A store with two districts (营销部): the import step asks which one the files go into, and
 * imports there; without a choice it does not start.
 */
describe('the import step of a store with several districts', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let dir = '';

  beforeAll(async () => {
    host = await startDemoHost('import-district', {
      prepare: (dbPath) => {
        dir = path.dirname(dbPath);
        const roster = writeCsv(path.join(dir, '城区花名册.csv'), [['工号', '姓名', '营销部', '状态'], ['CQ001', '赵城', '城区营销部', '在岗']], 'utf8-bom');
        return [['import', '--district', '城区营销部', roster]];
      },
    });
    app = await openApp(host.url);
    page = app.page;
    await page.evaluate(() => (window.location.hash = '#/import'));
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('asks for the district, refuses to start without it, and imports into the one chosen', async () => {
    const journals = writeCsv(
      path.join(dir, '城区工作日志.csv'),
      [
        ['日期', '工号', '姓名', '日志内容'],
        ['2026-10-12', 'CQ001', '赵城', '走访城东便利店，检查陈列和价签，店主反映客流平稳，已登记新品需求。'],
      ],
      'utf8-bom',
    );
    await page.locator('input[type=file]').setInputFiles([journals]);
    const select = page.getByTestId('import-district');
    await select.waitFor();
    const start = page.getByTestId('start-import');
    await expect.poll(async () => (await page.locator('[data-testid=file-card], .ant-card').count()) > 1).toBe(true);
    expect(await start.isDisabled()).toBe(true);
    await select.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().waitFor();
    await screenshot(page, 'import-district-choice');
    await page.keyboard.press('Escape');
    await chooseOption(select, '城区营销部');
    await expect.poll(async () => start.isDisabled(), { timeout: 30_000 }).toBe(false);
    await start.click();
    await expect.poll(async () => (await page.getByText('导入完成').count()) > 0, { timeout: 60_000 }).toBe(true);
    await screenshot(page, 'import-district-done');
    const db = new Database(host.dbPath, { readonly: true, fileMustExist: true });
    const row = db
      .prepare("select d.name from journals j join import_batches b on b.id = j.created_batch_id join districts d on d.id = b.district_id where j.content like '走访城东便利店%'")
      .get() as { name: string } | undefined;
    db.close();
    expect(row?.name).toBe('城区营销部');
  });
});
