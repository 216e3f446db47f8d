import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '../../../../../src/backend/handlers';
import type { Store } from '../../../../../src/backend/db/openStore';
import { openStoreAt } from '../../../../../src/backend/db/openStoreAt';
import { copySqliteStoreToPostgres } from '../../../../../src/backend/db/postgres/copySqliteStoreToPostgres';
import { listDistricts } from '../../../../../src/backend/repositories/districtRepository';
import { claimWrite, DistrictBusyError } from '../../../../../src/backend/services/districts/districtWriteLock';
import { adjustDimension, finalizeMonth, reopenMonth } from '../../../../../src/backend/services/evaluation/changeMonth';
import { evaluateStoredMonth } from '../../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { readMonthSnapshot } from '../../../../../src/backend/services/evaluation/monthSnapshot';
import { importFile } from '../../../../../src/backend/services/import/importFile';
import { setCalendarDay } from '../../../../../src/backend/services/settings/setCalendarDay';
import { verifyAuditChain } from '../../../../../src/backend/services/audit/verifyAuditChain';
import { buildDemoDatabase } from '../../../../helpers/demoDatabase';
import { call, data } from '../../../../helpers/invoke';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from '../../../../helpers/postgresTestDatabase';
import { tempDir } from '../../../../helpers/tempDir';
import { writeCsv } from '../../../../helpers/writeSheets';

/**
 * Two clients of one PostgreSQL database (two stores: two pools, as two server processes have):
 * writers of a district are serialised by its advisory lock, the second told who holds it;
 * readers never wait; an evaluation and a finalize of one month run one after the other, never
 * mixed. Moments are made deterministic by holding a table lock the first writer needs (it then
 * waits inside its claimed transaction, seen in pg_locks), never by sleeping for a guessed time.
 */
const MONTH = '2026-10';
const actor = { who: '主管乙', now: new Date('2026-11-10T02:00:00Z') };
const url = postgresTestUrl();

/** A raw connection of the test's own: holds table locks and looks at pg_locks. */
async function rawClient(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return client;
}

