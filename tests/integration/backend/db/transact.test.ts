import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../../src/backend/db/openStore';
import { openStoreAt } from '../../../../src/backend/db/openStoreAt';
import { sqliteOf } from '../../../../src/backend/db/sqlite/storeSqliteDialect';
import { transact } from '../../../../src/backend/db/transact';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from '../../../helpers/postgresTestDatabase';
import { tempDir } from '../../../helpers/tempDir';

const pgUrl = postgresTestUrl();
const setting = (key: string) => ({ key, value_json: '{}', updated_at: '2026-11-10T02:00:00.000Z' });

async function keys(store: Store): Promise<string[]> {
  return (await store.db.selectFrom('app_settings').select('key').orderBy('key').execute()).map((r) => r.key);
}

/** What every store's transactions promise, whichever the dialect. */
function transactionsOf(store: () => Store): void {
  it('commits the work, and rolls all of it back when it throws', async () => {
    await transact(store().db, async (trx) => {
      await trx.insertInto('app_settings').values(setting('a')).execute();
    });
    await expect(
      transact(store().db, async (trx) => {
        await trx.insertInto('app_settings').values(setting('b')).execute();
        throw new Error('refused half-way');
      }),
    ).rejects.toThrow('refused half-way');
    expect(await keys(store())).toEqual(['a']);
  });

  it('joins the transaction it is given: an inner failure undoes the outer work too', async () => {
    await expect(
      transact(store().db, async (outer) => {
        await outer.insertInto('app_settings').values(setting('c')).execute();
        await transact(outer, async (inner) => {
          expect(inner).toBe(outer);
          await inner.insertInto('app_settings').values(setting('d')).execute();
        });
        throw new Error('after the inner work');
      }),
    ).rejects.toThrow('after the inner work');
    expect(await keys(store())).toEqual(['a']);
  });
}

describe('transact on SQLite', () => {
  let store: Store;
  let file: string;
  beforeAll(async () => {
    file = path.join(tempDir('kaoping-transact-'), 'kaoping.sqlite');
    store = await openStore(file);
  });
  afterAll(async () => store?.close());

  transactionsOf(() => store);

  it('takes the write lock when it begins (BEGIN IMMEDIATE), before the work writes anything', async () => {
    const other = new BetterSqlite3(file);
    other.pragma('busy_timeout = 0');
    try {
      await transact(store.db, async (trx) => {
        await trx.selectFrom('app_settings').select('key').execute();
        expect(() => other.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i);
        // The transaction's executor reaches the same raw connection, inside the transaction.
        expect(sqliteOf(trx)?.inTransaction).toBe(true);
      });
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
    } finally {
      other.close();
    }
  });

});

describe.skipIf(!pgUrl)(`transact on PostgreSQL${postgresSkipReason()}`, () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStoreAt(await freshPostgresDatabase(pgUrl as string));
  });
  afterAll(async () => store?.close());

  transactionsOf(() => store);

  it('has no raw SQLite connection', () => {
    expect(sqliteOf(store.db)).toBeUndefined();
  });
});
