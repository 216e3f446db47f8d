import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseOption } from './support/antdSelect';
import { openApp, screenshot, type AppSession } from './support/openApp';
import './support/provided';
import { startDemoHost } from './support/startDemoHost';
import type { RunningHost } from './support/startHost';

const run = promisify(execFile);

interface StoredPair {
  aId: number;
  bId: number;
  similarity: number;
  kind: 'journals' | 'reports';
  self: boolean;
  aManager: string;
  bManager: string;
}

/** As the near-copy measure sees a text: no whitespace, punctuation or symbols, full width folded. */
const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}]/gu, '');

/**
 * 日志对照 on the demo district's newest month, evaluated with the CLI before the host starts:
 * the evaluation's pairs, both texts with the copied runs marked, keyboard, the address of one
 * pair, a supervisor's comment that reaches the database, and two managers aligned by date.
 */
describe('日志对照', () => {
  let host: RunningHost;
  let app: AppSession;
  let page: Page;
  let db: Database.Database;
  let month: string;
  let stored: StoredPair[];

  beforeAll(async () => {
    const demo = new Database(inject('demoDbPath'), { readonly: true, fileMustExist: true });
    month = (demo.prepare('select max(substr(date, 1, 7)) as m from orders').get() as { m: string }).m;
    demo.close();
    host = await startDemoHost('journals', { prepare: [['evaluate', '--month', month]] });
    db = new Database(host.dbPath, { readonly: true, fileMustExist: true });
    const row = db.prepare('select result_json from evaluations where month = ?').get(month) as { result_json: string };
    stored = (JSON.parse(row.result_json) as { nearCopyPairs: StoredPair[] }).nearCopyPairs;
    app = await openApp(host.url);
    page = app.page;
  });

  afterAll(async () => {
    db?.close();
    await app?.close();
    await host?.stop();
  });

  const goTo = (hash: string) => page.evaluate((h) => (window.location.hash = h), hash);
  const rows = () => page.getByTestId('pair-row');
  const pairView = () => page.getByTestId('pair-view');
  const paneText = (side: 'left' | 'right') => page.getByTestId(`pane-${side}`).getByTestId('entry-text');
  const journalText = (id: number) => (db.prepare('select content from journals where id = ?').get(id) as { content: string }).content;

  it("lists the evaluation's near-copy pairs, most similar first, with 自己/他人, both names and dates", async () => {
    expect(stored.length).toBeGreaterThanOrEqual(3);
    await goTo(`#/journals?month=${month}`);
    await expect.poll(() => rows().count()).toBe(stored.length);
    await expect.poll(() => page.getByTestId('pair-count').textContent()).toBe(`共 ${stored.length} 对（本月 ${stored.length} 对）`);
    const shown = await rows().evaluateAll((els) => els.map((el) => ({ kind: el.getAttribute('data-kind'), a: Number(el.getAttribute('data-a')), b: Number(el.getAttribute('data-b')), text: el.textContent ?? '' })));
    const expected = [...stored].sort((x, y) => y.similarity - x.similarity);
    expect(shown.map((s) => `${s.kind}:${s.a}:${s.b}`).sort()).toEqual(stored.map((p) => `${p.kind}:${p.aId}:${p.bId}`).sort());
    const percents = shown.map((s) => Number(/([\d.]+)%/.exec(s.text)?.[1]));
    expect(percents).toEqual(expected.map((p) => Number((p.similarity * 100).toFixed(1))));
    const names = new Map((db.prepare('select code, name from managers').all() as { code: string; name: string }[]).map((m) => [m.code, m.name]));
    for (const s of shown) {
      const p = stored.find((x) => x.kind === s.kind && x.aId === s.a && x.bId === s.b);
      if (!p) throw new Error('pair not stored');
      expect(s.text).toContain(p.self ? '自己' : '他人');
      expect(s.text).toContain(names.get(p.aManager));
      expect(s.text).toContain(names.get(p.bManager));
      if (p.kind === 'journals') {
        const date = (db.prepare('select date from journals where id = ?').get(p.aId) as { date: string }).date;
        expect(s.text).toContain(date.slice(5));
      }
    }
  });

  it('shows the selected pair side by side with the shared runs marked in both texts', async () => {
    const first = rows().first();
    await first.click();
    await expect.poll(() => first.getAttribute('data-selected')).toBe('true');
    const a = Number(await first.getAttribute('data-a'));
    const b = Number(await first.getAttribute('data-b'));
    await expect.poll(() => pairView().getAttribute('data-a')).toBe(String(a));
    await expect.poll(() => page.getByTestId('pane-left').locator('mark[data-copied]').count()).toBeGreaterThan(0);
    const kind = (await first.getAttribute('data-kind')) as 'journals' | 'reports';
    const texts = kind === 'journals' ? [journalText(a), journalText(b)] : (db.prepare('select body from reports where id in (?, ?)').all(a, b) as { body: string }[]).map((r) => r.body);
    const shownTexts = [await paneText('left').textContent(), await paneText('right').textContent()];
    expect(new Set(shownTexts)).toEqual(new Set(texts));
    let longest = 0;
    for (const side of ['left', 'right'] as const) {
      const marks = await page.getByTestId(`pane-${side}`).locator('mark[data-copied]').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      const background = await page.getByTestId(`pane-${side}`).locator('mark[data-copied]').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe('rgb(255, 229, 143)');
      for (const mark of marks) {
        // Each marked run is really in both texts (as the measure reads them).
        for (const text of texts) expect(fold(text)).toContain(fold(mark));
        longest = Math.max(longest, fold(mark).length);
      }
    }
    expect(longest).toBeGreaterThanOrEqual(20);
    await expect.poll(() => page.getByTestId('pair-view-similarity').textContent()).toMatch(/^相似度 \d+\.\d%$/);
    await screenshot(page, '60-journals-pair');
  });

  it('moves to the next and previous pair with ↓/↑, and switches the outlined pane with ←/→', async () => {
    const second = rows().nth(1);
    const a = await second.getAttribute('data-a');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => second.getAttribute('data-selected')).toBe('true');
    await expect.poll(() => pairView().getAttribute('data-a')).toBe(a);
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain(`a=${a}`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('pane-right').getAttribute('data-focused')).toBe('true');
    expect(await page.getByTestId('pane-left').getAttribute('data-focused')).toBe('false');
    await screenshot(page, '61-journals-next-pair');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('pane-left').getAttribute('data-focused')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => rows().first().getAttribute('data-selected')).toBe('true');
  });

  it('opens one pair from its address, and filters the list to 他人 / 月度报告', async () => {
    const last = [...stored].sort((x, y) => x.similarity - y.similarity)[0];
    if (!last) throw new Error('no pairs');
    await goTo(`#/journals?month=${month}&kind=${last.kind}&a=${last.aId}&b=${last.bId}`);
    await expect.poll(() => pairView().getAttribute('data-a')).toBe(String(last.aId));
    await expect.poll(() => page.locator('[data-testid="pair-row"][data-selected="true"]').getAttribute('data-b')).toBe(String(last.bId));

    await page.getByTestId('filter-relation').getByText('他人').click();
    await expect.poll(() => rows().count()).toBe(stored.filter((p) => !p.self).length);
    await page.getByTestId('filter-relation').getByText('全部').click();
    await page.getByTestId('filter-kind').getByText('月度报告').click();
    await expect.poll(() => rows().count()).toBe(stored.filter((p) => p.kind === 'reports').length);
    await page.getByTestId('filter-kind').getByText('全部').click();
    await expect.poll(() => rows().count()).toBe(stored.length);
  });

  it("saves a supervisor's comment on an entry, shows it with who and when, and stores it", async () => {
    const cross = stored.find((p) => p.kind === 'journals' && !p.self);
    if (!cross) throw new Error('no cross pair');
    await goTo(`#/journals?month=${month}&kind=journals&a=${cross.aId}&b=${cross.bId}`);
    await expect.poll(() => pairView().getAttribute('data-a')).toBe(String(cross.aId));
    const pane = page.getByTestId('pane-right');
    await pane.getByTestId('comment-button').click();
    await pane.getByTestId('comment-input').fill('与他人日志几乎相同，已约谈。');
    // Arrow keys typed in the comment stay in the comment.
    await page.keyboard.press('ArrowDown');
    await pane.getByTestId('comment-save').click();
    await expect.poll(() => pane.getByTestId('comment-text').textContent()).toContain('与他人日志几乎相同，已约谈。');
    expect(await pairView().getAttribute('data-a')).toBe(String(cross.aId));
    const entryId = Number(await pane.getByTestId('entry').getAttribute('data-entry-id'));
    const row = db.prepare("select text, updated_by from entry_comments where kind = 'journals' and entry_id = ?").get(entryId) as { text: string; updated_by: string } | undefined;
    expect(row?.text).toBe('与他人日志几乎相同，已约谈。');
    expect(await pane.getByTestId('comment-text').textContent()).toContain(row?.updated_by);
    await expect.poll(() => pane.getByTestId('comment-button').textContent()).toBe('修改批注');
    await screenshot(page, '62-journals-comment');
  });

  it('aligns two managers by date, and one manager on two days with the copy marked', async () => {
    await page.getByTestId('compare-mode').getByText('两人对照').click();
    const cross = stored.find((p) => p.kind === 'journals' && !p.self);
    if (!cross) throw new Error('no cross pair');
    const nameOf = (code: string) => (db.prepare('select name from managers where code = ?').get(code) as { name: string }).name;
    await chooseOption(page.getByTestId('manager-left'), nameOf(cross.aManager));
    await chooseOption(page.getByTestId('manager-right'), nameOf(cross.bManager));
    const datesOf = (code: string) =>
      (
        db
          .prepare('select distinct j.date from journals j join managers m on m.id = j.manager_id where m.code = ? and substr(j.date, 1, 7) = ?')
          .all(code, month) as { date: string }[]
      ).map((r) => r.date);
    const expectedDates = [...new Set([...datesOf(cross.aManager), ...datesOf(cross.bManager)])].sort();
    const dateRows = page.getByTestId('date-row');
    await expect.poll(async () => (await dateRows.evaluateAll((els) => els.map((el) => el.getAttribute('data-date')))).join(',')).toBe(expectedDates.join(','));
    // Every entry sits in the row of its own date, on its own manager's side.
    const misplaced = await dateRows.evaluateAll((els) =>
      els.flatMap((row) =>
        [...row.querySelectorAll('[data-testid="entry"]')].filter((e) => e.getAttribute('data-date') !== row.getAttribute('data-date')).map((e) => e.getAttribute('data-entry-id')),
      ),
    );
    expect(misplaced).toEqual([]);
    await expect.poll(() => dateRows.first().getByTestId('row-left').getByTestId('entry').count()).toBeGreaterThan(0);
    await screenshot(page, '63-journals-two-managers');
    // ↑/↓ walk the dates (once the manager pickers have let go of the keys).
    await page.getByTestId('aligned-summary').click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => dateRows.nth(1).getAttribute('data-current')).toBe('true');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => dateRows.nth(0).getAttribute('data-current')).toBe('true');
    expect(await dateRows.nth(1).getAttribute('data-current')).toBe('false');

    // The copied entry and its source, each side one day: one row, the copy found and marked.
    const dateOf = (id: number) => (db.prepare('select date from journals where id = ?').get(id) as { date: string }).date;
    for (const [side, id] of [['left', cross.aId], ['right', cross.bId]] as const) {
      const picker = page.getByTestId(`day-${side}`);
      await picker.click();
      await page.keyboard.type(dateOf(id));
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => dateRows.count()).toBe(1);
    const copied = page.locator(`[data-testid="row-right"] [data-entry-id="${cross.bId}"]`);
    await expect.poll(() => copied.getByTestId('best-match').textContent()).toMatch(/^与对面最相近 (8|9|10)\d?\.\d%$/);
    await expect.poll(() => copied.locator('mark[data-copied]').count()).toBeGreaterThan(0);
    await screenshot(page, '64-journals-two-days');
  });

  it("compares a manager's monthly report with last month's", async () => {
    const reportPair = stored.find((p) => p.kind === 'reports');
    await page.getByTestId('compare-mode').getByText('月报对比').click();
    if (reportPair) {
      const name = (db.prepare('select name from managers where code = ?').get(reportPair.aManager) as { name: string }).name;
      await chooseOption(page.getByTestId('report-manager'), name);
      await expect.poll(() => page.getByTestId('report-similarity').textContent()).toMatch(/^相似度 9\d\.\d%$/);
      await expect.poll(() => page.getByTestId('pane-right').locator('mark[data-copied]').count()).toBeGreaterThan(0);
    }
    await expect.poll(() => page.getByTestId('pane-left').getByTestId('entry').count()).toBe(1);
    await screenshot(page, '65-journals-reports');
    // The way of comparing is in the address: a reload comes back to it.
    await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('mode=reports');
    await page.reload();
    await expect.poll(() => page.getByTestId('journals-page').getAttribute('data-mode')).toBe('reports');
  });

  it('says a month without evaluation has no pairs yet, and leads to 考评', async () => {
    const previous = (db.prepare('select min(substr(date, 1, 7)) as m from journals').get() as { m: string }).m;
    expect(previous < month).toBe(true);
    await page.getByTestId('compare-mode').getByText('雷同对').click();
    await goTo(`#/journals?month=${previous}`);
    const empty = page.getByTestId('pairs-not-evaluated');
    await expect.poll(() => empty.textContent()).toContain('还没有考评');
    await screenshot(page, '66-journals-not-evaluated');
    await empty.getByRole('button', { name: '去考评' }).click();
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#\/evaluation/);
    expect(app.errors).toEqual([]);
  });

  it('takes no comments once the month is finalized, and keeps showing the ones made before', async () => {
    await run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'finalize', '--db', host.dbPath, '--month', month], { cwd: process.cwd() });
    const cross = stored.find((p) => p.kind === 'journals' && !p.self);
    if (!cross) throw new Error('no cross pair');
    await goTo(`#/journals?month=${month}&kind=journals&a=${cross.aId}&b=${cross.bId}`);
    await page.reload();
    const pane = page.getByTestId('pane-right');
    await expect.poll(() => pane.getByTestId('comment-text').textContent()).toContain('与他人日志几乎相同，已约谈。');
    await expect.poll(() => pane.getByTestId('comment-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('pane-left').getByTestId('comment-button').isDisabled()).toBe(true);
    await pane.getByTestId('comment-locked').hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('该月已定稿，不能再批注');
    await screenshot(page, '67-journals-finalized');
    expect(app.errors).toEqual([]);
  });
});
