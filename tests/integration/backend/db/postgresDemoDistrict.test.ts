import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/backend/db/openStore';
import { openStoreAt } from '../../../../src/backend/db/openStoreAt';
import { copySqliteStoreToPostgres } from '../../../../src/backend/db/postgres/copySqliteStoreToPostgres';
import { GRID_TABLES } from '../../../../src/backend/repositories/gridTables';
import { verifyAuditChain } from '../../../../src/backend/services/audit/verifyAuditChain';
import { gridRows } from '../../../../src/backend/services/data/gridRows';
import { buildDemoDatabase, type DemoDatabase } from '../../../helpers/demoDatabase';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from '../../../helpers/postgresTestDatabase';
import { runCli } from '../../../helpers/runCli';
import { tempDir } from '../../../helpers/tempDir';

const pgUrl = postgresTestUrl();

/**
 * The demo district on PostgreSQL: imported into SQLite by the real importer (which still needs
 * better-sqlite3, docs/postgres-plan.md), copied into a migrated PostgreSQL store with COPY, and
 * read back through the same kysely code as on SQLite.
 */
describe.skipIf(!pgUrl)(`the demo district on PostgreSQL${postgresSkipReason()}`, () => {
  let demo: DemoDatabase;
  let pg: Store;
  let url: string;
  let copied: Record<string, number>;

  beforeAll(async () => {
    demo = await buildDemoDatabase(tempDir('kaoping-pgdemo-'), 1, 2);
    url = await freshPostgresDatabase(pgUrl as string);
    pg = await openStoreAt(url);
    copied = await copySqliteStoreToPostgres(demo.store.sqlite, url);
  }, 240_000);
  afterAll(async () => {
    await pg?.close();
    await demo?.store.close();
  });

  it('holds every row of every table, value for value', async () => {
    const tables = (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(demo.store.db)).rows.map((r) => r.name);
    expect(Object.keys(copied).sort()).toEqual(tables);
    expect(copied.managers).toBeGreaterThan(0);
    expect(copied.orders).toBeGreaterThan(1000);
    for (const table of tables) {
      // Every column, left to right: a total order for tables without an id as well.
      const columnCount = (await sql<{ n: number }>`select count(*) as n from pragma_table_info(${table})`.execute(demo.store.db)).rows[0]?.n ?? 1;
      const order = sql.raw(Array.from({ length: columnCount }, (_, i) => String(i + 1)).join(', '));
      const lite = (await sql`select * from ${sql.table(table)} order by ${order}`.execute(demo.store.db)).rows;
      const onPg = (await sql`select * from ${sql.table(table)} order by ${order}`.execute(pg.db)).rows;
      expect({ table, rows: onPg }).toEqual({ table, rows: lite });
    }
  });

  it('answers `kaoping stats --json` exactly as the SQLite file does', async () => {
    const [fromSqlite, fromPostgres] = await Promise.all([runCli(['stats', '--json', '--db', demo.dbPath]), runCli(['stats', '--json', '--db', url])]);
    expect(fromPostgres.stderr).toBe('');
    expect(fromPostgres.code).toBe(0);
    expect(JSON.parse(fromPostgres.stdout)).toEqual(JSON.parse(fromSqlite.stdout));
  });

  it('shows every grid the same, sorted by any column either way (NULLs where SQLite puts them)', async () => {
    const differing: string[] = [];
    let pages = 0;
    for (const [kind, spec] of Object.entries(GRID_TABLES)) {
      const sorts = [[], ...spec.columns.flatMap((c) => (['asc', 'desc'] as const).map((sort) => [{ colId: c.field, sort }]))];
      for (const sort of sorts) {
        const arg = { kind, startRow: 0, endRow: 100, filters: {}, count: true, sort } as Parameters<typeof gridRows>[1];
        const [onSqlite, onPostgres] = [await gridRows(demo.store, arg), await gridRows(pg, arg)];
        pages += 1;
        if (JSON.stringify(onPostgres) !== JSON.stringify(onSqlite)) differing.push(`${kind} ${JSON.stringify(sort)}`);
      }
    }
    expect(pages).toBeGreaterThan(200);
    expect(differing).toEqual([]);
  });

  it('keeps the audit chain intact, and gives the next rows new ids', async () => {
    expect(await verifyAuditChain(pg.db)).toEqual(await verifyAuditChain(demo.store.db));
    const before = await pg.db.selectFrom('import_batches').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    const inserted = await pg.db
      .insertInto('import_batches')
      .values({ file_name: 'next.xlsx', sha256: 'x', kind: 'orders', imported_at: '2026-11-04T00:00:00Z' } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(inserted.id).toBe(Number(before.id) + 1);
  });

  it('refuses to undo a batch later batches build on, as on SQLite (undo runs on PostgreSQL now)', async () => {
    const run = await runCli(['undo', '1', '--db', url]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('请先按此顺序撤销');
    expect(run.stderr).not.toContain('目前只支持 SQLite 数据库文件');
    const batch = await pg.db.selectFrom('import_batches').select('undone_at').where('id', '=', 1).executeTakeFirstOrThrow();
    expect(batch.undone_at).toBeNull();
  });
});
