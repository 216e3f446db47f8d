import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSequence } from '../../../../src/backend/db/auditSequence';
import { openStore, type Store } from '../../../../src/backend/db/openStore';
import { openStoreAt } from '../../../../src/backend/db/openStoreAt';
import type { Database } from '../../../../src/backend/db/schema';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from '../../../helpers/postgresTestDatabase';
import { tempDir } from '../../../helpers/tempDir';

const pgUrl = postgresTestUrl();

interface ColumnShape {
  name: string;
  type: string;
  nullable: boolean;
  hasDefault: boolean;
  autoIncrement: boolean;
}

/** SQLite's declared types, as the PostgreSQL store holds them (sqliteMigrationsOnPostgres.ts). */
const SAME_TYPE: Record<string, string> = { INTEGER: 'int8', REAL: 'float8', TEXT: 'text', BLOB: 'bytea' };

async function tableShapes(db: Kysely<Database>, sameType: (t: string) => string, primaryKeys = new Set<string>()): Promise<Record<string, ColumnShape[]>> {
  const tables = await db.introspection.getTables();
  const shapes: Record<string, ColumnShape[]> = {};
  for (const t of tables) {
    shapes[t.name] = t.columns.map((c) => ({
      name: c.name,
      type: sameType(c.dataType),
      // SQLite lets a (non-integer) primary key column hold NULL, an old quirk it keeps; PostgreSQL
      // does not, and no code stores one: compared as PostgreSQL has it.
      nullable: c.isNullable && !primaryKeys.has(`${t.name}.${c.name}`),
      // An identity column has no DEFAULT on PostgreSQL; SQLite's introspection calls it autoincrementing too.
      hasDefault: c.hasDefaultValue && !c.isAutoIncrementing,
      autoIncrement: c.isAutoIncrementing,
    }));
  }
  return shapes;
}

