import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeXlsx } from '../helpers/writeSheets';
import { gridRows, waitForGridRows } from './support/gridRows';
import { openApp, screenshot, type AppSession } from './support/openApp';
import './support/provided';
import { startDemoHost } from './support/startDemoHost';
import type { RunningHost } from './support/startHost';

/**
 * The import centre's grids export what they show, like the data grids: the import history and
 * a file's error list, in their current sort, as .xlsx with numbers as numbers.
 */
describe('grid exports in the import centre', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  const workDir = path.join(inject('runDir'), 'grid-exports');

  beforeAll(async () => {
    fs.mkdirSync(workDir, { recursive: true });
    host = await startDemoHost('grid-exports');
    app = await openApp(`${host.url}#/import`);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  async function download(button: Locator, name: string): Promise<ExcelJS.Worksheet> {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(workDir, name);
    await file.saveAs(saved);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    return book.worksheets[0]!;
  }

  const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

  it('exports the import history as shown: its columns, newest batch first, counts as numbers', async () => {
    await page.getByRole('tab', { name: '导入记录' }).click();
    const grid = page.getByTestId('batch-grid');
    await waitForGridRows(grid);
    const shown = await gridRows(grid, ['id', 'fileName', 'rows']);
    await screenshot(page, '09-history-export');
    const sheet = await download(page.getByTestId('history-export'), 'history.xlsx');
    const header = rowValues(sheet, 1);
    expect(header.slice(0, 6)).toEqual(['批次', '文件', '类型', '导入时间', '导入人', '行数']);
    expect(header).toContain('状态');
    expect(header).not.toContain('操作');
    expect(sheet.rowCount - 1).toBe(shown.length);
    expect(rowValues(sheet, 2)[0]).toBe(Number(shown[0]!.id));
    expect(rowValues(sheet, 2)[1]).toBe(shown[0]!.fileName);
    const rows = rowValues(sheet, 2)[header.indexOf('行数')];
    expect(typeof rows).toBe('number');
    expect(rows).toBe(Number((shown[0]!.rows ?? '').replace(/,/g, '')));
  });

  it('fits the orders grid on a 1366 screen: 金额 ends before the vertical scrollbar, not under it', async () => {
    await page.evaluate(() => (window.location.hash = '#/data/orders'));
    const grid = page.getByTestId('grid-orders');
    await waitForGridRows(grid);
    const edges = await grid.evaluate((root) => {
      const cell = root.querySelector<HTMLElement>('.ag-row[row-index="0"] .ag-cell[col-id="amount"]')!;
      const wrapper = root.querySelector<HTMLElement>('.ag-root-wrapper')!.getBoundingClientRect();
      const vertical = root.querySelector<HTMLElement>('.ag-body-vertical-scroll')?.getBoundingClientRect();
      return {
        cellRight: cell.getBoundingClientRect().right,
        visibleRight: vertical && vertical.width > 0 ? vertical.left : wrapper.right,
        textFits: cell.scrollWidth <= cell.clientWidth,
      };
    });
    expect(edges.cellRight).toBeLessThanOrEqual(edges.visibleRight + 1);
    expect(edges.textFits).toBe(true);
    await screenshot(page, '30-orders-1366');
  });

  it('exports a refused file’s errors in the order the grid is sorted', async () => {
    const db = new Database(host.dbPath, { readonly: true, fileMustExist: true });
    const licence = (db.prepare('select licence from retailers order by id limit 1').get() as { licence: string }).licence;
    db.close();
    const file = await writeXlsx(path.join(workDir, '工作日志_导出错误.xlsx'), [
      ['日期', '工号', '客户经理', '许可证号', '日志内容'],
      ['2026-10-12', 'ZZ998', '查无此人甲', licence, '经理不在花名册。'],
      ['2026-13-45', 'ZZ999', '查无此人乙', licence, '日期不对，经理也不在。'],
    ]);
    await page.evaluate(() => (window.location.hash = '#/import'));
    await page.getByRole('tab', { name: /^导入/ }).first().click();
    await page.locator('input[type=file]').setInputFiles(file);
    const card = page.locator('[data-testid="file-card"][data-file="工作日志_导出错误.xlsx"]');
    await expect.poll(() => card.locator('.ant-tag').first().textContent(), { timeout: 30_000 }).toBe('工作日志');
    await page.getByTestId('start-import').click();
    await expect.poll(() => card.getByTestId('import-result').getAttribute('data-status'), { timeout: 60_000 }).toBe('refused');
    const grid = card.getByTestId('error-grid');
    await waitForGridRows(grid);
    // Sort by row, descending (two clicks on the header): the export follows.
    const header = grid.locator('.ag-header-cell[col-id="row"] .ag-header-cell-label');
    await header.click();
    await header.click();
    await expect.poll(async () => (await gridRows(grid, ['row'])).map((r) => r.row)[0]).toBe('3');
    const shown = await gridRows(grid, ['row', 'value']);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '07-import-errors-export');
    const sheet = await download(card.getByTestId('export-errors'), 'errors.xlsx');
    expect(rowValues(sheet, 1).slice(0, 2)).toEqual(['行', '列']);
    const exported = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2));
    expect(exported.map((r) => r[0])).toEqual(shown.map((r) => Number(r.row)));
    expect(exported.map((r) => r[2])).toEqual(shown.map((r) => r.value));
    expect(app.errors).toEqual([]);
  });
});
