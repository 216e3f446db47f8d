import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStoreAt } from '../../src/backend/db/openStoreAt';
import { addAccount } from '../../src/backend/services/accounts/manageAccounts';
import { importFiles } from '../../src/backend/services/import/importFiles';
import { findPostgresBinDir, startPostgresCluster, type PostgresCluster } from '../helpers/postgresCluster';
import { freshPostgresDatabase } from '../helpers/postgresTestDatabase';
import { writeCsv, type SheetCell } from '../helpers/writeSheets';
import { screenshot } from './support/openApp';
import { pageApiCall } from './support/pageApiCall';
import './support/provided';

/**
 * A city server on PostgreSQL (`kaoping serve --db postgres://… --login`) with two districts
 * (城东, 城西) and three people at three PCs side by side: the supervisor of each district and a
 * city reviewer. What each sees: a supervisor only their district (another district's journal
 * is refused by id), the reviewer every district and no write button that works.
 * Needs the PostgreSQL server binaries (Debian's postgresql); skipped, saying so, without them.
 */
const CHEAP = { N: 1024, r: 8, p: 1 };
const MONTH = '2026-10';
const EAST = '城东营销部';
const WEST = '城西营销部';
const binDir = findPostgresBinDir();
let cluster: PostgresCluster | undefined;
let child: ChildProcess;
let url: string;
let browser: Browser;
const contexts: BrowserContext[] = [];
let eastJournalId = 0;

/** A district's roster, shops and two weeks of journals, as CSV files. */
function districtFiles(dir: string, name: string, prefix: string, licenceBase: number): string[] {
  const folder = path.join(dir, prefix);
  fs.mkdirSync(folder, { recursive: true });
  const codes = [`${prefix}001`, `${prefix}002`, `${prefix}003`];
  const roster = writeCsv(path.join(folder, '花名册.csv'), [['工号', '姓名', '营销部', '服务线路', '状态'], ...codes.map((c, i) => [c, `${name.slice(0, 2)}经理${i + 1}`, name, `L${i + 1}`, '在岗'])], 'utf8-bom');
  const retailers = writeCsv(path.join(folder, '零售客户.csv'), [
    ['许可证号', '客户名称', '经度', '纬度', '档位', '送货线路', '客户经理工号', '状态'],
    ...codes.map((c, i) => [String(licenceBase + i), `${name.slice(0, 2)}便利店${i + 1}`, 117.02 + i / 100, 36.6 + i / 100, 10 + i, `L${i + 1}`, c, '正常']),
  ], 'utf8-bom');
  const rows: SheetCell[][] = [['日期', '工号', '姓名', '许可证号', '日志内容']];
  ['08', '09', '12', '13', '14', '15'].forEach((d, n) =>
    codes.forEach((c, i) => rows.push([`${MONTH}-${d}`, c, `${name.slice(0, 2)}经理${i + 1}`, String(licenceBase + i), `${name}第${n + 1}次走访${name.slice(0, 2)}便利店${i + 1}，核对库存${n * 3 + i + 5}条，记录陈列与价签情况。`])),
  );
  const journals = writeCsv(path.join(folder, '工作日志.csv'), rows, 'utf8-bom');
  return [roster, retailers, journals];
}

async function newPc(): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(url);
  return { page, errors };
}

async function logIn(page: Page, name: string, password: string, badge: string): Promise<void> {
  await page.getByTestId('login-page').waitFor();
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect.poll(() => page.getByTestId('account-badge').textContent()).toBe(badge);
}