/** Resolves once some session waits for `what` (a table's lock, or a Kaoping advisory lock); polls pg_locks. */
async function someoneWaitsFor(watcher: pg.Client, what: { table: string } | 'advisory'): Promise<void> {
  for (;;) {
    const { rows } =
      what === 'advisory'
        ? await watcher.query(`select 1 from pg_locks where locktype = 'advisory' and not granted`)
        : await watcher.query(`select 1 from pg_locks where locktype = 'relation' and not granted and relation = $1::regclass`, [what.table]);
    if (rows.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Holds `lock table … in share mode` (every row write of the table waits) until released. */
async function holdTable(databaseUrl: string, table: string): Promise<{ release: () => Promise<void> }> {
  const client = await rawClient(databaseUrl);
  await client.query('begin');
  await client.query(`lock table ${table} in share mode`);
  return {
    release: async () => {
      await client.query('commit');
      await client.end();
    },
  };
}

function withLockWait<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const before = process.env.KAOPING_LOCK_WAIT_MS;
  process.env.KAOPING_LOCK_WAIT_MS = String(ms);
  const restore = () => {
    if (before === undefined) delete process.env.KAOPING_LOCK_WAIT_MS;
    else process.env.KAOPING_LOCK_WAIT_MS = before;
  };
  // The wait is read when the claim is made: restored once the work has started its claim.
  return work().finally(restore);
}

describe.skipIf(!url)(`two clients of one district on PostgreSQL${postgresSkipReason()}`, () => {
  const dir = tempDir('kaoping-lock-');
  let databaseUrl = '';
  let one: Store;
  let two: Store;
  let watcher: pg.Client;
  let districtName = '';
  let handlersTwo: Handlers;

  beforeAll(async () => {
    const demo = await buildDemoDatabase(dir, 1, 2);
    databaseUrl = await freshPostgresDatabase(url as string);
    one = await openStoreAt(databaseUrl);
    await copySqliteStoreToPostgres(demo.store.sqlite, databaseUrl);
    await demo.store.close();
    two = await openStoreAt(databaseUrl);
    watcher = await rawClient(databaseUrl);
    districtName = (await listDistricts(one.db))[0]!.name;
    handlersTwo = createHandlers({ store: two, now: () => actor.now, workDir: dir });
    await evaluateStoredMonth(one, MONTH, { now: new Date('2026-11-05T01:00:00Z') });
  }, 240_000);

  afterAll(async () => {
    await handlersTwo?.close();
    await watcher?.end();
    await two?.close();
    await one?.close();
  });

  /** A 品规目录 whose first brand's price changed: its import writes row_history (held by the test) mid-file. */
  async function brandsWithNewPrice(name: string, price: number): Promise<string> {
    const brands = await one.db.selectFrom('brands').select(['code', 'name', 'wholesale_price', 'retail_price', 'key_brand']).orderBy('id').execute();
    const rows = brands.map((b, i) => [b.code, b.name, (i === 0 ? price : Number(b.wholesale_price)).toFixed(2), Number(b.retail_price).toFixed(2), b.key_brand === 1 ? '是' : '否']);
    return writeCsv(path.join(dir, name), [['卷烟编码', '卷烟名称', '批发价(元/条)', '建议零售价', '重点品牌'], ...rows], 'utf8');
  }

  it('tells a second writer who imports into the district, while readers read on', async () => {
    const held = await holdTable(databaseUrl, 'row_history');
    const importing = importFile(one, await brandsWithNewPrice('品规目录_调价.csv', 1.5), { now: actor.now, importedBy: '张三' });
    await Promise.race([
      someoneWaitsFor(watcher, { table: 'row_history' }),
      importing.then((r) => {
        throw new Error(`the import ended before it wrote its row history: ${r.status} ${r.message ?? ''}`);
      }),
    ]);
    // The import now holds the district (and the city: brands are the city's), its rows written, not committed.
    try {
      // Readers on the other client never wait: grids, the month's evaluation, the import history, a report.
      const rows = await data(handlersTwo, 'data.rows', { kind: 'brands', startRow: 0, endRow: 50, sort: [] });
      expect(rows.rows.length).toBeGreaterThan(0);
      expect((await data(handlersTwo, 'evaluation.get', { month: MONTH }))?.status).toBe('draft');
      expect((await data(handlersTwo, 'import.batches', {})).every((b) => b.importedBy !== '张三')).toBe(true);
      const report = await data(handlersTwo, 'report.export', { month: MONTH, jobId: 'report-while-importing' });
      expect(report.bytes.byteLength).toBeGreaterThan(1000);

      // Writers of the district are told, at once with no wait, and after a brief one.
      const code = (await readMonthSnapshot(two.db, MONTH))!.evaluation.managers[0]!.code;
      const adjust = () => adjustDimension(two, { month: MONTH, managerCode: code, dimension: 'records', score: 50, reason: '试' }, actor);
      for (const wait of [0, 200]) {
        const refused = await withLockWait(wait, adjust).then(
          () => null,
          (err: unknown) => err,
        );
        expect(refused).toBeInstanceOf(DistrictBusyError);
        expect((refused as DistrictBusyError).busy).toEqual({ who: '张三', action: 'import', district: districtName });
        expect((refused as Error).message).toBe(`正在由 张三 导入数据（营销部 ${districtName}），请稍后再试`);
      }
      // Through the handlers as a served page gets it: the code and the parts to say it in English.
      const finalize = await withLockWait(0, () => call(handlersTwo, 'evaluation.finalize', { month: MONTH }));
      expect(finalize.ok).toBe(false);
      if (!finalize.ok) {
        expect(finalize.error.code).toBe('district_busy');
        expect(finalize.error.details).toEqual({ who: '张三', action: 'import', district: districtName });
      }
      // A second import of the district: refused in its report, nothing written.
      const second = await withLockWait(0, () => importFile(two, brandsOnlyFile(), { now: actor.now, importedBy: '李四' }));
      expect(second.status).toBe('refused');
      expect(second.busy).toEqual({ who: '张三', action: 'import', district: districtName });
      expect(second.message).toBe(`正在由 张三 导入数据（营销部 ${districtName}），请稍后再试`);
      // The city's shared data (the calendar) is held too: a brands file is the city's.
      const calendar = await withLockWait(0, () => setCalendarDay(two.db, { date: '2026-10-08', workday: true, note: '补班' }, '李四', actor.now)).then(
        () => null,
        (err: unknown) => err,
      );
      expect((calendar as DistrictBusyError).busy).toEqual({ who: '张三', action: 'import', district: null });
      expect((calendar as Error).message).toBe('正在由 张三 导入数据（全市共用数据），请稍后再试');
    } finally {
      await held.release();
    }
    const imported = await importing;
    expect(imported.status).toBe('imported');
    expect(imported.counts.updated).toBeGreaterThanOrEqual(1);
    // Once the import has committed, the same adjustment goes through.
    const code = (await readMonthSnapshot(two.db, MONTH))!.evaluation.managers[0]!.code;
    const adjusted = await withLockWait(0, () => adjustDimension(two, { month: MONTH, managerCode: code, dimension: 'records', score: 50, reason: '试' }, actor));
    expect(adjusted.adjustments.map((a) => a.score)).toEqual([50]);
    expect((await verifyAuditChain(two.db)).intact).toBe(true);

    function brandsOnlyFile(): string {
      return writeCsv(path.join(dir, '品规目录_另一份.csv'), [['卷烟编码', '卷烟名称', '批发价(元/条)', '建议零售价', '重点品牌'], ['6901028999999', '测试卷烟', '10.00', '12.00', '否']], 'utf8');
    }
  });

  it('lets a second writer wait for the holder and go on once it commits', async () => {
    const holder = await one.db.startTransaction().execute();
    const districtId = (await listDistricts(one.db))[0]!.id;
    await claimWrite(holder, { scope: districtId, action: 'evaluate', who: '张三' });
    const code = (await readMonthSnapshot(two.db, MONTH))!.evaluation.managers[0]!.code;
    const adjusting = withLockWait(600_000, () => adjustDimension(two, { month: MONTH, managerCode: code, dimension: 'records', score: 60, reason: '再试' }, actor));
    await someoneWaitsFor(watcher, 'advisory');
    await holder.commit().execute();
    expect((await adjusting).adjustments.map((a) => a.score)).toEqual([50, 60]);
  });

  it('runs an evaluation and a finalize of one month from two clients one after the other: the finalize signs the new result', async () => {
    await evaluateStoredMonth(one, MONTH, { now: new Date('2026-11-06T01:00:00Z') });
    const rerun = new Date('2026-11-07T01:00:00Z');
    const held = await holdTable(databaseUrl, 'evaluations');
    const evaluating = evaluateStoredMonth(one, MONTH, { now: rerun });
    await someoneWaitsFor(watcher, { table: 'evaluations' });
    // The evaluation holds the district, its result computed, not yet saved: the finalize waits for it.
    const finalizing = withLockWait(600_000, () => finalizeMonth(two, MONTH, actor));
    await someoneWaitsFor(watcher, 'advisory');
    await held.release();
    const evaluated = await evaluating;
    const finalized = await finalizing;
    expect(evaluated.evaluatedAt).toBe(rerun.toISOString());
    expect(finalized.status).toBe('final');
    expect(finalized.evaluatedAt).toBe(rerun.toISOString());
    expect(finalized.evaluation).toEqual(evaluated.evaluation);
    const stored = await one.db.selectFrom('evaluations').select(['status', 'evaluated_at']).where('month', '=', MONTH).execute();
    expect(stored).toEqual([{ status: 'final', evaluated_at: rerun.toISOString() }]);
  });

  it('runs a finalize and an evaluation of one month from two clients one after the other: the finalized month is not recomputed', async () => {
    await reopenMonth(one, MONTH, '再核一遍', actor);
    const signed = (await readMonthSnapshot(one.db, MONTH))!;
    const held = await holdTable(databaseUrl, 'report_freezes');
    const finalizing = finalizeMonth(one, MONTH, actor);
    await someoneWaitsFor(watcher, { table: 'report_freezes' });
    const evaluating = withLockWait(600_000, () => evaluateStoredMonth(two, MONTH, { now: new Date('2026-11-08T01:00:00Z') }));
    await someoneWaitsFor(watcher, 'advisory');
    await held.release();
    expect((await finalizing).status).toBe('final');
    const evaluated = await evaluating;
    expect(evaluated.status).toBe('final');
    expect(evaluated.evaluatedAt).toBe(signed.evaluatedAt);
    expect(evaluated.evaluation).toEqual(signed.evaluation);
    const stored = await one.db.selectFrom('evaluations').select(['status', 'evaluated_at']).where('month', '=', MONTH).execute();
    expect(stored).toEqual([{ status: 'final', evaluated_at: signed.evaluatedAt }]);
  });
});
