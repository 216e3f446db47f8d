import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, screenshot, type AppSession } from './support/openApp';
import { startDemoHost } from './support/startDemoHost';
import type { RunningHost } from './support/startHost';

interface StoredFlag {
  type: string;
  message: string;
  text?: { code: string };
}
interface StoredManager {
  code: string;
  flags: StoredFlag[];
}

/**
 * The labels of an evidence row's text or note: each '; '-separated part up to its ': ' (what
 * follows is the row's data, as imported). A Chinese description (类型：上班；结果：外勤) is one label.
 */
function evidenceLabels(said: string): string[] {
  return said.split('; ').map((part) => part.split(': ')[0]!);
}

/**
 * Flags, their evidence and the scoring rules speak the UI's language: English on an English UI,
 * the report's Chinese on a Chinese one; a flag stored before codes (no `text`) still shows its text.
 */
describe('flag and rule texts follow the UI language', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let month = '';
  let manager: StoredManager;
  let legacyMessage = '';

  beforeAll(async () => {
    host = await startDemoHost('english-messages', {
      prepare: (dbPath) => {
        const source = new Database(dbPath, { readonly: true, fileMustExist: true });
        month = (source.prepare('select max(substr(date, 1, 7)) m from orders').get() as { m: string }).m;
        source.close();
        return [['evaluate', '--month', month]];
      },
    });
    // The manager with the most flags; the second of them loses its code, as a flag stored by an older build.
    const db = new Database(host.dbPath, { fileMustExist: true });
    const row = db.prepare('select result_json from evaluations where month = ?').get(month) as { result_json: string };
    const result = JSON.parse(row.result_json) as { managers: StoredManager[] };
    manager = [...result.managers].sort((a, b) => b.flags.length - a.flags.length)[0]!;
    expect(manager.flags.length).toBeGreaterThan(2);
    expect(manager.flags.every((f) => f.text !== undefined)).toBe(true);
    const legacy = manager.flags[1]!;
    delete legacy.text;
    legacyMessage = legacy.message;
    db.prepare('update evaluations set result_json = ? where month = ?').run(JSON.stringify(result), month);
    db.close();
    app = await openApp(`${host.url}#/evaluation/${manager.code}?month=${month}`);
    page = app.page;
    await page.evaluate(() => localStorage.setItem('kaoping.language', 'en'));
    await page.reload();
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('shows the rules in English in the metrics table', async () => {
    const rule = page.getByTestId('metric-row-attendance_rate').locator('td').nth(3);
    await expect.poll(() => rule.textContent()).toMatch(/^(Linear|Vs district|Rank in district)/);
    expect(await page.getByTestId('metric-row-volume').textContent()).not.toMatch(/线性|对比片区|片区内排名|不计分/);
    await screenshot(page, '59-scorecard-en');
  });

  it('shows coded flags in English and a flag without a code as it was stored', async () => {
    await page.getByRole('tab', { name: /^Flags/ }).click();
    const list = page.getByTestId('flag-list');
    await list.waitFor();
    const first = (await page.getByTestId('flag-0').textContent()) ?? '';
    // Words of the sentence and the type's tag are English; names and quoted journal text stay as written.
    expect(first).not.toMatch(/日志|打卡|拜访|零售户|月度|专卖|满意度|否决/);
    expect(first).toMatch(/[a-z]{3,} [a-z]{2,}/);
    expect(await page.getByTestId('flag-1').textContent()).toContain(legacyMessage);
    await screenshot(page, '59-scorecard-flags-en');
    await page.getByTestId('flag-evidence-0').click();
    const drawer = page.getByTestId('evidence-drawer');
    await drawer.waitFor();
    const summary = (await drawer.getByTestId('evidence-flag').first().textContent()) ?? '';
    expect(summary).not.toMatch(/日志|打卡|拜访|零售户|月度|专卖|满意度|否决/);
    // The day without a punch and its punches are described in English; their data (外出, 外勤) stays as imported.
    const rows = drawer.locator('[data-testid="evidence-row"][data-evidence^="calendar#"], [data-testid="evidence-row"][data-evidence^="attendance#"]');
    await rows.first().waitFor();
    const described = await rows.evaluateAll((els) =>
      els.map((el) => ({
        text: el.querySelector('[data-testid="evidence-text"]')?.textContent ?? '',
        note: el.querySelector('[data-testid="evidence-note"]')?.textContent ?? '',
      })),
    );
    expect(described.length).toBeGreaterThan(1);
    expect(described.filter((row) => row.note !== '').length).toBeGreaterThan(0);
    for (const row of described) {
      expect(row.text).toMatch(/^(Work calendar|Not in the work calendar|Punch|Absence record)/);
      expect([...evidenceLabels(row.text), ...evidenceLabels(row.note)].filter((label) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(label)), JSON.stringify(row)).toEqual([]);
    }
    await screenshot(page, '59-scorecard-evidence-en');
    await page.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
  });

  it('speaks the report’s Chinese again on a Chinese UI', async () => {
    await page.evaluate(() => localStorage.removeItem('kaoping.language'));
    await page.reload();
    await page.getByRole('tab', { name: /^异常/ }).click();
    await page.getByTestId('flag-list').waitFor();
    // Filled through i18next with the core's formats: word for word the report's text.
    const stored = manager.flags[0]!.message;
    expect(await page.getByTestId('flag-0').textContent()).toContain(stored);
    expect(app.errors).toEqual([]);
  });
});
