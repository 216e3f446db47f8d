import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openStoreAt } from '../../../../../src/backend/db/openStoreAt';
import { copySqliteStoreToPostgres } from '../../../../../src/backend/db/postgres/copySqliteStoreToPostgres';
import { finalizeMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { monthReportModel } from '../../../../../src/backend/services/report/exportMonthReport';
import { buildDemoDatabase, type DemoDatabase } from '../../../../helpers/demoDatabase';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from '../../../../helpers/postgresTestDatabase';
import { runCli } from '../../../../helpers/runCli';
import { tempDir } from '../../../../helpers/tempDir';

const pgUrl = postgresTestUrl();
const MONTH = '2026-10';
const now = new Date('2026-11-10T02:00:00Z');

/**
 * The acceptance test: the demo district (13 months of orders) imported into SQLite and
 * copied into PostgreSQL gives the same `kaoping evaluate --json`, byte for byte, and the same
 * report model (everything the workbook is written from), as a draft and again once finalized.
 */
describe.skipIf(!pgUrl)(`the demo district evaluated on SQLite and on PostgreSQL${postgresSkipReason()}`, () => {
  let demo: DemoDatabase;
  let pg: Store;
  let url: string;

  beforeAll(async () => {
    demo = await buildDemoDatabase(tempDir('kaoping-both-demo-'));
    url = await freshPostgresDatabase(pgUrl as string);
    pg = await openStoreAt(url);
    await copySqliteStoreToPostgres(demo.store.sqlite, url);
  }, 300_000);
  afterAll(async () => {
    await pg?.close();
    await demo?.store.close();
  });

  async function evaluateJson(db: string): Promise<string> {
    const run = await runCli(['evaluate', '--db', db, '--month', MONTH, '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    return run.stdout;
  }

  /**
   * Both report models as JSON. 考评时间 (evaluatedAt, to the minute) is when each store was
   * evaluated, by two CLI runs one after the other, which may fall in different minutes: it is
   * checked to be a time and then left out of the comparison.
   */
  async function reportModels(): Promise<[string, string]> {
    const [onSqlite, onPostgres] = [await monthReportModel(demo.store, MONTH, { now }), await monthReportModel(pg, MONTH, { now })];
    for (const model of [onSqlite, onPostgres]) expect(model.evaluatedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const timeless = (model: typeof onSqlite) => JSON.stringify({ ...model, evaluatedAt: '' });
    return [timeless(onSqlite), timeless(onPostgres)];
  }

  it('evaluates the month to the same bytes and the same report model', async () => {
    const onSqlite = await evaluateJson(demo.dbPath);
    const onPostgres = await evaluateJson(url);
    expect(JSON.parse(onSqlite).managers.length).toBeGreaterThan(5);
    expect(onPostgres).toBe(onSqlite);
    const [liteModel, pgModel] = await reportModels();
    expect(JSON.parse(pgModel)).toEqual(JSON.parse(liteModel));
    expect(pgModel === liteModel).toBe(true);
  });

  it('finalized on both, the month and its report (from the frozen inputs) stay the same', async () => {
    const actor = { who: '张明', now };
    expect((await finalizeMonth(demo.store, MONTH, actor)).status).toBe('final');
    expect((await finalizeMonth(pg, MONTH, actor)).status).toBe('final');
    const frozen = async (store: Store) => (await store.db.selectFrom('report_freezes').select('inputs_json').executeTakeFirstOrThrow()).inputs_json;
    expect(await frozen(pg)).toBe(await frozen(demo.store));
    expect(await evaluateJson(url)).toBe(await evaluateJson(demo.dbPath));
    const [liteModel, pgModel] = await reportModels();
    expect(JSON.parse(liteModel).final).toBe(true);
    expect(JSON.parse(pgModel)).toEqual(JSON.parse(liteModel));
    expect(pgModel === liteModel).toBe(true);
  });

  it('exports the report, reopens and finalizes the month from the command line on PostgreSQL', async () => {
    const out = path.join(tempDir('kaoping-both-report-'), '考评报表_202610.xlsx');
    const report = await runCli(['report', '--db', url, '--month', MONTH, '--out', out]);
    expect(report.stderr).toBe('');
    expect(report.code).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(10_000);
    const reopen = await runCli(['reopen', '--db', url, '--month', MONTH, '--reason', '补导考勤', '--by', '张明']);
    expect([reopen.code, reopen.stderr]).toEqual([0, '']);
    const finalize = await runCli(['finalize', '--db', url, '--month', MONTH, '--by', '张明']);
    expect([finalize.code, finalize.stderr]).toEqual([0, '']);
    const statuses = await pg.db.selectFrom('audit_log').select(['new_value', 'who']).where('field', '=', 'status').orderBy('id').execute();
    expect(statuses).toEqual([
      { new_value: 'final', who: '张明' },
      { new_value: 'draft', who: '张明' },
      { new_value: 'final', who: '张明' },
    ]);
    const audit = await runCli(['audit', 'verify', '--db', url]);
    expect([audit.code, audit.stderr]).toEqual([0, '']);
  });
});
