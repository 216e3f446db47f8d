import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { writeHtmlTable, writeXls } from '../helpers/writeOldFormats';
import { writeXlsx } from '../helpers/writeSheets';
import { openApp, screenshot, type AppSession } from './support/openApp';
import './support/provided';
import { startHost, type RunningHost } from './support/startHost';

/** Old .xls workbooks and web pages saved as .xls are previewed and imported; the card says what each file really is. */
describe('old formats in the import centre', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  const workDir = path.join(inject('runDir'), 'old-formats');

  beforeAll(async () => {
    fs.mkdirSync(workDir, { recursive: true });
    host = await startHost(workDir, 'old-formats');
    app = await openApp(host.url);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  const card = (fileName: string) => page.locator(`[data-testid="file-card"][data-file="${fileName}"]`);

  it('shows the detected format of a .xls, an HTML table named .xls and an xlsx named .xls, then imports them', async () => {
    const roster = writeXls(path.join(workDir, '客户经理花名册.xls'), [
      { name: '说明', rows: [['本表由人事系统导出']] },
      {
        name: '花名册',
        rows: [
          ['临河营销部客户经理花名册'],
          ['工号', '姓名', '营销部', '服务线路', '入职日期', '状态'],
          ['0001', '张伟', '临河营销部', 'X01、X02', new Date(Date.UTC(2020, 2, 1)), '在岗'],
          ['0002', '李娜', '临河营销部', 'X03', new Date(Date.UTC(2021, 4, 6)), '在岗'],
        ],
        merges: [{ row: 0, from: 0, to: 5 }],
      },
    ]);
    const brands = writeHtmlTable(path.join(workDir, '品规目录.xls'), {
      title: '卷烟品规目录（2026年10月）',
      header: ['卷烟编码', '卷烟名称', '批发价', '建议零售价'],
      rows: [
        ['06901028001687', '中华(硬)', '375.00', '450.00'],
        ['06901028075022', '云烟(紫)', '95.40', '110.00'],
      ],
      columnFormats: ['@', null, '0.00', '0.00'],
      charset: 'gbk',
    });
    const calendarXlsx = await writeXlsx(path.join(workDir, 'calendar.xlsx'), [
      ['日期', '是否工作日', '说明'],
      [new Date(Date.UTC(2026, 9, 1)), '休', '国庆节'],
      [new Date(Date.UTC(2026, 9, 9)), '班', ''],
    ]);
    const calendar = path.join(workDir, '工作日历_202610.xls');
    fs.renameSync(calendarXlsx, calendar);

    const welcome = page.getByRole('dialog').filter({ hasText: '欢迎使用考评工作台' });
    await welcome.waitFor();
    await welcome.getByRole('button', { name: '导入自己的表格' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/import/);
    await page.locator('input[type=file]').setInputFiles([roster, brands, calendar]);

    const expectations = [
      ['客户经理花名册.xls', '旧版 Excel（.xls）', '花名册'],
      ['品规目录.xls', '网页表格（HTML）', '表格1'],
      ['工作日历_202610.xls', 'Excel 工作簿（.xlsx）', 'Sheet1'],
    ] as const;
    for (const [file, format, sheet] of expectations) {
      await expect.poll(() => card(file).getByTestId('file-format').textContent()).toBe(format);
      await expect.poll(() => card(file).textContent()).toContain(sheet);
      await expect.poll(() => card(file).getByTestId('preview-grid').locator('.ag-row').count()).toBeGreaterThan(0);
    }
    await expect.poll(() => card('品规目录.xls').textContent()).toContain('gb18030');
    // Codes keep their leading zeros in the preview.
    await expect.poll(() => card('客户经理花名册.xls').getByTestId('preview-grid').textContent()).toContain('0001');
    await expect.poll(() => card('品规目录.xls').getByTestId('preview-grid').textContent()).toContain('06901028001687');
    await card('客户经理花名册.xls').scrollIntoViewIfNeeded();
    await screenshot(page, '21-old-formats-preview');

    await page.getByTestId('start-import').click();
    for (const [file] of expectations) {
      await expect.poll(() => card(file).getByTestId('import-result').getAttribute('data-status'), { timeout: 60_000 }).toBe('imported');
    }
    await screenshot(page, '22-old-formats-imported');
  });
});
