import type { OpenStoreOptions, Store } from '../../src/backend/db/openStore';
import { openStore } from '../../src/backend/db/openStore';
import { openStoreAt } from '../../src/backend/db/openStoreAt';
import { freshPostgresDatabase, postgresTestUrl } from './postgresTestDatabase';

export type TestStoreDialect = 'sqlite' | 'postgres';

/**
 * The dialect this test file runs on: `postgres` in vitest.config.mts's postgres project
 * (KAOPING_TEST_STORE=postgres, the files listed in tests/onBothStores.ts run a second time),
 * else `sqlite`.
 */
export function testStoreDialect(): TestStoreDialect {
  return process.env.KAOPING_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * A fresh store for a test: the SQLite file `file`, or in the postgres project a new database on
 * the test server (KAOPING_TEST_PG), dropped after the file. Fixture helpers open through it, so a
 * file listed in tests/onBothStores.ts imports and runs the same on PostgreSQL.
 */
export async function openTestStore(file: string, opts: OpenStoreOptions = {}): Promise<Store> {
  if (testStoreDialect() === 'sqlite') return openStore(file, opts);
  const url = postgresTestUrl();
  if (!url) throw new Error('the postgres test project runs only with KAOPING_TEST_PG (tests/helpers/postgresGlobalSetup.ts)');
  return openStoreAt(await freshPostgresDatabase(url));
}
