import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/backend/db/openStore';
import { saveScheme } from '../../src/backend/services/settings/saveScheme';
import { DEFAULT_SCHEME } from '../../src/core/scoring/defaultScheme';
import { openApp, screenshot, type AppSession } from './support/openApp';
import { pageApiCall } from './support/pageApiCall';
import type { RunningHost } from './support/startHost';
import { startDemoHost } from './support/startDemoHost';

/**
 * 手工评分 on the scorecard: a scheme whose 了解市场 is scored by hand shows 待评分, 定稿 is
 * refused with the list, a score with a reason makes the month 需重新考评 until it runs again.
 */
describe('manual scores', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let month = '';
  let code = '';

  const apiCall = (name: string, arg: unknown) => pageApiCall(page, name, arg);

  beforeAll(async () => {
    host = await startDemoHost('manual', {
      prepare: async (dbPath) => {
        const source = new Database(dbPath, { readonly: true, fileMustExist: true });
        month = (source.prepare('select max(substr(date, 1, 7)) m from orders').get() as { m: string }).m;
        code = (source.prepare('select code from managers order by code limit 1').get() as { code: string }).code;
        source.close();
        const store = await openStore(dbPath, { backupBeforeMigrate: false });
        const scheme = { ...DEFAULT_SCHEME, name: '手工了解市场', metrics: { ...DEFAULT_SCHEME.metrics, knowledge: [{ metric: 'knowledge_score' as const, weight: 1, rule: { type: 'manual' as const } }] } };
        await saveScheme(store.db, scheme, '张明', new Date());
        await store.close();
        return [['evaluate', '--month', month, '--scheme', '手工了解市场']];
      },
    });
    app = await openApp(`${host.url}#/evaluation/${code}?month=${month}`);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    await host?.stop();
  });

  it('shows 待评分, and 定稿 is refused with who and what is missing', async () => {
    await page.getByTestId('pending-knowledge_score').waitFor();
    expect(await page.getByTestId('pending-knowledge_score').textContent()).toBe('待评分');
    expect(await page.getByTestId('pending-banner').textContent()).toContain('待评分：市场了解抽查得分');
    await page.getByTestId('pending-knowledge_score').scrollIntoViewIfNeeded();
    await screenshot(page, '58-scorecard-pending-manual');
    const refused = await apiCall('evaluation.finalize', { month });
    expect(refused.error?.code).toBe('unscored');
    expect(refused.error?.message).toContain(`（${code}）：市场了解抽查得分`);
  });

  it('takes a score with a reason; the month is then 需重新考评 on the scorecard', async () => {
    await page.getByTestId('manual-knowledge_score').click();
    const modal = page.getByTestId('manual-modal');
    await modal.waitFor();
    await modal.locator('input.ant-input-number-input').fill('85');
    await page.getByTestId('manual-save').click();
    await expect.poll(() => page.getByText('必须填写调整原因').count()).toBeGreaterThan(0);
    await modal.getByTestId('manual-reason').fill('抽查五题答对四题');
    await page.getByTestId('manual-save').click();
    await page.getByTestId('stale-banner').waitFor();
    expect(await page.getByTestId('stale-reason').first().textContent()).toContain(`录入了 ${code} 的手工评分`);
    await page.getByTestId('tab-audit').click();
    await page.getByTestId('audit-row').filter({ hasText: '抽查五题答对四题' }).waitFor();
    await screenshot(page, '59-scorecard-manual-stale');
    expect(app.errors).toEqual([]);
  });
});
