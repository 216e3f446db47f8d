import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv } from '../helpers/writeSheets';
import { openApp, screenshot, type AppSession } from './support/openApp';
import { startDemoHost } from './support/startDemoHost';
import type { RunningHost } from './support/startHost';

/** 市公司: a store with two districts offers the page; it ranks the districts as `kaoping city` does. */
describe('the 市公司 page', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let month = '';

  beforeAll(async () => {
    host = await startDemoHost('city-page', {
      prepare: (dbPath) => {
        const dir = path.dirname(dbPath);
        const source = new Database(dbPath, { readonly: true, fileMustExist: true });
        month = (source.prepare('select max(substr(date, 1, 7)) m from orders').get() as { m: string }).m;
        source.close();
        const roster = writeCsv(path.join(dir, '城区花名册.csv'), [
          ['工号', '姓名', '营销部', '状态'],
          ['CQ001', '赵城', '城区营销部', '在岗'],
          ['CQ002', '钱区', '城区营销部', '在岗'],
        ], 'utf8-bom');
        const rows = [['日期', '工号', '姓名', '日志内容']];
        for (const [i, day] of ['05', '06', '07', '08', '09'].entries()) {
          rows.push([`${month}-${day}`, 'CQ001', '赵城', `第${i + 1}天走访城东片区${i + 3}家零售户，检查陈列和价签，记录新品到货${i + 1}款。`]);
          rows.push([`${month}-${day}`, 'CQ002', '钱区', `城西片区第${i + 1}次巡店：核对库存${i * 4 + 9}条，店主反映客流${i % 2 ? '增加' : '平稳'}。`]);
        }
        const journals = writeCsv(path.join(dir, '城区工作日志.csv'), rows, 'utf8-bom');
        return [
          ['import', '--district', '城区营销部', roster, journals],
          ['evaluate', '--month', month, '--district', '临河营销部'],
          ['evaluate', '--month', month, '--district', '城区营销部'],
        ];
      },
    });
    app = await openApp(`${host.url}#/city?month=${month}`);
    page = app.page;
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('is in the menu and lists both districts ranked by their mean total, with the charts', async () => {
    await page.getByTestId('city-table').waitFor();
    await expect.poll(async () => page.locator('[data-testid=city-table] tbody tr.ant-table-row').count()).toBe(2);
    expect(await page.locator('.ant-menu-item').filter({ hasText: '市公司' }).count()).toBe(1);
    const names = await page.locator('[data-testid=city-table] tbody tr.ant-table-row td:nth-child(2)').allTextContents();
    expect(names.sort()).toEqual(['临河营销部', '城区营销部'].sort());
    for (const id of ['city-ranking', 'city-flags', 'city-dimensions']) await page.getByTestId(id).locator('canvas').first().waitFor();
    await screenshot(page, 'city-page');
  });
});
