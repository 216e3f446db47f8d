import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridRows, waitForGridRows } from './support/gridRows';
import { openApp, screenshot, type AppSession } from './support/openApp';
import { pageApiCall } from './support/pageApiCall';
import { settled } from './support/settled';
import type { RunningHost } from './support/startHost';
import { startDemoHost } from './support/startDemoHost';

interface StoredManager {
  code: string;
  name: string;
  rank: number | null;
  total: number | null;
  grade: string | null;
  veto: { reason: string } | null;
  flags: unknown[];
}

/**
 * The 考评 screen on the demo district's newest month (the one with planted problems): empty
 * state, evaluation with progress, the ranking against the stored snapshot, 定稿 and reopening.
 */
describe('evaluation', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let month: string;
  let managerCodes: string[];

  const withDb = <T>(read: (db: Database.Database) => T): T => {
    // Opened per read and closed at once: the host writes to the same file.
    const db = new Database(host.dbPath, { readonly: true, fileMustExist: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  };
  const status = () => withDb((db) => (db.prepare('select status from evaluations where month = ?').get(month) as { status: string } | undefined)?.status);
  const apiCall = (name: string, arg: unknown) => pageApiCall(page, name, arg);

  beforeAll(async () => {
    host = await startDemoHost('evaluation');
    ({ month, managerCodes } = withDb((db) => ({
      month: (db.prepare('select max(substr(date, 1, 7)) m from orders').get() as { m: string }).m,
      managerCodes: (db.prepare('select code from managers order by code').all() as { code: string }[]).map((r) => r.code),
    })));
    app = await openApp(`${host.url}#/evaluation?month=${month}`);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('shows an empty state, then evaluates with progress into a ranking of every manager as stored', async () => {
    const empty = page.getByTestId('evaluation-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain(`${month} 还没有考评`);
    expect(status()).toBeUndefined();
    await screenshot(page, '40-evaluation-empty');

    // Hold the run's answer back a moment: its progress events have all arrived by then, so the
    // progress shown while the call is still open can be seen however fast the machine is.
    await page.route('**/api/evaluation.run', async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ response });
    });
    await page.getByTestId('evaluation-start').click();
    const progress = page.getByTestId('evaluation-progress');
    await expect.poll(() => progress.textContent()).toMatch(/第 \d\/3 步：(读取数据|计算指标|保存结果)/);
    await screenshot(page, '41-evaluation-progress');

    const grid = page.getByTestId('ranking-grid');
    await waitForGridRows(grid);
    await page.unroute('**/api/evaluation.run');
    expect(await progress.count()).toBe(0);
    await page.getByTestId('ranking-chart').locator('canvas').first().waitFor();

    const stored = withDb((db) => db.prepare('select status, result_json from evaluations where month = ?').get(month) as { status: string; result_json: string });
    expect(stored.status).toBe('draft');
    const managers = (JSON.parse(stored.result_json) as { managers: StoredManager[] }).managers;
    const rows = await gridRows(grid, ['rank', 'name', 'code', 'total', 'grade', 'veto', 'flags', 'sales', 'records']);
    expect(rows.map((r) => r.code).sort()).toEqual(managerCodes);
    // Best rank first; managers without a rank last.
    const shownRanks = rows.map((r) => (r.rank === '' ? Infinity : Number(r.rank)));
    expect(shownRanks).toEqual([...shownRanks].sort((a, b) => a - b));
    for (const m of managers) {
      const row = rows.find((r) => r.code === m.code)!;
      expect(row, m.code).toMatchObject({
        name: m.name,
        rank: m.rank === null ? '' : String(m.rank),
        total: m.total === null ? '无数据' : m.total.toFixed(1),
        grade: m.grade ?? '—',
        veto: m.veto ? '否决' : '—',
        flags: String(m.flags.length),
      });
    }

    // A vetoed manager: red 否决 with the reason on hover, graded 不合格.
    const vetoed = managers.find((m) => m.veto !== null);
    expect(vetoed, 'the demo month has a veto').toBeDefined();
    expect(rows.find((r) => r.code === vetoed!.code)?.grade).toBe('不合格');
    await grid.locator(`.ag-row[row-id="${vetoed!.code}"] .ag-cell[col-id="veto"]`).hover();
    await expect.poll(() => page.locator('.ag-tooltip').first().textContent()).toContain(vetoed!.veto!.reason);
    await page.mouse.move(5, 5);

    // An adjustment (made through the API) shows as the new score with a mark, the computed one on hover.
    const adjustedCode = rows[0]!.code;
    const computed = rows[0]!.records;
    const adjusted = await apiCall('evaluation.adjust', { month, managerCode: adjustedCode, dimension: 'records', score: 60, reason: '抽查日志后复核' });
    expect(adjusted.ok).toBe(true);
    await page.reload();
    await waitForGridRows(grid);
    const recordsCell = grid.locator(`.ag-row[row-id="${adjustedCode}"] .ag-cell[col-id="records"]`);
    await expect.poll(() => recordsCell.innerText()).toMatch(/^60\.0\s*调$/);
    await recordsCell.hover();
    await expect.poll(() => page.locator('.ag-tooltip').first().textContent()).toBe(`已手工调整；系统计算：${computed}`);
    await screenshot(page, '42-evaluation-ranking');
    await page.mouse.move(5, 5);

    // Sorting by 总分 ascending puts the lowest total first.
    await grid.locator('.ag-header-cell[col-id="total"]').click();
    const byTotal = (await gridRows(grid, ['total'])).map((r) => Number(r.total)).filter((n) => !Number.isNaN(n));
    expect(byTotal).toEqual([...byTotal].sort((a, b) => a - b));
    await grid.locator('.ag-header-cell[col-id="rank"]').click();
  });

  it('finalizes behind a confirmation; then the screen is read-only and the API refuses an adjustment', async () => {
    await page.getByTestId('evaluation-finalize').click();
    const confirm = page.getByRole('dialog').filter({ hasText: `将 ${month} 的考评定稿？` });
    // The dialog zooms in from the 定稿 button: click its OK button once it rests (see settled).
    await settled(confirm);
    await confirm.getByRole('button', { name: '定 稿' }).or(confirm.getByRole('button', { name: '定稿' })).click();
    await page.getByTestId('final-banner').waitFor();
    expect(await page.getByTestId('final-banner').textContent()).toContain('已定稿，只读；如需修改请重新打开');
    expect(await page.getByTestId('evaluation-status').textContent()).toMatch(/已定稿.*由 .+ 定稿/);
    expect(await page.getByTestId('evaluation-run').isDisabled()).toBe(true);
    expect(await page.getByTestId('evaluation-finalize').isDisabled()).toBe(true);
    expect(await page.getByTestId('evaluation-reopen').isEnabled()).toBe(true);
    expect(status()).toBe('final');
    await screenshot(page, '43-evaluation-final');
    // With rows scrolling under the banner, the last column still ends before the grid's scrollbar.
    const edges = await page.getByTestId('ranking-grid').evaluate((grid) => ({
      flags: grid.querySelector('.ag-row[row-index="0"] .ag-cell[col-id="flags"]')!.getBoundingClientRect().right,
      scrollbar: grid.querySelector('.ag-body-vertical-scroll')!.getBoundingClientRect().left,
    }));
    expect(edges.flags).toBeLessThanOrEqual(edges.scrollbar + 0.5);

    const refused = await apiCall('evaluation.adjust', { month, managerCode: managerCodes[0], dimension: 'sales', score: 50, reason: '试图修改定稿' });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('finalized');
    expect(withDb((db) => (db.prepare('select count(*) n from adjustments').get() as { n: number }).n)).toBe(1);
  });

  it('reopens only with a reason', async () => {
    await page.getByTestId('evaluation-reopen').click();
    const dialog = page.getByRole('dialog').filter({ hasText: `重新打开 ${month} 的考评` });
    await settled(dialog);
    const ok = dialog.getByRole('button', { name: /重新打开|重新 打开/ });
    await ok.click();
    await expect.poll(() => dialog.textContent()).toContain('请填写重新打开的原因');
    await screenshot(page, '44-evaluation-reopen-no-reason');
    expect(status()).toBe('final');
    // The backend refuses an empty reason on its own too.
    const blank = await apiCall('evaluation.reopen', { month, reason: '  ' });
    expect(blank.error).toEqual({ code: 'invalid_adjustment', message: '必须填写原因' });

    await dialog.getByTestId('reopen-reason').fill('补录了专卖检查记录');
    await ok.click();
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => page.getByTestId('final-banner').count()).toBe(0);
    expect(await page.getByTestId('evaluation-status').textContent()).toContain('草稿');
    expect(await page.getByTestId('evaluation-run').isEnabled()).toBe(true);
    expect(await page.getByTestId('evaluation-finalize').isEnabled()).toBe(true);
    expect(status()).toBe('draft');
    const audit = withDb((db) => db.prepare("select new_value, reason from audit_log where entity = 'evaluation' and field = 'status' order by id").all());
    expect(audit).toEqual([
      { new_value: 'final', reason: null },
      { new_value: 'draft', reason: '补录了专卖检查记录' },
    ]);
    await screenshot(page, '45-evaluation-reopened');
  });

  it('says 需重新考评 (what changed, when) after a calendar edit, refuses 定稿 until re-evaluated', async () => {
    const day = `${month}-28`;
    const edited = await apiCall('calendar.setDay', { date: day, workday: false, note: '测试改动' });
    expect(edited.ok).toBe(true);
    await page.reload();
    const banner = page.getByTestId('stale-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('需重新考评');
    expect(await page.getByTestId('stale-reason').first().textContent()).toContain(`修改了工作日历 ${day}`);
    expect(await page.getByTestId('evaluation-finalize').isDisabled()).toBe(true);
    await screenshot(page, '46-evaluation-stale');
    const refused = await apiCall('evaluation.finalize', { month });
    expect(refused.error?.code).toBe('stale');
    // Putting the day back is a change too; a new run makes the result current again.
    expect((await apiCall('calendar.setDay', { date: day, workday: null })).ok).toBe(true);
    await page.getByTestId('evaluation-run').click();
    await expect.poll(() => page.getByTestId('stale-banner').count()).toBe(0);
    expect(await page.getByTestId('evaluation-finalize').isEnabled()).toBe(true);
  });

  it('speaks English when asked', async () => {
    await page.evaluate(() => localStorage.setItem('kaoping.language', 'en'));
    await page.reload();
    const grid = page.getByTestId('ranking-grid');
    await waitForGridRows(grid);
    expect(await page.getByTestId('evaluation-run').textContent()).toBe('Re-evaluate');
    expect(await grid.locator('.ag-header-cell[col-id="sales"]').textContent()).toContain('Sales');
    expect(await page.getByTestId('evaluation-status').textContent()).toContain('Draft');
    await screenshot(page, '46-evaluation-en');
    await page.evaluate(() => localStorage.removeItem('kaoping.language'));
    await page.reload();
    await waitForGridRows(grid);
    expect(await page.getByTestId('evaluation-run').textContent()).toBe('重新考评');
  });

  it("opens a manager's scorecard from the ranking", async () => {
    const grid = page.getByTestId('ranking-grid');
    const first = (await gridRows(grid, ['code']))[0]!.code;
    await grid.locator(`.ag-row[row-id="${first}"] .ag-cell[col-id="name"]`).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/evaluation/${first}?month=${month}`);
    await page.getByTestId('scorecard').waitFor();

    // The chart's bars open scorecards too: the leftmost bar is rank 1.
    await page.evaluate((m) => (window.location.hash = `#/evaluation?month=${m}`), month);
    const chart = page.getByTestId('ranking-chart');
    await chart.locator('canvas').first().waitFor();
    await waitForGridRows(page.getByTestId('ranking-grid'));
    const best = (await gridRows(page.getByTestId('ranking-grid'), ['rank', 'code'])).find((r) => r.rank === '1')!.code;
    const box = (await chart.boundingBox())!;
    // The plot starts after the y-axis labels (≈ 36 px) and ends 8 px from the right; one band per manager.
    const plotLeft = 36;
    const band = (box.width - plotLeft - 8) / (await gridRows(page.getByTestId('ranking-grid'), ['code'])).length;
    await chart.click({ position: { x: plotLeft + band / 2, y: box.height - 50 } });
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/evaluation/${best}?month=${month}`);
    expect(app.errors).toEqual([]);
  });
});
