import type { Store } from '../openStore';
import type { Upserters } from '../rowUpserter';
import { sqliteJournalRows } from './sqliteJournalRows';
import { suspendIndexes } from './suspendIndexes';
import { TableUpserter } from './tableUpserter';

/** An import batch's writers on SQLite: prepared statements, each row written as it is upserted. */
export function sqliteUpserters(store: Store, batchId: number): Upserters {
  return {
    upserter: (table, columns, keep) => new TableUpserter(store.db, store.sqlite, table, columns, batchId, keep),
    journalRows: () => sqliteJournalRows(store.db, store.sqlite, batchId),
    suspendIndexes: (table, keep) => suspendIndexes(store.db, table, keep),
    prepare: async () => {},
    lookAhead: 0,
    prefetch: async () => {},
    flush: async () => {},
  };
}
