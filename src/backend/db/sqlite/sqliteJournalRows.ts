import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { JOURNAL_COLUMNS, type JournalRows, type SqlValue } from '../rowUpserter';
import type { Database } from '../schema';
import { param, prepareQuery } from './preparedQuery';

/** JournalCorrections' lookups and rewrites as prepared better-sqlite3 statements, run per row of a journal file. */
export function sqliteJournalRows(db: Kysely<Database>, sqlite: BetterSqlite3.Database, batchId: number): JournalRows {
  const dyn = db as unknown as Kysely<Record<string, Record<string, SqlValue>>>;
  const byKey = prepareQuery(sqlite, dyn.selectFrom('journals').select('id').where('nk', '=', param('nk')).compile());
  const sameDay = prepareQuery(
    sqlite,
    dyn
      .selectFrom('journals')
      .select(['id', 'nk', 'batch_id', ...JOURNAL_COLUMNS])
      .where('manager_id', '=', param('manager'))
      .where('date', '=', param('date'))
      // Entries this import added are its own, never corrected by it (and a file of new entries
      // then costs one indexed probe per row that finds nothing).
      .where('created_batch_id', '!=', param('batch'))
      .orderBy('id')
      .compile(),
  );
  const set: Record<string, string> = { nk: param('nk'), batch_id: param('batch') };
  for (const c of JOURNAL_COLUMNS) set[c] = param(c);
  const update = prepareQuery(sqlite, dyn.updateTable('journals').set(set).where('id', '=', param('id')).compile());
  const history = prepareQuery(
    sqlite,
    dyn
      .insertInto('row_history')
      .values({ batch_id: param('batch'), table_name: param('table'), row_id: param('id'), old_json: param('old') })
      .compile(),
  );
  return {
    hasKey: (nk) => byKey.statement.get(byKey.bind({ nk })) !== undefined,
    sameDay: (manager, date) =>
      sameDay.statement.all(sameDay.bind({ manager, date, batch: batchId })) as (Record<string, SqlValue> & { id: number })[],
    rewrite: (id, nk, values, old) => {
      history.statement.run(history.bind({ batch: batchId, table: 'journals', id, old: JSON.stringify(old) }));
      update.statement.run(update.bind({ ...values, nk, batch: batchId, id }));
    },
  };
}
