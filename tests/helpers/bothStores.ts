import { afterAll, beforeAll, describe } from 'vitest';
import type { Store } from '../../src/backend/db/openStore';
import { openStoreAt } from '../../src/backend/db/openStoreAt';
import { copySqliteStoreToPostgres } from '../../src/backend/db/postgres/copySqliteStoreToPostgres';
import { freshPostgresDatabase, postgresSkipReason, postgresTestUrl } from './postgresTestDatabase';

export type StoreDialectName = 'sqlite' | 'postgres';

/**
 * A migrated PostgreSQL store (a fresh database on the test server, dropped after the file)
 * holding every row of `sqlite`, copied with COPY: both blocks start from the very same rows (ids
 * included), whereas tests/helpers/testStore.ts's postgres project imports the fixture anew.
 */
export async function postgresCopyOf(sqlite: Store, baseUrl: string): Promise<Store> {
  const url = await freshPostgresDatabase(baseUrl);
  const store = await openStoreAt(url);
  await copySqliteStoreToPostgres(sqlite.sqlite, url);
  return store;
}

/**
 * Runs `body` on SQLite always and on PostgreSQL when KAOPING_TEST_PG names a server (else that
 * block is skipped, its title saying why). `build` makes the fixture once on SQLite; before any
 * test runs it is copied into PostgreSQL, so each block starts from the same rows and what one
 * block writes is not seen by the other. `fixture()` gives the block's fixture, with its store.
 */
export function describeOnBothStores<T extends { store: Store }>(
  title: string,
  build: () => Promise<T>,
  body: (fixture: () => T, dialect: StoreDialectName) => void,
  timeout = 240_000,
): void {
  const url = postgresTestUrl();
  describe(title, () => {
    let onSqlite: T | undefined;
    let onPostgres: T | undefined;
    beforeAll(async () => {
      onSqlite = await build();
      if (url) onPostgres = { ...onSqlite, store: await postgresCopyOf(onSqlite.store, url) };
    }, timeout);
    afterAll(async () => {
      await onPostgres?.store.close();
      await onSqlite?.store.close();
    });
    const given = (fixture: T | undefined): T => {
      if (!fixture) throw new Error('the fixture was not built (see the beforeAll error)');
      return fixture;
    };
    describe('on SQLite', () => body(() => given(onSqlite), 'sqlite'));
    describe.skipIf(!url)(`on PostgreSQL${postgresSkipReason()}`, () => body(() => given(onPostgres), 'postgres'));
  });
}