describe.skipIf(!pgUrl)(`every migration on PostgreSQL${postgresSkipReason()}`, () => {
  let pg: Store;
  let lite: Store;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await freshPostgresDatabase(pgUrl as string);
    pg = await openStoreAt(databaseUrl);
    lite = await openStore(path.join(tempDir('kaoping-pgmig-'), 'k.sqlite'));
  });
  afterAll(async () => {
    await pg?.close();
    await lite?.close();
  });

  it('create the same tables, columns (in order), types, nullability, defaults and identities as on SQLite', async () => {
    const keys = await sql<{ col: string }>`select m.name || '.' || p.name as col from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and p.pk > 0`.execute(lite.db);
    const onSqlite = await tableShapes(lite.db, (t) => SAME_TYPE[t.toUpperCase()] ?? `sqlite:${t}`, new Set(keys.rows.map((r) => r.col)));
    const onPostgres = await tableShapes(pg.db, (t) => t);
    expect(Object.keys(onSqlite).length).toBeGreaterThanOrEqual(30);
    // sqlite_sequence's part for the audit log (auditSequence.ts), a table of its own on PostgreSQL.
    expect(onPostgres.audit_log_sequence).toEqual([{ name: 'seq', type: 'int8', nullable: false, hasDefault: false, autoIncrement: false }]);
    delete onPostgres.audit_log_sequence;
    expect(onPostgres).toEqual(onSqlite);
  });

  it('create the same named indexes and triggers (plus the audit log’s truncate guard)', async () => {
    const liteIndexes = (await sql<{ name: string }>`select name from sqlite_master where type = 'index' and sql is not null order by name`.execute(lite.db)).rows.map((r) => r.name);
    // The indexes behind primary keys and unique constraints are SQLite's autoindexes (no sql): left out on both.
    const pgIndexes = (
      await sql<{ name: string }>`select i.relname as name from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = 'public' and t.relname not like 'kysely_%' and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)
        order by i.relname`.execute(pg.db)
    ).rows.map((r) => r.name);
    expect(pgIndexes).toEqual(liteIndexes);
    // Index columns order NULLs as the store's ORDER BY does (SQLite's way), so pages read in index order.
    const ordersDate = await sql<{ def: string }>`select indexdef as def from pg_indexes where indexname = 'orders_date'`.execute(pg.db);
    expect(ordersDate.rows[0]?.def).toMatch(/\(date NULLS FIRST\)$/);
    const liteTriggers = (await sql<{ name: string }>`select name from sqlite_master where type = 'trigger' order by name`.execute(lite.db)).rows.map((r) => r.name);
    const pgTriggers = (await sql<{ name: string }>`select tgname as name from pg_trigger where not tgisinternal order by tgname`.execute(pg.db)).rows.map((r) => r.name);
    expect(pgTriggers).toEqual([...liteTriggers, 'audit_log_no_truncate'].sort());
  });

  it('the triggers do on PostgreSQL what they do on SQLite', async () => {
    const db = pg.db;
    await db.insertInto('import_batches').values({ file_name: 'o.xlsx', sha256: 'x', kind: 'orders', imported_at: '2026-11-01T00:00:00Z' } as never).execute();
    const batch = await db.selectFrom('import_batches').select('id').executeTakeFirstOrThrow();
    expect(typeof batch.id).toBe('number');
    const line = { nk: 'n1', date: '2026-10-05', retailer_ref: 'R1', quantity: 2.5, created_batch_id: batch.id, batch_id: batch.id };
    await db.insertInto('orders').values(line as never).execute();
    await db.insertInto('order_month_cache').values([{ month: '2026-10', batch_ids_json: '[]', totals_ready: 1 }, { month: '2026-09', batch_ids_json: '[]', totals_ready: 1 }] as never).execute();
    await db.updateTable('orders').set({ quantity: 3 } as never).execute();
    expect((await db.selectFrom('order_month_cache').select('month').execute()).map((r) => r.month)).toEqual(['2026-09']);

    // The audit log: append-only, with the next id and a hash.
    await db.insertInto('audit_log').values({ id: 1, at: 'now', who: 't', entity: 'e', entity_id: '1', field: 'f', hash: 'h1' } as never).execute();
    await expect(db.insertInto('audit_log').values({ id: 1, at: 'now', who: 't', entity: 'e', entity_id: '1', field: 'f', hash: 'h2' } as never).execute()).rejects.toThrow(/append-only/);
    await expect(db.insertInto('audit_log').values({ id: 2, at: 'now', who: 't', entity: 'e', entity_id: '1', field: 'f' } as never).execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('audit_log').set({ who: 'x' } as never).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await db.selectFrom('audit_log').select(['id', 'hash']).execute()).toEqual([{ id: 1, hash: 'h1' }]);
    // The high-water mark follows inserts and their rollbacks, as sqlite_sequence does.
    expect(await auditSequence(db)).toBe(1);
    const undone = db.transaction().execute(async (trx) => {
      await trx.insertInto('audit_log').values({ id: 2, at: 'now', who: 't', entity: 'e', entity_id: '2', field: 'f', hash: 'h2' } as never).execute();
      expect(await auditSequence(trx)).toBe(2);
      throw new Error('undone');
    });
    await expect(undone).rejects.toThrow('undone');
    expect(await auditSequence(db)).toBe(1);
  });

  it('reads counts and sums as numbers, as better-sqlite3 gives them', async () => {
    const row = await pg.db
      .selectFrom('orders')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('created_batch_id').as('ids'), eb.fn.sum<number>('quantity').as('q')])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ n: 1, ids: 1, q: 3 });
  });

  it('running them again changes nothing (a second open of the same database)', async () => {
    const again = await openStoreAt(databaseUrl);
    try {
      expect(await again.db.selectFrom('orders').select('nk').execute()).toEqual([{ nk: 'n1' }]);
    } finally {
      await again.close();
    }
  });
});
