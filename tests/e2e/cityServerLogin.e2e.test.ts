import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { openStore } from '../../src/backend/db/openStore';
import { addAccount } from '../../src/backend/services/accounts/manageAccounts';
import { importFiles } from '../../src/backend/services/import/importFiles';
import { writeCsv } from '../helpers/writeSheets';
import { screenshot } from './support/openApp';
import { pageApiCall } from './support/pageApiCall';
import './support/provided';

/**
 * A city server tried by two people at once: `kaoping serve --login` on a copy of the demo
 * district (临河营销部) plus a small second district (城西营销部) with accounts, browser contexts
 * (PCs) logged in as the supervisors of each district and a reviewer.
 */
const CHEAP = { N: 1024, r: 8, p: 1 };
let child: ChildProcess;
let url: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  const dir = path.join(inject('runDir'), 'city-server');
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, 'city.sqlite');
  fs.copyFileSync(inject('demoDbPath'), dbPath);
  const store = await openStore(dbPath, { backupBeforeMigrate: false });
  const actor = { who: 'e2e', now: new Date() };
  await addAccount(store.db, { name: 'wanggl', role: 'admin', password: 'admin-pass-1' }, actor, CHEAP);
  await addAccount(store.db, { name: 'lihua', role: 'supervisor', district: '临河营销部', password: 'lihua-pass-1' }, actor, CHEAP);
  await addAccount(store.db, { name: 'zhaoshen', role: 'reviewer', password: 'zhao-pass-1' }, actor, CHEAP);
  await addAccount(store.db, { name: 'chenxi', role: 'supervisor', district: '城西营销部', password: 'chen-pass-1' }, actor, CHEAP);
  // 城西营销部: two managers and a week of journals in the demo's newest month.
  const month = (await store.db.selectFrom('orders').select((eb) => eb.fn.max('date').as('d')).executeTakeFirstOrThrow()).d?.slice(0, 7) ?? '2026-10';
  const roster = writeCsv(path.join(dir, '城西花名册.csv'), [['工号', '姓名', '营销部', '状态'], ['CX001', '陈西', '城西营销部', '在岗'], ['CX002', '何西', '城西营销部', '在岗']], 'utf8-bom');
  const rows = [['日期', '工号', '姓名', '日志内容']];
  for (const [i, day] of ['05', '06', '07', '08', '09'].entries()) {
    rows.push([`${month}-${day}`, 'CX001', '陈西', `第${i + 1}天走访城西片区${i + 3}家零售户，检查陈列和价签，记录新品到货${i + 1}款。`]);
    rows.push([`${month}-${day}`, 'CX002', '何西', `城西片区第${i + 1}次巡店：核对库存${i * 4 + 9}条，店主反映客流${i % 2 ? '增加' : '平稳'}。`]);
  }
  const journals = writeCsv(path.join(dir, '城西工作日志.csv'), rows, 'utf8-bom');
  const imported = await importFiles(store, [roster, journals], { now: new Date(), district: '城西营销部' });
  expect(imported.map((r) => r.status)).toEqual(['imported', 'imported']);
  await store.close();
  child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', dbPath, '--port', '0', '--login'], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
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
});

async function newPc(locale: 'zh-CN' | 'en'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
  if (locale === 'en') await context.addInitScript(() => localStorage.setItem('kaoping.language', 'en'));
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(url);
  return { page, errors };
}

