import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, screenshot, type AppSession } from './support/openApp';
import './support/provided';
import { startDemoHost } from './support/startDemoHost';
import type { RunningHost } from './support/startHost';

/**
 * A supervisor's settings: the scheme editor refuses weights that do not add up to 100 and
 * shows the backend's refusals, saves a new version; a day of the work calendar changes; and the
 * month's 考评报表 is exported from the 考评 page and read back.
 */
describe('settings and report export', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let db: Database.Database;
  let month: string;

  beforeAll(async () => {
    const demo = new Database(inject('demoDbPath'), { readonly: true, fileMustExist: true });
    month = (demo.prepare('select max(substr(date, 1, 7)) m from orders').get() as { m: string }).m;
    demo.close();
    // 'evaluation.run' lives on another branch: the month is evaluated with the CLI first.
    host = await startDemoHost('settings', { prepare: [['evaluate', '--month', month]] });
    app = await openApp(`${host.url}#/settings?month=${month}`);
    page = app.page;
  });

  afterAll(async () => {
    db?.close();
    await app?.close();
    await host?.stop();
  });

  const readDb = () => (db ??= new Database(host.dbPath, { readonly: true, fileMustExist: true }));
  const weight = (key: string) => page.getByTestId(`weight-${key}`).locator('input');
  const setNumber = async (input: import('playwright-core').Locator, value: number) => {
    await input.fill(String(value));
    await input.press('Tab');
  };
  const sum = () => page.getByTestId('weight-sum');

  it('asks who the supervisor is until told; 常规 saves name and unit, audited, and the header names them', async () => {
    await page.getByTestId('supervisor-ask').waitFor();
    await page.getByTestId('supervisor-name').fill('张明');
    await page.getByTestId('supervisor-unit').fill('临河营销部');
    await page.getByTestId('supervisor-save').click();
    await expect.poll(() => page.getByTestId('supervisor-current').textContent()).toBe('考核人：张明');
    expect(await page.getByTestId('supervisor-ask').count()).toBe(0);
    await screenshot(page, '69-settings-general');
    const audit = readDb().prepare("select field, old_value, new_value, who from audit_log where entity = 'settings' order by id").all();
    expect(audit).toEqual([
      { field: 'name', old_value: null, new_value: '张明', who: '张明' },
      { field: 'unit', old_value: null, new_value: '临河营销部', who: '张明' },
    ]);
  });

  it('shows a live weight sum, refuses to save unless it is 100, shows backend refusals, saves a new version', async () => {
    await page.getByRole('tab', { name: '考核方案' }).click();
    await expect.poll(() => sum().textContent()).toBe('合计 100');
    await screenshot(page, '70-schemes');

    await setNumber(weight('sales'), 30);
    await expect.poll(() => sum().textContent()).toBe('当前合计 105，需为 100');
    expect(await sum().getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('save-scheme').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('save-blocked').textContent()).toBe('维度权重合计须为 100 才能保存');
    await page.getByTestId('weight-sum').scrollIntoViewIfNeeded();
    await screenshot(page, '71-schemes-sum-wrong');

    await setNumber(weight('attendance'), 10);
    await expect.poll(() => sum().textContent()).toBe('合计 100');
    expect(await page.getByTestId('save-scheme').isDisabled()).toBe(false);

    // Grades out of order pass the form but not the backend: its reasons are listed.
    const secondGradeMin = page.getByTestId('grades-card').locator('.ant-input-number input').nth(1);
    await setNumber(secondGradeMin, 95);
    await page.getByTestId('save-scheme').click();
    const refusal = page.getByTestId('scheme-refusal');
    await expect.poll(() => refusal.textContent()).toContain('等级下限应从高到低排列：「优秀」90 之后是「良好」95');
    await refusal.scrollIntoViewIfNeeded();
    await screenshot(page, '72-schemes-refused');
    expect((readDb().prepare('select count(*) n from schemes').get() as { n: number }).n).toBe(1);

    await setNumber(secondGradeMin, 80);
    await page.getByTestId('save-scheme').click();
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已保存：默认方案 第 2 版');
    const rows = readDb().prepare('select name, version, definition_json from schemes order by id').all() as { name: string; version: number; definition_json: string }[];
    expect(rows.map((r) => [r.name, r.version])).toEqual([
      ['默认方案', 1],
      ['默认方案', 2],
    ]);
    const v2 = JSON.parse(rows[1]?.definition_json ?? '{}') as { weights: Record<string, number>; grades: { min: number }[] };
    expect(v2.weights).toMatchObject({ sales: 30, attendance: 10 });
    expect(v2.grades.map((g) => g.min)).toEqual([90, 80, 60, 0]);
    const v1 = JSON.parse(rows[0]?.definition_json ?? '{}') as { weights: Record<string, number> };
    expect(v1.weights).toMatchObject({ sales: 25, attendance: 15 });
    // The editor now shows the new version, and the month still uses version 1.
    await expect.poll(() => page.getByTestId('scheme-picker').textContent()).toContain('默认方案 第 2 版');
    await page.getByTestId('scheme-picker').scrollIntoViewIfNeeded();
    await screenshot(page, '73-schemes-saved');
    const used = readDb().prepare('select s.version from evaluations e join schemes s on s.id = e.scheme_id where e.month = ?').get(month) as { version: number };
    expect(used.version).toBe(1);
  });

  it('toggles a day of the work calendar after a confirm, stores and marks it', async () => {
    await page.getByRole('tab', { name: '工作日历' }).click();
    const grid = page.getByTestId('calendar-grid');
    await grid.waitFor();
    const before = Number((await page.getByTestId('workday-count').textContent())?.match(/\d+/)?.[0]);
    const workday = grid.locator('button[data-kind="workday"][data-overridden="false"]').nth(2);
    const date = (await workday.getAttribute('data-testid'))?.replace('day-', '') ?? '';
    expect(date).toMatch(new RegExp(`^${month}-\\d\\d$`));
    await workday.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toContain(`将 ${date}`);
    await page.getByTestId('day-note').fill('片区培训');
    await screenshot(page, '74-calendar-confirm');
    await page.getByTestId('day-confirm').click();

    const cell = page.getByTestId(`day-${date}`);
    await expect.poll(() => cell.getAttribute('data-overridden')).toBe('true');
    expect(await cell.getAttribute('data-workday')).toBe('false');
    await expect.poll(() => page.getByTestId('workday-count').textContent()).toContain(String(before - 1));
    await expect.poll(() => page.getByTestId('calendar-changes').textContent()).toContain('片区培训');
    const stored = readDb().prepare('select workday, note from calendar_days where date = ?').get(date);
    expect(stored).toEqual({ workday: 0, note: '片区培训' });
    const audit = readDb().prepare("select old_value, new_value from audit_log where entity = 'calendar' and entity_id = ?").all(date);
    expect(audit).toEqual([{ old_value: '工作日', new_value: '休息日' }]);
    await expect.poll(() => dialog.count()).toBe(0);
    await page.mouse.move(0, 0);
    await screenshot(page, '75-calendar');

    // Back to the shipped calendar: the override is gone and the day is a workday again.
    await cell.click();
    await page.getByTestId('day-reset').click();
    await expect.poll(() => cell.getAttribute('data-overridden')).toBe('false');
    expect(await cell.getAttribute('data-workday')).toBe('true');
    await expect.poll(() => page.getByTestId('workday-count').textContent()).toContain(String(before));
    // Put back as a change of its own (an undoable batch): the row holds the shipped calendar's value.
    expect(readDb().prepare('select workday from calendar_days where date = ?').get(date)).toEqual({ workday: 1 });
    expect(readDb().prepare("select count(*) n from audit_log where entity = 'calendar' and entity_id = ?").get(date)).toEqual({ n: 2 });
  });

  it('exports the month\'s report from the 考评 page with progress; the file lists every manager and is signed by the supervisor', async () => {
    await page.evaluate((h) => (window.location.hash = h), `#/evaluation?month=${month}`);
    const button = page.getByTestId('export-report');
    await button.waitFor();
    // Version 2 of the scheme was saved above: the month is 需重新考评, and 重新考评 says it uses version 2.
    await expect.poll(() => page.getByTestId('stale-banner').textContent()).toContain('考核方案「默认方案」已保存新版本 v2（本次考评用的是 v1）');
    expect(await page.getByTestId('stale-banner').textContent()).toContain('重新考评将使用方案「默认方案」第 2 版');
    expect(await page.getByTestId('evaluation-run').textContent()).toBe('重新考评（默认方案 第 2 版）');
    await screenshot(page, '75-evaluation-stale-new-scheme');
    const downloaded = page.waitForEvent('download', { timeout: 90_000 });
    await button.click();
    await page.getByTestId('export-report-progress').waitFor();
    await screenshot(page, '76-export-progress');
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`考评报表-${month}.xlsx`);
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain(`已导出 考评报表-${month}.xlsx`);
    await screenshot(page, '77-export-done');

    // The browser runs as a remote server: its download is copied here before reading.
    const saved = path.join(inject('runDir'), 'settings', download.suggestedFilename());
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const summary = workbook.getWorksheet('汇总');
    expect(summary).toBeDefined();
    const codes: string[] = [];
    summary?.eachRow((row) => {
      const rank = row.getCell(1).value;
      const code = row.getCell(2).value;
      if (typeof rank === 'number' && typeof code === 'string') codes.push(code);
    });
    const evaluated = JSON.parse((readDb().prepare('select result_json from evaluations where month = ?').get(month) as { result_json: string }).result_json) as {
      managers: { code: string }[];
    };
    expect(evaluated.managers.length).toBeGreaterThan(0);
    expect([...codes].sort()).toEqual(evaluated.managers.map((m) => m.code).sort());
    // The 考核人 line carries the supervisor saved in 设置 › 常规 (first test): name and unit.
    const signature: string[] = [];
    summary?.eachRow((row) => {
      if (row.getCell(1).value === '考核人：') signature.push(String(row.getCell(3).value));
    });
    expect(signature).toEqual(['张明（临河营销部）']);
    expect(app.errors).toEqual([]);
  });

  it('reads in English too: the scheme editor and the calendar have no untranslated keys', async () => {
    await page.evaluate((h) => (window.location.hash = h), `#/settings?month=${month}`);
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('tab', { name: 'Scoring scheme' }).click();
    await expect.poll(() => sum().textContent()).toBe('Total 100');
    await screenshot(page, '78-schemes-en');
    const schemeText = (await page.getByTestId('schemes-tab').textContent()) ?? '';
    expect(schemeText).not.toMatch(/schemes\.|workCalendar\./);
    await page.getByRole('tab', { name: 'Work calendar' }).click();
    await page.getByTestId('calendar-grid').waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page, '79-calendar-en');
    expect((await page.getByTestId('work-calendar').textContent()) ?? '').not.toMatch(/workCalendar\./);
    await page.getByRole('tab', { name: 'General' }).click();
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => page.locator('.ant-layout-sider').textContent()).toContain('总览');
    expect(app.errors).toEqual([]);
  });
});
