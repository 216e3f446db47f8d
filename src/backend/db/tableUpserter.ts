import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { param, prepareQuery, type PreparedQuery, type SqlValue } from './preparedQuery';
import type { Database, ImportedTableName } from './schema';

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Writes one imported row by natural key: inserts it, updates it (keeping the old values in
 * row_history so the batch can be undone), or leaves it alone when nothing changed.
 */
export class TableUpserter {
  private readonly select: PreparedQuery;
  private readonly insert: PreparedQuery;
  private readonly update: PreparedQuery;
  private readonly history: PreparedQuery;

  constructor(
    db: Kysely<Database>,
    sqlite: BetterSqlite3.Database,
    readonly table: ImportedTableName,
    private readonly columns: readonly string[],
    private readonly batchId: number,
  ) {
    // The table and its columns are chosen at run time here, so the builder is untyped on purpose;
    // the column lists come from the typed row builders of each kind.
    const dyn = db as unknown as Kysely<Record<string, Record<string, SqlValue>>>;
    const all = ['id', 'batch_id', ...columns];
    this.select = prepareQuery(
      sqlite,
      dyn.selectFrom(table).select(all).where('nk', '=', param('nk')).compile(),
    );
    const insertValues: Record<string, string> = { nk: param('nk'), created_batch_id: param('batch'), batch_id: param('batch') };
    const updateValues: Record<string, string> = { batch_id: param('batch') };
    for (const c of columns) {
      insertValues[c] = param(c);
      updateValues[c] = param(c);
    }
    this.insert = prepareQuery(sqlite, dyn.insertInto(table).values(insertValues).compile());
    this.update = prepareQuery(sqlite, dyn.updateTable(table).set(updateValues).where('id', '=', param('id')).compile());
    this.history = prepareQuery(
      sqlite,
      dyn
        .insertInto('row_history')
        .values({ batch_id: param('batch'), table_name: param('table'), row_id: param('id'), old_json: param('old') })
        .compile(),
    );
  }

  upsert(nk: string, values: Record<string, SqlValue>): { outcome: UpsertOutcome; id: number } {
    const existing = this.select.statement.get(this.select.bind({ nk })) as Record<string, SqlValue> | undefined;
    if (!existing) {
      const info = this.insert.statement.run(this.insert.bind({ ...values, nk, batch: this.batchId }));
      return { outcome: 'inserted', id: Number(info.lastInsertRowid) };
    }
    const id = Number(existing.id);
    if (this.columns.every((c) => sameValue(existing[c] ?? null, values[c] ?? null))) {
      return { outcome: 'unchanged', id };
    }
    const { id: _id, ...old } = existing;
    this.history.statement.run(this.history.bind({ batch: this.batchId, table: this.table, id, old: JSON.stringify(old) }));
    this.update.statement.run(this.update.bind({ ...values, batch: this.batchId, id }));
    return { outcome: 'updated', id };
  }
}

function sameValue(a: SqlValue, b: SqlValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) < 1e-9;
  return a === b;
}
