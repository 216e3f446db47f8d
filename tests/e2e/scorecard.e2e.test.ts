import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAG_METRIC, type FlagType } from '../../src/core/measures/dimensions';
import { runCli } from '../helpers/runCli';
import { openApp, screenshot, type AppSession } from './support/openApp';
import type { RunningHost } from './support/startHost';
import { startDemoHost } from './support/startDemoHost';

interface StoredFlag {
  type: string;
  evidence: { kind: string; id: number }[];
  pairs?: { aId: number; bId: number }[];
}
interface StoredManager {
  code: string;
  name: string;
  flags: StoredFlag[];
  dimensions: Record<string, { score: number | null; metrics: Record<string, number | null> }>;
}

/**
 * A supervisor checks one flagged manager of the demo's newest month: the scorecard with its
 * radar and metrics, a flag's evidence (punches on the map and timeline, copied journals by
 * their text), the attendance calendar, an adjustment (a reason is mandatory), and the month
 * once finalized.
 */
describe('scorecard', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let db: Database.Database;
  let month = '';
  let manager: StoredManager;

  beforeAll(async () => {
    host = await startDemoHost('scorecard', {
      prepare: (dbPath) => {
        const source = new Database(dbPath, { readonly: true, fileMustExist: true });
        month = (source.prepare('select max(substr(date, 1, 7)) m from orders').get() as { m: string }).m;
        source.close();
        return [['evaluate', '--month', month]];
      },
    });
    db = new Database(host.dbPath, { readonly: true, fileMustExist: true });
    const stored = JSON.parse((db.prepare('select result_json from evaluations where month = ?').get(month) as { result_json: string }).result_json) as {
      managers: StoredManager[];
    };
    // The manager with the most flags among those with a punch flag (so the map has points) and a copied journal.
    const candidates = stored.managers.filter(
      (m) => m.flags.some((f) => f.type.startsWith('attendance.') && f.evidence.some((e) => e.kind === 'attendance')) && m.flags.some((f) => f.type === 'records.self_copy' || f.type === 'records.cross_copy'),
    );
    expect(candidates.length).toBeGreaterThan(0);
    manager = candidates.sort((a, b) => b.flags.length - a.flags.length)[0]!;
    app = await openApp(`${host.url}#/evaluation/${manager.code}?month=${month}`);
    page = app.page;
  });

  afterAll(async () => {
    db?.close();
    await app?.close();
    await host?.stop();
  });

  const flagIndex = (predicate: (f: StoredFlag) => boolean) => manager.flags.findIndex(predicate);
  const drawer = () => page.getByTestId('evidence-drawer');
  const closeDrawer = async () => {
    await page.locator('.ant-drawer-close').click();
    await drawer().waitFor({ state: 'detached' });
  };
  const adjustmentCount = () => (db.prepare('select count(*) n from adjustments where month = ?').get(month) as { n: number }).n;

  it('shows the manager, the radar against the district and every metric', async () => {
    await expect.poll(() => page.getByTestId('scorecard-name').textContent()).toContain(manager.name);
    await expect.poll(() => page.getByTestId('scorecard-rank').textContent()).toMatch(/^\d+ \/ \d+$/);
    await page.getByTestId('scorecard-radar').locator('canvas').waitFor();
    const metricCount = Object.values(manager.dimensions).reduce((n, d) => n + Object.keys(d.metrics).length, 0);
    await expect.poll(() => page.locator('[data-testid^="metric-row-"]').count()).toBe(metricCount);
    const rate = manager.dimensions.attendance!.metrics.attendance_rate!;
    await expect.poll(() => page.getByTestId('metric-value-attendance_rate').textContent()).toBe(`${(rate * 100).toFixed(1)}%`);
    const records = manager.dimensions.records!.score!;
    await expect.poll(() => page.getByTestId('dimension-score-records').textContent()).toBe(records.toFixed(1));
    await screenshot(page, '50-scorecard');
  });

  it('opens a metric’s evidence: the flags about that metric only', async () => {
    // The metric of the manager's most frequent flag that is about a metric (FLAG_METRIC).
    const about = manager.flags.map((f) => FLAG_METRIC[f.type as FlagType]).filter((m): m is NonNullable<typeof m> => m !== undefined);
    expect(about.length, 'the manager has a flag about a metric').toBeGreaterThan(0);
    const metric = about.sort((a, b) => about.filter((x) => x === b).length - about.filter((x) => x === a).length)[0]!;
    const metricFlags = manager.flags.filter((f) => FLAG_METRIC[f.type as FlagType] === metric);
    await page.getByTestId(`metric-row-${metric}`).click();
    await drawer().waitFor();
    await expect.poll(() => drawer().getByTestId('evidence-flag').count()).toBe(metricFlags.length);
    const refs = new Set(metricFlags.flatMap((f) => f.evidence.map((e) => `${e.kind}#${e.id}`)));
    await expect.poll(() => drawer().getByTestId('evidence-row').count()).toBe(refs.size);
    if (metric === 'attendance_rate') {
      // Each absence points at its day on the calendar: 当天打卡：无.
      await expect.poll(() => drawer().locator('[data-evidence^="calendar#"]').first().textContent()).toContain('当天打卡：无');
    }
    await screenshot(page, '51-scorecard-metric-evidence');
    await closeDrawer();
  });

  it('opens a punch flag’s evidence: the rows the flag names, on the map and the timeline', async () => {
    await page.getByTestId('tab-flags').click();
    const index = flagIndex((f) => f.type.startsWith('attendance.') && f.evidence.some((e) => e.kind === 'attendance'));
    const flag = manager.flags[index]!;
    await page.getByTestId(`flag-evidence-${index}`).click();
    await drawer().waitFor();
    await expect.poll(() => drawer().getByTestId('evidence-row').count()).toBe(new Set(flag.evidence.map((e) => `${e.kind}#${e.id}`)).size);
    const shown = await drawer().getByTestId('evidence-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-evidence')));
    expect(new Set(shown)).toEqual(new Set(flag.evidence.map((e) => `${e.kind}#${e.id}`)));
    for (const ref of flag.evidence.filter((e) => e.kind === 'attendance')) {
      const row = db.prepare('select date, at, address from attendance where id = ?').get(ref.id) as { date: string; at: string | null; address: string | null } | undefined;
      expect(row, `attendance #${ref.id}`).toBeDefined();
      const text = await drawer().locator(`[data-evidence="attendance#${ref.id}"]`).textContent();
      expect(text).toContain(row!.date);
      if (row!.at) expect(text).toContain(row!.at.slice(11, 19));
    }
    await drawer().getByTestId('evidence-map').locator('canvas').waitFor();
    await drawer().getByTestId('evidence-timeline').locator('canvas').waitFor();
    await screenshot(page, '52-scorecard-evidence-punches');
    await closeDrawer();
  });

  it('shows a copied journal’s evidence by its text, and offers 日志对照', async () => {
    const index = flagIndex((f) => (f.type === 'records.self_copy' || f.type === 'records.cross_copy') && (f.pairs?.length ?? 0) > 0);
    const flag = manager.flags[index]!;
    await page.getByTestId(`flag-evidence-${index}`).click();
    await drawer().waitFor();
    const journals = flag.evidence.filter((e) => e.kind === 'journals');
    await expect.poll(() => drawer().locator('[data-evidence^="journals#"]').count()).toBe(new Set(journals.map((e) => e.id)).size);
    for (const ref of journals) {
      const { content } = db.prepare('select content from journals where id = ?').get(ref.id) as { content: string };
      expect((await drawer().locator(`[data-evidence="journals#${ref.id}"]`).getByTestId('evidence-text').textContent())?.trim()).toBe(content.trim());
    }
    await screenshot(page, '53-scorecard-evidence-journals');
    const pair = flag.pairs![0]!;
    await drawer().getByTestId('evidence-compare').first().click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/journals?month=${month}&kind=journals&a=${pair.aId}&b=${pair.bId}`);
    await page.goBack();
    await page.getByTestId('scorecard-radar').waitFor();
  });

  it('draws the attendance calendar with every punch of the month', async () => {
    await page.getByTestId('tab-attendance').click();
    await page.getByTestId('attendance-calendar').locator('canvas').waitFor();
    const code = manager.code;
    const { n } = db
      .prepare(
        `select count(*) n from attendance a join managers m on m.id = a.manager_id
         where m.code = ? and a.date like ? and a.is_absence = 0 and a.at is not null`,
      )
      .get(code, `${month}-%`) as { n: number };
    await expect.poll(() => page.getByTestId('attendance-summary').textContent()).toContain(`共 ${n} 次打卡`);
    await page.getByTestId('attendance-calendar').scrollIntoViewIfNeeded();
    await screenshot(page, '54-scorecard-attendance');
  });

  it('refuses an adjustment without a reason, and stores nothing', async () => {
    await page.getByTestId('adjust-records').click();
    const modal = page.getByTestId('adjust-modal');
    await modal.waitFor();
    await modal.locator('input.ant-input-number-input').fill('50');
    await page.getByTestId('adjust-save').click();
    await page.getByText('必须填写调整原因').waitFor();
    await modal.getByTestId('adjust-reason').fill('   ');
    await page.getByTestId('adjust-save').click();
    await page.getByText('必须填写调整原因').waitFor();
    await screenshot(page, '55-scorecard-adjust-no-reason');
    expect(adjustmentCount()).toBe(0);
  });

  // Needs 'evaluation.adjust' (evaluationHandlers.ts, another branch): skipped while it is still a stub.
  it('adjusts with a reason: the score shows as adjusted and the audit trail lists it', async (ctx) => {
    const modal = page.getByTestId('adjust-modal');
    await modal.getByTestId('adjust-reason').fill('日志照抄属实，按规定扣分');
    await page.getByTestId('adjust-save').click();
    await expect.poll(async () => (await modal.isVisible()) === false || (await page.getByTestId('adjust-error').isVisible())).toBe(true);
    if (await page.getByTestId('adjust-error').isVisible()) {
      const refusal = (await page.getByTestId('adjust-error').textContent()) ?? '';
      if (refusal.includes('尚未完成')) {
        await page.getByRole('button', { name: /取\s*消/ }).click();
        ctx.skip(true, 'evaluation.adjust is still a stub on this branch: run after merging the evaluation handlers');
      }
      throw new Error(`adjustment refused: ${refusal}`);
    }
    await page.getByTestId('dimension-adjusted-records').waitFor();
    await expect.poll(() => page.getByTestId('dimension-score-records').textContent()).toContain('50.0');
    expect(adjustmentCount()).toBe(1);
    await page.getByTestId('tab-audit').click();
    const row = page.getByTestId('audit-row').filter({ hasText: '日志照抄属实，按规定扣分' });
    await row.waitFor();
    expect(await row.textContent()).toContain('50.0');
    await screenshot(page, '56-scorecard-adjusted');
  });

  it('once the month is finalized, disables 调整 with an explanation and lists the 定稿', async () => {
    const run = await runCli(['finalize', '--db', host.dbPath, '--month', month]);
    expect(run.code, run.stderr).toBe(0);
    await page.reload();
    await page.getByTestId('scorecard-final').waitFor();
    await expect.poll(() => page.getByTestId('scorecard-status').textContent()).toBe('已定稿');
    expect(await page.getByTestId('adjust-records').isDisabled()).toBe(true);
    await page.getByTestId('adjust-records').hover({ force: true });
    await page.getByText('本月已定稿，分数不能调整').waitFor();
    await page.getByTestId('tab-month-history').click();
    await page.getByTestId('month-history-row').filter({ hasText: '定稿' }).waitFor();
    await screenshot(page, '57-scorecard-final');
  });

  it('goes back to the ranking; names a veto; says when the month is not evaluated; no page errors', async () => {
    await page.getByTestId('scorecard-back').click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toBe(`#/evaluation?month=${month}`);

    const stored = JSON.parse((db.prepare('select result_json from evaluations where month = ?').get(month) as { result_json: string }).result_json) as {
      managers: (StoredManager & { veto: { reason: string } | null })[];
    };
    const vetoed = stored.managers.find((m) => m.veto !== null);
    if (vetoed) {
      await page.evaluate((h) => (window.location.hash = h), `#/evaluation/${vetoed.code}?month=${month}`);
      await expect.poll(() => page.getByTestId('scorecard-veto').textContent()).toContain(vetoed.veto!.reason);
      await expect.poll(() => page.getByTestId('scorecard-grade').textContent()).toBe('不合格');
      await screenshot(page, '58-scorecard-veto');
    }

    const older = (db.prepare('select min(substr(date, 1, 7)) m from orders').get() as { m: string }).m;
    expect(older < month).toBe(true);
    await page.evaluate((h) => (window.location.hash = h), `#/evaluation/${manager.code}?month=${older}`);
    await expect.poll(() => page.getByTestId('scorecard-not-evaluated').textContent()).toBe(`${older} 还没有考评结果`);
    expect(app.errors).toEqual([]);
  });
});
