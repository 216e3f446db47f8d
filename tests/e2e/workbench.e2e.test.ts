import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeXlsx } from '../helpers/writeSheets';
import { chooseOption } from './support/antdSelect';
import { gridRows, waitForGridRows } from './support/gridRows';
import { openApp, screenshot, type AppSession } from './support/openApp';
import './support/provided';
import { settled } from './support/settled';
import { startHost, type RunningHost } from './support/startHost';

/**
 * A supervisor's first month: an empty database, the demo district's files dropped into the
 * import centre, a file with an unusual header mapped by hand, a bad file refused and then
 * imported without its bad rows, undo, the grids, a journal's detail, and file text that
 * looks like markup.
 */
describe('workbench', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let db: Database.Database;
  const workDir = path.join(inject('runDir'), 'workbench');

  beforeAll(async () => {
    fs.mkdirSync(workDir, { recursive: true });
    host = await startHost(workDir, 'workbench');
    app = await openApp(host.url);
    page = app.page;
  });

  afterAll(async () => {
    db?.close();
    await app?.close();
    await host?.stop();
  });

  const readDb = () => (db ??= new Database(host.dbPath, { readonly: true, fileMustExist: true }));
  const cards = () => page.getByTestId('file-card');
  const card = (fileName: string) => page.locator(`[data-testid="file-card"][data-file="${fileName}"]`);
  const goTo = async (hash: string) => {
    await page.evaluate((h) => (window.location.hash = h), hash);
  };

  it('offers the demo district or own files on first start, then imports the demo files through the import centre', async () => {
    const welcome = page.getByRole('dialog').filter({ hasText: '欢迎使用考评工作台' });
    await welcome.waitFor();
    await screenshot(page, '01-welcome');
    await welcome.getByRole('button', { name: '导入自己的表格' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/import/);

    const demoDir = inject('demoDir');
    const demoFiles = fs.readdirSync(demoDir).filter((f) => /\.(xlsx|csv)$/.test(f));
    expect(demoFiles.length).toBeGreaterThanOrEqual(12);
    await page.locator('input[type=file]').setInputFiles(demoFiles.map((f) => path.join(demoDir, f)));
    await expect.poll(() => cards().count()).toBe(demoFiles.length);
    const start = page.getByTestId('start-import');
    await expect.poll(() => start.textContent(), { timeout: 60_000 }).toBe(`开始导入（${demoFiles.length} 个文件）`);

    // Each file was recognised: the roster's card names its kind and maps 工号 and 姓名.
    const roster = card('客户经理花名册.xlsx');
    await expect.poll(() => roster.locator('.ant-tag').first().textContent()).toBe('客户经理花名册');
    await expect.poll(() => roster.getByTestId('preview-grid').locator('.ag-row').count()).toBeGreaterThan(0);
    await screenshot(page, '02-import-previews');

    await start.click();
    await expect
      .poll(() => page.locator('[data-testid="import-result"][data-status="imported"]').count(), { timeout: 120_000 })
      .toBe(demoFiles.length);
    await card('客户经理花名册.xlsx').scrollIntoViewIfNeeded();
    await screenshot(page, '04-import-results');

    const counts = readDb().prepare('select (select count(*) from managers) m, (select count(*) from journals) j').get() as { m: number; j: number };
    expect(counts.m).toBeGreaterThan(0);
    expect(counts.j).toBeGreaterThan(0);
  });

  it('maps an unrecognised column by hand, saves the mapping and imports the file', async () => {
    const licence = (readDb().prepare('select licence from retailers order by id limit 1').get() as { licence: string }).licence;
    const file = await writeXlsx(path.join(workDir, '走访记录_手工.xlsx'), [
      ['日期', '工号', '客户经理', '许可证号', '拜访方式', '走访记录文字'],
      ['2026-10-09', 'LH001', '方平', licence, '走访', '手工对应测试：检查陈列，提醒明码标价，介绍新品。'],
      ['2026-10-10', 'LH001', '方平', licence, '电话', '手工对应测试：电话回访，了解订货需求。'],
    ]);
    await page.locator('input[type=file]').setInputFiles(file);
    const c = card('走访记录_手工.xlsx');
    await c.waitFor();
    await expect.poll(() => c.locator('.ant-spin').count()).toBe(0);
    if ((await c.getByTestId('kind-select').textContent()) !== '工作日志') await chooseOption(c.getByTestId('kind-select'), '工作日志');
    await expect.poll(() => c.getByTestId('missing-required').textContent()).toContain('日志内容');
    const column = c.locator('[data-testid^="mapping-col-"][data-header="走访记录文字"]');
    await expect.poll(() => column.locator('.ant-tag').textContent()).toBe('未识别');
    await c.scrollIntoViewIfNeeded();
    await screenshot(page, '05-mapping-missing');

    await chooseOption(column.locator('.ant-select'), '日志内容');
    await expect.poll(() => c.getByTestId('missing-required').count()).toBe(0);
    await expect.poll(() => column.locator('.ant-tag').textContent()).toBe('已识别');
    await c.getByTestId('mapping-name').fill('手工走访记录');
    await c.getByTestId('save-mapping').click();
    await c.getByText('已保存列对应「手工走访记录」').waitFor();
    await c.scrollIntoViewIfNeeded();
    await screenshot(page, '06-mapping-fixed');

    await page.getByTestId('start-import').click();
    await expect.poll(() => c.getByTestId('import-result').getAttribute('data-status'), { timeout: 60_000 }).toBe('imported');
    const rows = readDb().prepare("select count(*) n from journals where content like '手工对应测试%'").get() as { n: number };
    expect(rows.n).toBe(2);

    // The saved mapping is applied by itself to the next file with the same headers.
    const again = await writeXlsx(path.join(workDir, '走访记录_下月.xlsx'), [
      ['日期', '工号', '客户经理', '许可证号', '拜访方式', '走访记录文字'],
      ['2026-10-11', 'LH001', '方平', licence, '走访', '手工对应测试：第二份文件。'],
    ]);
    await page.locator('input[type=file]').setInputFiles(again);
    const next = card('走访记录_下月.xlsx');
    await next.getByText('已自动套用保存的列对应「手工走访记录」').waitFor();
    await next.locator('.ant-card-extra button').click();
  });

  it('refuses a file with bad rows, lists the errors by row and column, exports them, then imports only the valid rows', async () => {
    const licence = (readDb().prepare('select licence from retailers order by id limit 1').get() as { licence: string }).licence;
    const file = await writeXlsx(path.join(workDir, '工作日志_有错.xlsx'), [
      ['日期', '工号', '客户经理', '许可证号', '日志内容'],
      ['2026-10-12', 'LH001', '方平', licence, '有错文件中的正确行。'],
      ['2026-10-12', 'ZZ999', '查无此人', licence, '经理不在花名册。'],
      ['2026-13-45', 'LH001', '方平', licence, '日期不对。'],
    ]);
    await page.locator('input[type=file]').setInputFiles(file);
    const c = card('工作日志_有错.xlsx');
    await expect.poll(() => c.locator('.ant-tag').first().textContent(), { timeout: 30_000 }).toBe('工作日志');
    await page.getByTestId('start-import').click();
    await expect.poll(() => c.getByTestId('import-result').getAttribute('data-status'), { timeout: 60_000 }).toBe('refused');

    const errors = c.getByTestId('error-grid');
    await waitForGridRows(errors);
    const shown = await gridRows(errors, ['row', 'column', 'value', 'reason']);
    expect(shown.map((r) => r.row).sort()).toEqual(['3', '4']);
    expect(shown.find((r) => r.row === '3')?.value).toBe('ZZ999');
    expect(shown.find((r) => r.row === '4')?.value).toBe('2026-13-45');
    expect(shown.find((r) => r.row === '4')?.column).toContain('日期');
    for (const r of shown) expect(r.reason).not.toBe('');
    expect(readDb().prepare("select count(*) n from journals where content = '有错文件中的正确行。'").get()).toEqual({ n: 0 });
    await c.scrollIntoViewIfNeeded();
    await screenshot(page, '07-import-refused');

    const [download] = await Promise.all([page.waitForEvent('download'), c.getByTestId('export-errors').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const saved = path.join(workDir, 'errors.xlsx');
    await download.saveAs(saved);
    expect(fs.readFileSync(saved).subarray(0, 2).toString()).toBe('PK');

    await c.getByTestId('skip-invalid').click();
    await expect.poll(() => c.getByTestId('import-result').getAttribute('data-status'), { timeout: 60_000 }).toBe('imported');
    expect(await c.getByTestId('import-result').textContent()).toContain('拒绝 2');
    expect(readDb().prepare("select count(*) n from journals where content = '有错文件中的正确行。'").get()).toEqual({ n: 1 });
  });

  it('undoes the newest batch and explains why the roster cannot be undone', async () => {
    await page.getByRole('tab', { name: '导入记录' }).click();
    const grid = page.getByTestId('batch-grid');
    await waitForGridRows(grid);
    const batches = readDb().prepare('select id from import_batches order by id desc').all() as { id: number }[];
    const newest = batches[0]!.id;
    await screenshot(page, '08-history');

    await grid.getByTestId(`undo-${newest}`).click();
    const confirm = page.getByRole('dialog').filter({ hasText: `撤销批次 ${newest}？` });
    await confirm.getByRole('button', { name: /^撤\s?销$/ }).click();
    await expect.poll(() => grid.locator(`.ag-row[row-id="${newest}"] .ag-cell[col-id="status"]`).textContent()).toBe('已撤销');
    expect(readDb().prepare("select count(*) n from journals where content = '有错文件中的正确行。'").get()).toEqual({ n: 0 });

    const rosterBatch = batches.at(-1)!.id;
    await grid.locator('.ag-grid-viewport').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await grid.getByTestId(`undo-${rosterBatch}`).click();
    await page.getByRole('dialog').filter({ hasText: `撤销批次 ${rosterBatch}？` }).getByRole('button', { name: /^撤\s?销$/ }).click();
    const refusal = page.getByRole('dialog').filter({ hasText: `不能撤销批次 ${rosterBatch}` });
    await refusal.waitFor();
    expect((await refusal.textContent())!.length).toBeGreaterThan(`不能撤销批次 ${rosterBatch}`.length + 4);
    await screenshot(page, '09-undo-refused');
    await refusal.getByRole('button').last().click();
    expect(readDb().prepare('select count(*) n from managers').get()).not.toEqual({ n: 0 });
  });

  it('filters and sorts the orders grid in SQL and shows what the database holds', async () => {
    const month = '2026-10';
    const { licence } = readDb()
      .prepare("select retailer_ref licence from orders where date like ? group by retailer_ref having count(*) between 6 and 14 order by count(*) desc, retailer_ref limit 1")
      .get(`${month}%`) as { licence: string };
    const expected = readDb()
      .prepare('select date, brand_code brandCode, quantity from orders where retailer_ref = ? and date like ? order by quantity desc, id desc')
      .all(licence, `${month}%`) as { date: string; brandCode: string; quantity: number }[];

    await goTo(`#/data/orders?month=${month}`);
    const grid = page.getByTestId('grid-orders');
    await waitForGridRows(grid);
    const all = readDb().prepare('select count(*) n from orders where date like ?').get(`${month}%`) as { n: number };
    await expect.poll(() => page.getByTestId('grid-total').textContent()).toBe(`共 ${all.n.toLocaleString()} 行`);
    await screenshot(page, '10-orders');

    await floatingFilter(grid, 'licence').fill(licence);
    await expect.poll(() => page.getByTestId('grid-total').textContent()).toBe(`共 ${expected.length.toLocaleString()} 行`);
    const header = grid.locator('.ag-header-cell[col-id="quantity"] .ag-header-cell-label');
    await header.click();
    await header.click();
    await expect.poll(async () => (await gridRows(grid, ['quantity'])).map((r) => Number((r.quantity ?? '').replace(/,/g, '')))).toEqual(expected.map((r) => r.quantity));
    const shown = await gridRows(grid, ['date', 'licence', 'brandCode', 'quantity']);
    expect(new Set(shown.map((r) => r.licence))).toEqual(new Set([licence]));
    expect(shown.map((r) => `${r.date}|${r.brandCode}`).sort()).toEqual(expected.map((r) => `${r.date}|${r.brandCode}`).sort());
    await screenshot(page, '11-orders-filtered-sorted');
  });

  it('follows the month picked in the header, and says so when a month has no rows', async () => {
    // A fresh grid (the previous test left a filter on this one).
    await goTo('#/overview');
    await goTo('#/data/orders');
    const grid = page.getByTestId('grid-orders');
    await waitForGridRows(grid);
    await page.locator('.ant-layout-header .ant-picker').click();
    await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) td[title="2026-09"]').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe('#/data/orders?month=2026-09');
    const september = readDb().prepare("select count(*) n from orders where date like '2026-09%'").get() as { n: number };
    expect(september.n).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('grid-total').textContent()).toBe(`共 ${september.n.toLocaleString()} 行`);
    await expect.poll(async () => (await gridRows(grid, ['date']))[0]?.date).toMatch(/^2026-09-/);

    await goTo('#/data/orders?month=2026-03');
    await expect.poll(() => page.getByTestId('grid-empty').textContent()).toContain('2026-03 还没有订单数据');
  });

  it('hides a column with the column chooser and remembers it after a reload', async () => {
    await goTo('#/data/orders?month=2026-10');
    const grid = page.getByTestId('grid-orders');
    await waitForGridRows(grid);
    const amountHeader = grid.locator('.ag-header-cell[col-id="amount"]:not(.ag-floating-filter)');
    await expect.poll(() => amountHeader.count()).toBe(1);
    await page.getByTestId('column-chooser-button').click();
    const chooser = page.getByTestId('column-chooser');
    await settled(chooser);
    await chooser.getByRole('checkbox', { name: '金额' }).uncheck();
    await expect.poll(() => amountHeader.count()).toBe(0);
    await screenshot(page, '14-column-chooser');

    await page.reload();
    await waitForGridRows(page.getByTestId('grid-orders'));
    await expect.poll(() => amountHeader.count()).toBe(0);
    await page.getByTestId('column-chooser-button').click();
    await settled(page.getByTestId('column-chooser'));
    await page.getByTestId('column-chooser').getByRole('button', { name: '恢复默认列' }).click();
    await expect.poll(() => amountHeader.count()).toBe(1);
    await page.keyboard.press('Escape');

    // The column filter speaks Chinese too (AG Grid has no zh-CN package installed; ours is hand-written).
    await grid.locator('.ag-header-cell[col-id="quantity"]:not(.ag-floating-filter) .ag-header-cell-filter-button, .ag-floating-filter[col-id="quantity"] .ag-floating-filter-button-button').first().click();
    const filterMenu = page.locator('.ag-filter-menu, .ag-menu').first();
    await filterMenu.waitFor();
    expect(await filterMenu.innerText()).toMatch(/等于|大于|小于/);
    await screenshot(page, '15-filter-menu');
    await page.keyboard.press('Escape');
  });

  it('opens a journal with its full text, and shows markup from a file as plain characters', async () => {
    const markup = '<img src=x onerror=window.__xss=1>';
    const licence = (readDb().prepare('select licence from retailers order by id limit 1').get() as { licence: string }).licence;
    await goTo('#/import');
    await page.getByRole('tab', { name: '导入文件' }).click();
    const file = await writeXlsx(path.join(workDir, '工作日志_标记.xlsx'), [
      ['日期', '工号', '客户经理', '许可证号', '日志内容'],
      ['2026-10-14', 'LH001', '方平', licence, markup],
    ]);
    await page.locator('input[type=file]').setInputFiles(file);
    const c = card('工作日志_标记.xlsx');
    await expect.poll(() => c.locator('.ant-tag').first().textContent(), { timeout: 30_000 }).toBe('工作日志');
    // The preview grid already shows the file's text; it must stay text there too.
    await expect.poll(() => c.getByTestId('preview-grid').textContent()).toContain(markup);
    await page.getByTestId('start-import').click();
    await expect.poll(() => c.getByTestId('import-result').getAttribute('data-status'), { timeout: 60_000 }).toBe('imported');

    await goTo('#/data/journals?month=2026-10');
    const grid = page.getByTestId('grid-journals');
    await waitForGridRows(grid);
    await screenshot(page, '12-journals');
    await page.getByTestId('grid-search').locator('input').fill('onerror');
    await expect.poll(() => page.getByTestId('grid-total').textContent()).toBe('共 1 行');
    await expect.poll(async () => (await gridRows(grid, ['content']))[0]?.content).toBe(markup);
    await grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="content"]').click();
    const detail = page.getByTestId('detail-content');
    await expect.poll(() => detail.innerText()).toBe(markup);
    expect(await page.locator('.ant-drawer img[src="x"]').count()).toBe(0);
    await screenshot(page, '12-journal-markup-as-text');
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await page.keyboard.press('Escape');

    // An ordinary journal: the drawer shows the whole text the database holds.
    await page.getByTestId('grid-search').locator('input').fill('');
    await expect.poll(() => page.getByTestId('grid-total').textContent()).not.toBe('共 1 行');
    await waitForGridRows(grid);
    const longest = readDb()
      .prepare("select content from journals where date like '2026-10%' order by length(content) desc limit 1")
      .get() as { content: string };
    await page.getByTestId('grid-search').locator('input').fill(longest.content.slice(0, 30));
    await expect.poll(() => page.getByTestId('grid-total').textContent()).toBe('共 1 行');
    await grid.locator('.ag-row[row-index="0"] .ag-cell[col-id="date"]').click();
    await expect.poll(() => page.getByTestId('detail-content').innerText()).toBe(longest.content);
    await screenshot(page, '13-journal-detail');
    await page.keyboard.press('Escape');
    expect(app.errors).toEqual([]);
  });

  it('shows every screen at 1366×768 (screenshots for review)', async () => {
    for (const kind of ['managers', 'retailers', 'attendance', 'surveys', 'reports', 'inspections', 'brands', 'agreements', 'spotchecks']) {
      await goTo(`#/data/${kind}?month=2026-10`);
      const grid = page.getByTestId(`grid-${kind}`);
      await waitForGridRows(grid);
      await screenshot(page, `20-grid-${kind}`);
    }
    // A retailer's month: visits, punches, surveys and orders.
    await goTo('#/data/retailers?month=2026-10');
    const retailers = page.getByTestId('grid-retailers');
    await waitForGridRows(retailers);
    await retailers.locator('.ag-row[row-index="0"] .ag-cell').first().click();
    await page.getByTestId('row-detail').waitFor();
    await screenshot(page, '21-retailer-detail');
    await page.keyboard.press('Escape');

    await goTo('#/overview?month=2026-10');
    await page.getByTestId('overview').waitFor();
    // The punch count names the absence rows the attendance grid lists beside the punches.
    await expect.poll(() => page.getByTestId('count-absences').textContent()).toMatch(/^另有缺勤记录 \d+ 条$/);
    await page.getByTestId('attendance-heatmap').locator('canvas').first().waitFor();
    await screenshot(page, '22-overview');
    await goTo('#/evaluation?month=2026-10');
    await screenshot(page, '23-evaluation');
    await goTo('#/settings?month=2026-10');
    await expect.poll(() => page.getByTestId('database-path').textContent()).toContain('workbench.sqlite');
    await screenshot(page, '24-settings');
    // English on request, and back: the menu follows at once.
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.locator('.ant-layout-sider').textContent()).toContain('Overview');
    await screenshot(page, '25-settings-en');
    // The grids' column names are declared in both languages with their kind.
    await goTo('#/data/orders?month=2026-10');
    const ordersEn = page.getByTestId('grid-orders');
    await waitForGridRows(ordersEn);
    await expect.poll(() => ordersEn.locator('.ag-header-cell[col-id="quantity"]').first().textContent()).toContain('Ordered');
    await screenshot(page, '26-grid-orders-en');
    await goTo('#/settings?month=2026-10');
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.locator('.ant-layout-sider').textContent()).toContain('总览');
    expect(app.errors).toEqual([]);
  });
});

function floatingFilter(grid: import('playwright-core').Locator, colId: string) {
  return grid.locator(`.ag-floating-filter[col-id="${colId}"] input`).first();
}