describe.skipIf(!binDir)(`a city server on PostgreSQL, three PCs side by side${binDir ? '' : ' (skipped: the PostgreSQL server is not installed)'}`, () => {
  beforeAll(async () => {
    cluster = await startPostgresCluster(binDir as string);
    const dbUrl = await freshPostgresDatabase(cluster.url);
    const dir = path.join(inject('runDir'), 'city-postgres');
    fs.mkdirSync(dir, { recursive: true });
    const store = await openStoreAt(dbUrl);
    try {
      const actor = { who: 'e2e', now: new Date() };
      await addAccount(store.db, { name: 'guan', role: 'admin', password: 'guan-pass-1' }, actor, CHEAP);
      await addAccount(store.db, { name: 'dong', role: 'supervisor', district: EAST, password: 'dong-pass-1' }, actor, CHEAP);
      await addAccount(store.db, { name: 'xi', role: 'supervisor', district: WEST, password: 'xi-pass-1' }, actor, CHEAP);
      await addAccount(store.db, { name: 'shen', role: 'reviewer', password: 'shen-pass-1' }, actor, CHEAP);
      const now = new Date('2026-11-05T02:00:00Z');
      for (const [name, prefix, base] of [[EAST, 'DA', 370903880001], [WEST, 'DB', 370903770001]] as const) {
        const reports = await importFiles(store, districtFiles(dir, name, prefix, base), { now, district: name });
        expect(reports.map((r) => r.status)).toEqual(['imported', 'imported', 'imported']);
      }
      eastJournalId = (
        await store.db.selectFrom('journals').innerJoin('managers', 'managers.id', 'journals.manager_id').select('journals.id').where('managers.code', '=', 'DA001').orderBy('journals.id').executeTakeFirstOrThrow()
      ).id;
    } finally {
      await store.close();
    }
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', dbUrl, '--port', '0', '--login'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', (line) => resolve(line.trim()));
      child.once('exit', (code) => reject(new Error(`kaoping serve exited with ${code}\n${stderr}`)));
    });
    browser = await chromium.connect(inject('browserWsEndpoint'));
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    cluster?.stop();
  });

  it('the supervisor of 城东 evaluates their month and has the write buttons', async () => {
    const { page, errors } = await newPc();
    await logIn(page, 'dong', 'dong-pass-1', `dong（考核人 · ${EAST}）`);
    expect(await pageApiCall(page, 'evaluation.run', { month: MONTH, jobId: 'e2e-east-run' })).toMatchObject({ ok: true });
    await page.goto(`${url}#/evaluation`);
    await page.getByTestId('evaluation-status').waitFor();
    expect(await page.getByTestId('evaluation-run').isEnabled()).toBe(true);
    expect(await page.getByTestId('evaluation-finalize').isEnabled()).toBe(true);
    expect(await page.getByTestId('read-only-action').count()).toBe(0);
    await expect.poll(() => page.locator('.ag-cell[col-id="code"]').count()).toBeGreaterThan(0);
    const codes = await page.locator('.ag-cell[col-id="code"]').allTextContents();
    expect(codes.every((c) => c.startsWith('DA'))).toBe(true);
    await screenshot(page, 'pg-city-01-east-supervisor-evaluation');
    expect(errors).toEqual([]);
  });

  it('beside it, the supervisor of 城西 cannot read 城东’s journal by id, and sees only 城西’s journals', async () => {
    const { page, errors } = await newPc();
    await logIn(page, 'xi', 'xi-pass-1', `xi（考核人 · ${WEST}）`);
    const byId = await pageApiCall(page, 'journals.byIds', { kind: 'journals', ids: [eastJournalId] });
    expect(byId).toMatchObject({ ok: false, error: { code: 'other_district' } });
    expect(await pageApiCall(page, 'data.detail', { kind: 'journals', id: eastJournalId, month: MONTH })).toMatchObject({ ok: false, error: { code: 'other_district' } });
    expect(await pageApiCall(page, 'journals.entries', { kind: 'journals', managerCode: 'DA001', month: MONTH })).toMatchObject({ ok: false, error: { code: 'other_district' } });
    expect(await pageApiCall(page, 'evaluation.evidence', { refs: [{ kind: 'journals', id: eastJournalId }] })).toEqual({ ok: true, data: [] });
    // Their own district's entries read as before.
    const own = (await pageApiCall(page, 'journals.entries', { kind: 'journals', managerCode: 'DB001', month: MONTH })) as { ok: boolean; data?: unknown[] };
    expect(own.ok && (own.data?.length ?? 0) > 0).toBe(true);
    await page.goto(`${url}#/data/journals`);
    await page.getByTestId('grid-journals').locator('.ag-row').first().waitFor();
    // The grid's rows arrive after their placeholders: wait for 城西's text, then look for 城东's.
    const rowsText = () => page.getByTestId('grid-journals').locator('.ag-row').allTextContents().then((t) => t.join('|'));
    await expect.poll(rowsText).toContain('城西经理1');
    expect(await rowsText()).not.toContain('城东');
    await screenshot(page, 'pg-city-02-west-supervisor-journals');
    // The first PC is still in, on its own district.
    const first = contexts[0]!.pages()[0]!;
    expect(await first.getByTestId('account-badge').textContent()).toBe(`dong（考核人 · ${EAST}）`);
    expect(errors).toEqual([]);
  });

  it('a reviewer at a third PC reads 城东’s month and is offered no working write button', async () => {
    const { page, errors } = await newPc();
    await logIn(page, 'shen', 'shen-pass-1', 'shen（审阅人）');
    await page.goto(`${url}#/evaluation`);
    await page.getByTestId('evaluation-needs-district').waitFor();
    await page.getByTestId('evaluation-district').click();
    await page.locator(`.ant-select-item-option[title="${EAST}"]`).click();
    await page.getByTestId('evaluation-status').waitFor();
    for (const id of ['evaluation-run', 'evaluation-finalize', 'evaluation-reopen']) expect([id, await page.getByTestId(id).isDisabled()]).toEqual([id, true]);
    expect(await page.getByTestId('read-only-action').count()).toBeGreaterThanOrEqual(3);
    await page.getByTestId('read-only-action').first().hover();
    await page.locator('.ant-tooltip', { hasText: '只读（审阅人）' }).first().waitFor();
    await screenshot(page, 'pg-city-03-reviewer-evaluation');
    // A manager's scorecard (the manager's own district): no adjustment, no manual score.
    await page.goto(`${url}#/evaluation/DA001?month=${MONTH}`);
    await page.getByTestId('scorecard').waitFor();
    await page.getByTestId('adjust-records').waitFor();
    expect(await page.getByTestId('adjust-records').isDisabled()).toBe(true);
    await screenshot(page, 'pg-city-03b-reviewer-scorecard');
    await page.goto(`${url}#/import`);
    await expect.poll(() => page.getByTestId('import-read-only').textContent()).toContain('只读（审阅人）');
    expect(await page.locator('.ant-upload-disabled').count()).toBeGreaterThan(0);
    await screenshot(page, 'pg-city-04-reviewer-import');
    // The backend refuses all the same, whatever a page sends.
    expect(await pageApiCall(page, 'evaluation.finalize', { month: MONTH })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(errors).toEqual([]);
  });
});
