import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src/backend/db/openStore';
import { openStoreAt } from '../../src/backend/db/openStoreAt';
import { copySqliteStoreToPostgres } from '../../src/backend/db/postgres/copySqliteStoreToPostgres';
import { addAccount } from '../../src/backend/services/accounts/manageAccounts';
import { findPostgresBinDir, startPostgresCluster, type PostgresCluster } from '../helpers/postgresCluster';
import { writeCsv } from '../helpers/writeSheets';
import { screenshot } from './support/openApp';
import './support/provided';

/**
 * A city server on PostgreSQL (`kaoping serve --db postgres://… --login`), its 临河营销部 being
 * imported by 张三 from the command line (held mid-file by a lock the test keeps on row_history):
 * the district's supervisor imports in the browser and the import centre tells her who is
 * importing, in Chinese and in English, instead of waiting.
 */
const CHEAP = { N: 1024, r: 8, p: 1 };
const binDir = findPostgresBinDir();

describe.skipIf(!binDir)(`two writers of one district on a city server${binDir ? '' : ' (skipped: the PostgreSQL server is not installed)'}`, () => {
  let cluster: PostgresCluster;
  let databaseUrl = '';
  let server: ChildProcess;
  let holderImport: ChildProcess | undefined;
  let blocker: pg.Client | undefined;
  let url = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let dir = '';

  beforeAll(async () => {
    dir = path.join(inject('runDir'), 'city-busy');
    fs.mkdirSync(dir, { recursive: true });
    cluster = await startPostgresCluster(binDir as string);
    // The throwaway cluster's own database: it goes with the cluster.
    databaseUrl = cluster.url;
    const store = await openStoreAt(databaseUrl);
    const demoCopy = path.join(dir, 'demo.sqlite');
    fs.copyFileSync(inject('demoDbPath'), demoCopy);
    const demo = await openStore(demoCopy, { backupBeforeMigrate: false });
    await copySqliteStoreToPostgres(demo.sqlite, databaseUrl);
    await demo.close();
    const actor = { who: 'e2e', now: new Date() };
    await addAccount(store.db, { name: 'wanggl', role: 'admin', password: 'admin-pass-1' }, actor, CHEAP);
    await addAccount(store.db, { name: 'lihua', role: 'supervisor', district: '临河营销部', password: 'lihua-pass-1' }, actor, CHEAP);
    await store.close();
    server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--db', databaseUrl, '--port', '0', '--login'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KAOPING_LOCK_WAIT_MS: '0' },
    });
    let stderr = '';
    server.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: server.stdout! }).once('line', (line) => resolve(line.trim()));
      server.once('exit', (code) => reject(new Error(`kaoping serve exited with ${code}\n${stderr}`)));
    });
    browser = await chromium.connect(inject('browserWsEndpoint'));
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    holderImport?.kill('SIGKILL');
    await blocker?.end().catch(() => undefined);
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    cluster?.stop();
  });

  async function loggedInPc(locale: 'zh-CN' | 'en'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale });
    if (locale === 'en') await context.addInitScript(() => localStorage.setItem('kaoping.language', 'en'));
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('login-name').fill('lihua');
    await page.getByTestId('login-password').fill('lihua-pass-1');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('account-badge').waitFor();
    await page.evaluate(() => (window.location.hash = '#/import'));
    return page;
  }

  it('tells the second supervisor who is importing into the district, in both languages', async () => {
    // 张三 imports a roster of the district from the command line; the test holds it mid-file.
    const watcher = new pg.Client({ connectionString: databaseUrl });
    await watcher.connect();
    const manager = (await watcher.query<{ code: string; name: string }>(`select code, name from managers order by id limit 1`)).rows[0]!;
    const roster = writeCsv(path.join(dir, '临河花名册_张三.csv'), [['工号', '姓名', '营销部', '状态'], [manager.code, `${manager.name}（改）`, '临河营销部', '在岗']], 'utf8-bom');
    blocker = new pg.Client({ connectionString: databaseUrl });
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table row_history in share mode');
    holderImport = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'import', '--db', databaseUrl, '--by', '张三', '--district', '临河营销部', roster], {
      cwd: process.cwd(),
      stdio: 'ignore',
    });
    const holderDone = new Promise<number | null>((resolve) => holderImport!.once('exit', (code) => resolve(code)));
    await expect
      .poll(async () => (await watcher.query(`select 1 from pg_locks where locktype = 'relation' and not granted and relation = 'row_history'::regclass`)).rows.length, {
        timeout: 60_000,
      })
      .toBe(1);

    const journals = writeCsv(
      path.join(dir, '临河工作日志_补.csv'),
      [
        ['日期', '工号', '姓名', '日志内容'],
        ['2026-10-12', manager.code, manager.name, '走访城东便利店，检查陈列和价签，店主反映客流平稳，已登记新品需求。'],
      ],
      'utf8-bom',
    );
    for (const locale of ['zh-CN', 'en'] as const) {
      const page = await loggedInPc(locale);
      await page.locator('input[type=file]').setInputFiles([journals]);
      const expected = locale === 'zh-CN' ? '正在由 张三 导入数据（营销部 临河营销部），请稍后再试' : '张三 is importing data (district 临河营销部); please try again in a moment';
      // The check (a dry run) is told already; the import, started anyway, is refused with the same words.
      await expect.poll(async () => page.getByTestId('check-refused').textContent(), { timeout: 60_000 }).toBe(expected);
      await screenshot(page, `city-busy-check-${locale}`);
      const start = page.getByTestId('start-import');
      if (await start.isEnabled()) {
        await start.click();
        await expect.poll(async () => (await page.getByTestId('import-result').textContent()) ?? '', { timeout: 60_000 }).toContain(expected);
        await screenshot(page, `city-busy-result-${locale}`);
      }
    }

    await blocker.query('commit');
    await blocker.end();
    blocker = undefined;
    expect(await holderDone).toBe(0);
    const renamed = (await watcher.query<{ name: string }>(`select name from managers where code = $1`, [manager.code])).rows[0]!;
    expect(renamed.name).toBe(`${manager.name}（改）`);
    await watcher.end();
  });
});
