import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

/**
 * Runs `work` in a transaction and gives it the transaction's executor: a new one on a database
 * (`db.transaction()`: BEGIN IMMEDIATE on SQLite, BEGIN on PostgreSQL), the caller's when `db` is
 * already a transaction (its work joins it). Work inside must use the executor it is given.
 */
export async function transact<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx: Transaction<Database>) => work(trx));
}
