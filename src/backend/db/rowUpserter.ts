import type { ImportedTableName } from './schema';

/** A value a row holds: text, a number, or nothing (SQLite's storage classes without blobs). */
export type SqlValue = string | number | null;

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

/** One stored value an update changed. */
export interface ColumnChange {
  column: string;
  old: SqlValue;
  new: SqlValue;
}

/**
 * Writes one imported table's rows by natural key: inserts a row, updates it (its old values go to
 * row_history so the batch can be undone), or leaves it alone when nothing changed. The answer is
 * given at once, per row (the writer links later rows to the ids of earlier ones); how and when the
 * rows reach the database is the dialect's (db/sqlite/tableUpserter, db/postgres/postgresUpserters).
 */
export interface RowUpserter {
  readonly table: ImportedTableName;
  upsert(nk: string, values: Record<string, SqlValue>): { outcome: UpsertOutcome; id: number };
  /** The value the last upsert left in a column (the stored one where the column was kept). */
  valueOf(column: string): SqlValue;
  /** What the last upsert that updated a row changed (empty after an insert or an unchanged row). */
  readonly lastChanges: ColumnChange[];
  /** Rows this upserter inserted, and the id of the first (ids below it were there before). */
  readonly insertedRows: number;
  readonly firstInsertedId: number | null;
}

/** The journal columns the writer sets; all of them are kept in row_history when an entry is corrected. */
export const JOURNAL_COLUMNS = [
  'date',
  'manager_id',
  'retailer_id',
  'retailer_ref',
  'retailer_name',
  'arrived_at',
  'left_at',
  'method',
  'content',
  'problems',
  'actions',
  'price_marked',
  'display_ok',
  'violation',
] as const;

/** The journal rows JournalCorrections looks at and corrects (services/import/journalCorrections). */
export interface JournalRows {
  /** Whether an entry with this natural key is stored. */
  hasKey(nk: string): boolean;
  /** The manager's entries of the day not added by this batch, by id. */
  sameDay(managerId: SqlValue, date: SqlValue): (Record<string, SqlValue> & { id: number })[];
  /** Rewrites the stored entry `id` (its key included), keeping `old` in row_history. */
  rewrite(id: number, nk: string, values: Record<string, SqlValue>, old: Record<string, SqlValue>): void;
}

/** Indexes dropped for a bulk load, and how to put them back. */
export interface SuspendedIndexes {
  readonly names: readonly string[];
  restore(): Promise<void>;
}

/**
 * One import batch's writers, made for the store the batch is written to. The import calls
 * prepare() before the first row and flush() between rows (every few thousand, and before the
 * batch's own statements at its end): on SQLite both are no-ops (each row is written when it is
 * upserted); on PostgreSQL rows are staged and written in bulk.
 */
export interface Upserters {
  upserter(table: ImportedTableName, columns: readonly string[], keep?: ReadonlySet<string>): RowUpserter;
  journalRows(): JournalRows;
  /** Drops a table's secondary indexes for a bulk load (SQLite; nothing to do on PostgreSQL). */
  suspendIndexes(table: ImportedTableName, keep: readonly string[]): Promise<SuspendedIndexes>;
  /**
   * `keyed`: one of the tables whose rows the import announces by key ahead of writing them
   * (prefetch), so that only those rows need be at hand; the other tables are prepared whole.
   */
  prepare(tables: readonly ImportedTableName[], keyed?: ImportedTableName): Promise<void>;
  /**
   * How many rows the import reads ahead and announces with prefetch() before writing them (0: it
   * need not; SQLite answers each upsert from the database itself).
   */
  readonly lookAhead: number;
  /** The keys the next rows of the keyed table are upserted under (what was written before is flushed first). */
  prefetch(table: ImportedTableName, nks: readonly string[]): Promise<void>;
  /** Writes what is staged; `all` false (between rows): only once enough rows are staged. */
  flush(all?: boolean): Promise<void>;
}
