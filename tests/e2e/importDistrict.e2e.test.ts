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
 * The import step names the district (营销部) the files go into. A one-district store (the demo)
 * given a roster of another 营销部 refuses it until that district is named, and the chooser takes a
 * new name; a store with two districts asks which one and does not start without a choice.
 */
describe('the import step names the district', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let dir = '';

  beforeAll(async () => {
    host = await startDemoHost('import-district', {
      prepare: (dbPath) => {
        dir = path.dirname(dbPath);
        return [];
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

  it('a roster of another 营销部 than the store’s is refused until its district is named; naming it creates the district', async () => {
    const roster = writeCsv(path.join(dir, '城区花名册.csv'), [['工号', '姓名', '营销部', '状态'], ['CQ001', '赵城', '城区营销部', '在岗']], 'utf8-bom');
    await page.locator('input[type=file]').setInputFiles([roster]);
    const card = page.locator('[data-testid="file-card"][data-file="城区花名册.csv"]');
    await expect.poll(() => card.locator('.ant-tag').first().textContent(), { timeout: 30_000 }).toBe('客户经理花名册');
    const start = page.getByTestId('start-import');
    await expect.poll(async () => start.isDisabled(), { timeout: 30_000 }).toBe(false);
    await start.click();
    await expect.poll(() => card.getByTestId('import-result').getAttribute('data-status'), { timeout: 60_000 }).toBe('refused');
    expect(await card.getByTestId('import-result').textContent()).toContain('城区营销部');

    // One district: the chooser is optional and takes a name that is not in the store yet.
    const chooser = page.getByTestId('import-district');
    await chooser.locator('input').fill('城区营销部');
    await expect.poll(() => page.getByTestId('import-district-new').textContent()).toBe('将新建营销部「城区营销部」');
    await screenshot(page, 'import-district-new');
    await page.keyboard.press('Escape');
    await expect.poll(async () => start.isDisabled(), { timeout: 30_000 }).toBe(false);
    await start.click();
    await expect.poll(() => card.getByTestId('import-result').getAttribute('data-status'), { timeout: 60_000 }).toBe('imported');
    const db = new Database(host.dbPath, { readonly: true, fileMustExist: true });
    const rows = db.prepare("select m.code, d.name from managers m join districts d on d.id = m.district_id where m.code = 'CQ001'").all();
    const names = (db.prepare('select name from districts order by id').all() as { name: string }[]).map((d) => d.name);
    db.close();
    expect(rows).toEqual([{ code: 'CQ001', name: '城区营销部' }]);
    expect(names).toEqual(['临河营销部', '城区营销部']);
    // A fresh import step of the store now holding two districts.
    await page.reload();
    await page.evaluate(() => (window.location.hash = '#/import'));
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
