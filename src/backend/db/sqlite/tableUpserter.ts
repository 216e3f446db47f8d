import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { param, prepareQuery, type PreparedQuery, type SqlValue } from './preparedQuery';
import type { ColumnChange, RowUpserter, UpsertOutcome } from '../rowUpserter';
import type { Database, ImportedTableName } from '../schema';

/**
 * Writes one imported row by natural key: inserts it, updates it (keeping the old values in
 * row_history so the batch can be undone), or leaves it alone when nothing changed.
 *
 * Two ways to find out which: look the key up first, or insert with ON CONFLICT (nk) DO NOTHING
 * and look it up only when nothing was inserted. A file of new rows (the usual monthly import)
 * costs one index probe per row the second way instead of two; a re-imported file costs one
 * probe the first way. So the upserter goes by what the previous row turned out to be.
 */
export class TableUpserter implements RowUpserter {
  private readonly select: PreparedQuery;
  private readonly insert: PreparedQuery;
  private readonly update: PreparedQuery;
  private readonly history: PreparedQuery;
  private readonly insertParams: Binder;
  private readonly updateParams: Binder;
  private readonly row: SqlValue[];
  /** Whether the previous row was new: then the next one is tried as an insert first. */
  private insertFirst = true;
  /** Rows this upserter inserted, and the id of the first (ids below it were there before). */
  insertedRows = 0;
  firstInsertedId: number | null = null;
  /** What the last upsert that updated a row changed (empty after an insert or an unchanged row). */
  lastChanges: ColumnChange[] = [];
  private readonly keptSlots: number[];

  constructor(
    db: Kysely<Database>,
    sqlite: BetterSqlite3.Database,
    readonly table: ImportedTableName,
    private readonly columns: readonly string[],
    private readonly batchId: number,
    /**
     * Columns the file does not carry: an existing row keeps its stored value in them (a
     * three-column phone list changes phones and nothing else); a new row gets the value given.
     */
    keep: ReadonlySet<string> = new Set(),
  ) {
    this.keptSlots = columns.flatMap((c, i) => (keep.has(c) ? [i] : []));
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
    this.insert = prepareQuery(
      sqlite,
      dyn
        .insertInto(table)
        .values(insertValues)
        .onConflict((oc) => oc.column('nk').doNothing())
        .compile(),
    );
    this.update = prepareQuery(sqlite, dyn.updateTable(table).set(updateValues).where('id', '=', param('id')).compile());
    this.history = prepareQuery(
      sqlite,
      dyn
        .insertInto('row_history')
        .values({ batch_id: param('batch'), table_name: param('table'), row_id: param('id'), old_json: param('old') })
        .compile(),
    );
    // Rows are bound by position: the values in `columns` order, then nk, batch and id.
    this.row = new Array<SqlValue>(columns.length + 3).fill(null);
    const slot = new Map<string, number>(columns.map((c, i) => [c, i] as const));
    slot.set('nk', columns.length);
    slot.set('batch', columns.length + 1);
    slot.set('id', columns.length + 2);
    this.insertParams = binder(this.insert, slot);
    this.updateParams = binder(this.update, slot);
  }

  upsert(nk: string, values: Record<string, SqlValue>): { outcome: UpsertOutcome; id: number } {
    const row = this.row;
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) row[i] = values[columns[i] as string] ?? null;
    row[columns.length] = nk;
    row[columns.length + 1] = this.batchId;
    row[columns.length + 2] = null;
    if (this.insertFirst) {
      const info = this.insert.statement.run(this.insertParams(row));
      if (info.changes > 0) return this.inserted(Number(info.lastInsertRowid));
    }
    const existing = this.select.statement.get(nk) as Record<string, SqlValue> | undefined;
    if (!existing) {
      const info = this.insert.statement.run(this.insertParams(row));
      if (info.changes === 0) throw new Error(`${this.table}: row ${nk} neither found nor inserted`);
      this.insertFirst = true;
      return this.inserted(Number(info.lastInsertRowid));
    }
    this.insertFirst = false;
    const id = Number(existing.id);
    for (const i of this.keptSlots) row[i] = existing[columns[i] as string] ?? null;
    const changes: ColumnChange[] = [];
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as string;
      const before = existing[c] ?? null;
      if (!sameValue(before, row[i] ?? null)) changes.push({ column: c, old: before, new: row[i] ?? null });
    }
    this.lastChanges = changes;
    if (changes.length === 0) return { outcome: 'unchanged', id };
    const { id: _id, ...old } = existing;
    this.history.statement.run(this.history.bind({ batch: this.batchId, table: this.table, id, old: JSON.stringify(old) }));
    row[columns.length + 2] = id;
    this.update.statement.run(this.updateParams(row));
    return { outcome: 'updated', id };
  }

  /** The value the last upsert left in a column (the stored one where the column was kept). */
  valueOf(column: string): SqlValue {
    const i = this.columns.indexOf(column);
    return i < 0 ? null : (this.row[i] ?? null);
  }

  private inserted(id: number): { outcome: 'inserted'; id: number } {
    this.lastChanges = [];
    this.insertedRows += 1;
    this.firstInsertedId ??= id;
    return { outcome: 'inserted', id };
  }
}

type Binder = (row: SqlValue[]) => SqlValue[];

/** Maps a row in slot order onto a prepared statement's parameters (reusing one array). */
function binder(query: PreparedQuery, slot: Map<string, number>): Binder {
  const positions = query.names.map((n) => {
    const at = slot.get(n);
    if (at === undefined) throw new Error(`TableUpserter: no value for parameter ${n}`);
    return at;
  });
  const out = new Array<SqlValue>(positions.length).fill(null);
  return (row) => {
    for (let i = 0; i < positions.length; i++) out[i] = row[positions[i] as number] ?? null;
    return out;
  };
}

function sameValue(a: SqlValue, b: SqlValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) < 1e-9;
  return a === b;
}
