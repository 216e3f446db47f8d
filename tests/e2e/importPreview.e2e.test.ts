import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeAmbiguous, writeDailyStats, writeMasters, writePhoneList } from '../helpers/importCorpus';
import { runCli } from '../helpers/runCli';
import { openApp, screenshot, type AppSession } from './support/openApp';
import './support/provided';
import { startHost, type RunningHost } from './support/startHost';

/**
 * The import centre says what a file would change before it changes it: a phone list shows the
 * changed phone old → new and asks once more before changing the roster; a file whose kind is
 * unclear is not imported until the supervisor chooses one of the candidates.
 */
describe('import preview', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  const workDir = path.join(inject('runDir'), 'import-preview');
  const filesDir = path.join(workDir, 'files');
  const card = (fileName: string) => page.locator(`[data-testid="file-card"][data-file="${fileName}"]`);

  beforeAll(async () => {
    fs.mkdirSync(filesDir, { recursive: true });
    const masters = await writeMasters(filesDir);
    const seeded = await runCli(['import', '--db', path.join(workDir, 'preview.sqlite'), masters.roster, masters.retailers, masters.brands]);
    expect(seeded.code, seeded.stderr).toBe(0);
    host = await startHost(workDir, 'preview');
    app = await openApp(host.url);
    page = app.page;
    await page.evaluate(() => (window.location.hash = '#/import'));
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('lists the changed values of a phone list and asks again before changing the roster', async () => {
    const phones = writePhoneList(filesDir);
    const daily = (await writeDailyStats(filesDir)).xlsx;
    await page.locator('input[type=file]').setInputFiles([phones, daily]);
    const list = card('手机号.csv').getByTestId('change-list');
    await list.waitFor({ timeout: 60_000 });
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('LH001 张伟');
    expect(text).toContain('13800000001');
    expect(text).toContain('13911112222');
    expect(await card('手机号.csv').getByTestId('change-updated').textContent()).toBe('更新 1 行');
    await card('钉钉考勤_每日统计.xlsx').getByTestId('change-preview').waitFor({ timeout: 60_000 });
    expect(await card('钉钉考勤_每日统计.xlsx').getByTestId('shape-note').textContent()).toContain('每日统计');
    expect(await card('钉钉考勤_每日统计.xlsx').getByTestId('change-inserted').textContent()).toBe('新增 8 行');
    await screenshot(page, 'import-preview-changes');

    await page.getByTestId('start-import').click();
    const confirm = page.getByTestId('confirm-master-list');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('将修改已有的 1 行');
    await screenshot(page, 'import-preview-confirm');
    await page.getByRole('button', { name: '确认修改并导入' }).click();
    await expect.poll(() => card('手机号.csv').getByTestId('import-result').getAttribute('data-status'), { timeout: 60_000 }).toBe('imported');
    const db = new Database(host.dbPath, { readonly: true });
    try {
      const rows = db.prepare('select code, phone, area, routes from managers order by code').all();
      expect(rows).toEqual([
        { code: 'LH001', phone: '13911112222', area: '城区一片', routes: 'X01、X02' },
        { code: 'LH002', phone: '13800000002', area: '城区二片', routes: 'X03' },
        { code: 'LH003', phone: '13800000003', area: '乡镇片', routes: 'X04' },
      ]);
    } finally {
      db.close();
    }
  });

  it('asks which kind an ambiguous file is and imports nothing before', async () => {
    await page.getByTestId('clear-imported').click();
    const file = writeAmbiguous(filesDir);
    await page.locator('input[type=file]').setInputFiles([file]);
    const unclear = card(path.basename(file)).getByTestId('kind-unclear');
    await unclear.waitFor({ timeout: 60_000 });
    const text = (await unclear.textContent()) ?? '';
    expect(text).toContain('订单明细');
    expect(text).toContain('专卖市场检查记录');
    expect(await page.getByTestId('start-import').isDisabled()).toBe(true);
    await screenshot(page, 'import-preview-ambiguous');
    await card(path.basename(file)).getByTestId('choose-kind-inspections').click();
    await expect.poll(() => page.getByTestId('start-import').isDisabled()).toBe(false);
    await card(path.basename(file)).getByTestId('change-preview').waitFor({ timeout: 60_000 });
    expect(app.errors).toEqual([]);
  });

  it('shows the month a retailer file without a month in its name speaks for, and lets it be changed', async () => {
    const masters = await writeMasters(path.join(filesDir));
    const noMonth = path.join(filesDir, '零售客户档案.xlsx');
    fs.copyFileSync(masters.retailers, noMonth);
    await page.locator('input[type=file]').setInputFiles([noMonth]);
    const month = card('零售客户档案.xlsx').getByTestId('as-of-month');
    await month.waitFor({ timeout: 60_000 });
    // The 每日统计 imported above holds October 2026: the latest month with activity data.
    expect(await month.textContent()).toContain('取自库中最近有业务数据的月份');
    expect(await month.locator('input').inputValue()).toBe('2026-10');
    // October's assignments came with the seeded 零售客户档案_202610: nothing new for October.
    const preview = card('零售客户档案.xlsx').getByTestId('change-preview');
    expect(await preview.textContent()).toContain('未变 3 行');
    expect(await preview.textContent()).not.toContain('新月份的线路分配');
    const input = month.locator('input');
    await input.click();
    await input.fill('2026-11');
    await input.press('Enter');
    await expect.poll(() => preview.textContent(), { timeout: 60_000 }).toContain('新月份的线路分配 3 户');
    expect(await month.textContent()).toContain('已指定');
    await screenshot(page, 'import-preview-month');
  });
});