async function logIn(page: Page, name: string, password: string): Promise<void> {
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

it('shows the login page first, refuses a wrong password, and opens the workbench for the account', async () => {
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  const { page, errors } = await newPc('zh-CN');
  await page.getByTestId('login-page').waitFor();
  await screenshot(page, 'city-01-login');
  await logIn(page, 'lihua', 'wrong-password');
  await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('账号或密码不对');
  await screenshot(page, 'city-02-login-failed');
  await logIn(page, 'lihua', 'lihua-pass-1');
  await expect.poll(() => page.getByTestId('account-badge').textContent()).toBe('lihua（考核人 · 临河营销部）');
  // No first-start prompt for a supervisor name and no demo offer: the account signs.
  expect(await page.getByTestId('supervisor-ask').count()).toBe(0);
  await page.goto(`${url}#/evaluation`);
  await page.getByTestId('account-badge').waitFor();
  await screenshot(page, 'city-03-supervisor-evaluation');
  // A supervisor's write goes through (a reviewer's is refused below).
  const allowed = await pageApiCall(page, 'import.saveMapping', { name: '城东日志', kind: 'journals', headers: ['日期'], mapping: {} });
  expect(allowed).toMatchObject({ ok: true });
  expect(errors).toEqual([]);
});

it('a second PC logs in as a reviewer beside it (in English): reads, and is refused a change', async () => {
  const { page, errors } = await newPc('en');
  await page.getByTestId('login-page').waitFor();
  await screenshot(page, 'city-04-login-en');
  await logIn(page, 'zhaoshen', 'zhao-pass-1');
  await expect.poll(() => page.getByTestId('account-badge').textContent()).toBe('zhaoshen (reviewer)');
  await screenshot(page, 'city-05-reviewer-overview');
  // A store with two districts: the reviewer chooses which one first. The page offers a reviewer no
  // working 评价 (disabled, saying why); the backend refuses the call all the same (below).
  await page.goto(`${url}#/evaluation`);
  await page.getByTestId('evaluation-needs-district').waitFor();
  await screenshot(page, 'city-05b-reviewer-chooses-district');
  await page.getByTestId('evaluation-district').click();
  await page.locator('.ant-select-item-option[title="城西营销部"]').click();
  await page.getByTestId('evaluation-start').waitFor();
  expect(await page.getByTestId('evaluation-start').isDisabled()).toBe(true);
  await page.getByTestId('read-only-action').first().hover();
  await page.locator('.ant-tooltip', { hasText: 'Read only (reviewer)' }).first().waitFor();
  await screenshot(page, 'city-06-reviewer-read-only');
  const run = await pageApiCall(page, 'evaluation.run', { month: '2026-10', jobId: 'reviewer-run' });
  expect(run).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('只能查看，不能修改数据') } });
  const refused = await pageApiCall(page, 'calendar.setDay', { date: '2026-10-01', workday: false });
  expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(refused.error?.message).toContain('审阅人账号「zhaoshen」只能查看');
  expect(errors).toEqual([]);
});

it('a third PC logs in as the supervisor of another district while the first is still in', async () => {
  const { page, errors } = await newPc('zh-CN');
  await logIn(page, 'chenxi', 'chen-pass-1');
  await expect.poll(() => page.getByTestId('account-badge').textContent()).toBe('chenxi（考核人 · 城西营销部）');
  await screenshot(page, 'city-07-second-district-supervisor');
  const first = contexts[0]!.pages()[0]!;
  expect(await first.getByTestId('account-badge').textContent()).toBe('lihua（考核人 · 临河营销部）');
  expect((await pageApiCall(first, 'app.info', {})).ok).toBe(true);
  // Side by side, each supervisor's 客户经理 grid holds their own district's people only.
  const total = async (p: Page) => ((await pageApiCall(p, 'data.count', { kind: 'managers' })) as { data?: { total: number } }).data?.total;
  expect(await total(page)).toBe(2);
  expect(await total(first)).toBeGreaterThan(2);
  for (const [p, name] of [[first, 'city-08-linhe-managers'], [page, 'city-09-chengxi-managers']] as const) {
    await p.goto(`${url}#/data/managers`);
    await p.getByTestId('grid-managers').locator('.ag-row').first().waitFor();
    await screenshot(p, name);
  }
  const westCodes = await page.getByTestId('grid-managers').locator('.ag-cell[col-id="code"]').allTextContents();
  expect(westCodes.sort()).toEqual(['CX001', 'CX002']);
  expect(await first.getByTestId('grid-managers').locator('.ag-cell[col-id="code"]', { hasText: 'CX00' }).count()).toBe(0);
  // Each opens 考评 on their own district without choosing one.
  await page.goto(`${url}#/evaluation`);
  await page.getByTestId('evaluation-start').waitFor();
  await screenshot(page, 'city-10-chengxi-evaluation');
  expect(errors).toEqual([]);
});

it('signing out returns to the login page, and the session no longer calls', async () => {
  const page = contexts[0]!.pages()[0]!;
  await page.getByTestId('logout').click();
  await page.getByTestId('login-page').waitFor();
  const after = await pageApiCall(page, 'app.info', {});
  expect(after).toMatchObject({ ok: false, error: { code: 'login_required' } });
});
