import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  JOURNAL_COLUMNS,
  type ColumnChange,
  type JournalRows,
  type RowUpserter,
  type SqlValue,
  type Upserters,
  type UpsertOutcome,
} from '../rowUpserter';
import type { Database, ImportedTableName } from '../schema';
import { copyField } from './copySqliteStoreToPostgres';
import { transactionClient } from './transactionClient';

type StoredRow = Record<string, SqlValue>;

/**
 * Rows staged before a flush between rows writes them. The per-row cost is the server's (indexes,
 * foreign keys), not the trips: larger batches measured about the same.
 */
const FLUSH_ROWS = 2_000;

/** Rows of a keyed table (prepare) the import reads ahead: their stored rows are loaded in one query. */
const LOOK_AHEAD_ROWS = 5_000;

/** Columns every imported table has and the upserters set themselves. */
const OWN_COLUMNS = ['id', 'nk', 'created_batch_id', 'batch_id'];

/** A numeric literal as SQLite's numeric affinity takes it from text. */
const NUMERIC_TEXT = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

function sameValue(a: SqlValue, b: SqlValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) < 1e-9;
  return a === b;
}

/**
 * One table as this batch sees it: its rows by natural key and id, loaded once under a lock that
 * keeps other writers of the table out until the batch commits (readers go on), and the rows this
 * batch changed, waiting to be copied in.
 */
class TableState {
  readonly byNk = new Map<string, number>();
  readonly rows = new Map<number, StoredRow>();
  /** Ids written by this batch since the last flush → whether the batch inserted them. */
  readonly staged = new Map<number, boolean>();
  /** The columns the batch writes (besides OWN_COLUMNS), in the order first given. */
  readonly writeColumns: string[] = [];
  private textColumns = new Set<string>();
  private numberColumns = new Set<string>();
  private nextId = 1;
  private lastAssigned = 0;
  /** The last id the sequence was moved to. */
  private sequenceAt = 0;
  /** Ids from here on were inserted since the last flush (ids are handed out in order); those below it are updates. */
  private flushedBelow = 1;
  private stagingMade = false;
  /** Journal entries by manager and day (JournalCorrections), built when first asked. */
  private byDay: Map<string, number[]> | undefined;

  constructor(
    readonly table: ImportedTableName,
    private sequence: string | null,
    /** Only the rows of the keys announced (prefetch) are held, not the whole table. */
    readonly keyed: boolean,
  ) {}

  static async load(db: Kysely<Database>, table: ImportedTableName, keyed: boolean): Promise<TableState> {
    // SHARE ROW EXCLUSIVE: conflicts with itself and with every row write, not with reads. The ids
    // handed out below are then this batch's alone.
    await sql`lock table ${sql.table(table)} in share row exclusive mode`.execute(db);
    const seq = await sql<{ name: string | null }>`select pg_get_serial_sequence(${table}, 'id') as name`.execute(db);
    const state = new TableState(table, seq.rows[0]?.name ?? null, keyed);
    const types = await sql<{ column_name: string; data_type: string }>`select column_name, data_type from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`.execute(db);
    for (const t of types.rows) {
      if (t.data_type === 'text') state.textColumns.add(t.column_name);
      else if (t.data_type === 'bigint' || t.data_type === 'double precision' || t.data_type === 'integer') state.numberColumns.add(t.column_name);
    }
    let maxId = 0;
    if (state.sequence !== null) {
      const s = await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from ${sql.raw(state.sequence)}`.execute(db);
      const row = s.rows[0];
      if (row) maxId = row.is_called ? Number(row.last_value) : Number(row.last_value) - 1;
    }
    const dyn = db as unknown as Kysely<Record<string, StoredRow>>;
    if (keyed) {
      const top = await dyn.selectFrom(table).select((eb) => eb.fn.max<number | null>('id').as('id')).executeTakeFirst();
      maxId = Math.max(maxId, Number(top?.id ?? 0));
    } else {
      state.hold(await dyn.selectFrom(table).selectAll().execute());
      for (const id of state.rows.keys()) if (id > maxId) maxId = id;
    }
    // As SQLite's AUTOINCREMENT: past every id the table ever gave out.
    state.nextId = maxId + 1;
    state.flushedBelow = state.nextId;
    return state;
  }

  private hold(rows: StoredRow[]): void {
    for (const r of rows) {
      const id = Number(r.id);
      this.rows.set(id, r);
      this.byNk.set(String(r.nk), id);
    }
  }

  /**
   * A keyed table: forgets the rows held for the rows before (written out: the caller flushed) and
   * loads the stored rows of these keys. A key written earlier in this batch is found in the table.
   */
  async prefetch(db: Kysely<Database>, nks: readonly string[]): Promise<void> {
    if (!this.keyed) throw new Error(`postgresUpserters: ${this.table} holds the whole table, it is not prefetched by key`);
    if (this.staged.size > 0) throw new Error(`postgresUpserters: ${this.table} has rows not yet written`);
    this.rows.clear();
    this.byNk.clear();
    if (nks.length === 0) return;
    const dyn = db as unknown as Kysely<Record<string, StoredRow>>;
    // Through the key's unique index, always: the table grows inside this transaction faster than
    // its statistics, and a sequential scan per block made a 1M-row import quadratic (twice as slow).
    await sql`set local enable_seqscan = off`.execute(db);
    try {
      this.hold(await dyn.selectFrom(this.table).selectAll().where(sql<boolean>`nk = any(${nks as string[]}::text[])`).execute());
    } finally {
      await sql`set local enable_seqscan to default`.execute(db);
    }
  }

  useColumns(columns: readonly string[]): void {
    for (const c of columns) if (!this.writeColumns.includes(c)) this.writeColumns.push(c);
  }

  /** A value as the column stores it (SQLite's affinities: numbers in text columns become text, numeric text in number columns a number). */
  normalise(column: string, value: SqlValue | undefined): SqlValue {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && this.textColumns.has(column)) return String(value);
    if (typeof value === 'string' && this.numberColumns.has(column) && NUMERIC_TEXT.test(value)) return Number(value);
    return value;
  }

  assignId(): number {
    const id = this.nextId;
    this.nextId += 1;
    this.lastAssigned = id;
    return id;
  }

  put(id: number, row: StoredRow, inserted: boolean): void {
    const before = this.rows.get(id);
    this.rows.set(id, row);
    if (!this.staged.has(id)) this.staged.set(id, inserted);
    if (this.byDay !== undefined) {
      if (before !== undefined) {
        const list = this.byDay.get(dayKey(before));
        const at = list?.indexOf(id) ?? -1;
        if (list && at >= 0) list.splice(at, 1);
      }
      const key = dayKey(row);
      const list = this.byDay.get(key) ?? [];
      // Ids grow: a new row goes last; a moved one to its place.
      let at = list.length;
      while (at > 0 && (list[at - 1] as number) > id) at -= 1;
      list.splice(at, 0, id);
      this.byDay.set(key, list);
    }
  }

  sameDay(managerId: SqlValue, date: SqlValue): number[] {
    if (this.byDay === undefined) {
      this.byDay = new Map();
      for (const [id, row] of [...this.rows].sort((a, b) => a[0] - b[0])) {
        const key = dayKey(row);
        const list = this.byDay.get(key) ?? [];
        list.push(id);
        this.byDay.set(key, list);
      }
    }
    return this.byDay.get(`${String(managerId)}|${String(date)}`) ?? [];
  }

  /** Copies the staged rows into a temporary table, then writes them with one insert … on conflict do update. */
  async flush(client: pg.PoolClient): Promise<void> {
    if (this.staged.size === 0) {
      await this.moveSequence(client);
      return;
    }
    const quote = (name: string) => `"${name}"`;
    const table = quote(this.table);
    const columns = [...OWN_COLUMNS, ...this.writeColumns];
    const list = columns.map(quote).join(', ');
    const rows = this.rows;
    const copyRows = async (ids: number[], into: string): Promise<number> => {
      async function* lines(): AsyncGenerator<string> {
        let chunk = '';
        for (const id of ids) {
          const row = rows.get(id) as StoredRow;
          chunk += `${columns.map((c) => copyField(row[c] ?? null)).join('\t')}\n`;
          if (chunk.length > 1 << 16) {
            yield chunk;
            chunk = '';
          }
        }
        if (chunk.length > 0) yield chunk;
      }
      const copy = client.query(copyFrom(`copy ${into} (${list}) from stdin`));
      await pipeline(Readable.from(lines()), copy);
      return copy.rowCount ?? 0;
    };
    // Rows there before are updated first (a corrected journal entry may free the key a new one
    // takes), through a temporary table, then the new rows copied straight into the table (ids
    // are handed out in order: those from flushedBelow on are new). created_batch_id stays the
    // inserting batch's; everything else the batch wrote is set.
    const ids = [...this.staged.keys()];
    const inserts = ids.filter((id) => id >= this.flushedBelow);
    const updates = ids.filter((id) => id < this.flushedBelow);
    let written = 0;
    if (updates.length > 0) {
      const stage = quote(`kaoping_stage_${this.table}`);
      if (!this.stagingMade) {
        await client.query(`create temp table if not exists ${stage} (like ${table} including defaults) on commit drop`);
        this.stagingMade = true;
      }
      await client.query(`truncate ${stage}`);
      await copyRows(updates, stage);
      const set = ['nk', 'batch_id', ...this.writeColumns].map((c) => `${quote(c)} = s.${quote(c)}`).join(', ');
      written += (await client.query(`update ${table} t set ${set} from ${stage} s where t.id = s.id`)).rowCount ?? 0;
    }
    if (inserts.length > 0) written += await copyRows(inserts, table);
    if (written !== ids.length) throw new Error(`${this.table}: ${ids.length} rows staged, ${written} written`);
    this.flushedBelow = this.nextId;
    await this.moveSequence(client);
    this.staged.clear();
  }

  /** The table's sequence past every id handed out (inserted or burnt), as SQLite's sqlite_sequence: the next batch starts after them. */
  private async moveSequence(client: pg.PoolClient): Promise<void> {
    if (this.sequence === null || this.lastAssigned <= this.sequenceAt) return;
    await client.query('select setval($1::regclass, greatest($2::bigint, (select last_value from ' + this.sequence + ')))', [this.sequence, this.lastAssigned]);
    this.sequenceAt = this.lastAssigned;
  }
}

function dayKey(row: StoredRow): string {
  return `${String(row.manager_id ?? null)}|${String(row.date ?? null)}`;
}

class PostgresTableUpserter implements RowUpserter {
  lastChanges: ColumnChange[] = [];
  insertedRows = 0;
  firstInsertedId: number | null = null;
  private last: SqlValue[] = [];
  private readonly keptSlots: number[];
  /**
   * As SQLite's upserter (db/sqlite/tableUpserter): after an insert (and at first) it tries the
   * next row as an insert … on conflict do nothing, and a row already there then burns an
   * AUTOINCREMENT id. The same ids are burnt here, so both stores hand out the same ids after.
   */
  private insertFirst = true;

  constructor(
    private readonly state: TableState,
    private readonly columns: readonly string[],
    private readonly batchId: number,
    private readonly history: (table: string, id: number, old: StoredRow) => void,
    keep: ReadonlySet<string>,
  ) {
    state.useColumns(columns);
    this.keptSlots = columns.flatMap((c, i) => (keep.has(c) ? [i] : []));
  }

  get table(): ImportedTableName {
    return this.state.table;
  }

  upsert(nk: string, values: Record<string, SqlValue>): { outcome: UpsertOutcome; id: number } {
    const { state, columns } = this;
    const row = columns.map((c) => state.normalise(c, values[c]));
    this.last = row;
    const found = state.byNk.get(nk);
    if (found === undefined) {
      const id = state.assignId();
      const stored: StoredRow = { id, nk, created_batch_id: this.batchId, batch_id: this.batchId };
      columns.forEach((c, i) => (stored[c] = row[i] ?? null));
      state.byNk.set(nk, id);
      state.put(id, stored, true);
      this.lastChanges = [];
      this.insertedRows += 1;
      this.insertFirst = true;
      this.firstInsertedId ??= id;
      return { outcome: 'inserted', id };
    }
    if (this.insertFirst) state.assignId();
    this.insertFirst = false;
    const existing = state.rows.get(found) as StoredRow;
    for (const i of this.keptSlots) row[i] = existing[columns[i] as string] ?? null;
    const changes: ColumnChange[] = [];
    columns.forEach((c, i) => {
      const before = existing[c] ?? null;
      if (!sameValue(before, row[i] ?? null)) changes.push({ column: c, old: before, new: row[i] ?? null });
    });
    this.lastChanges = changes;
    if (changes.length === 0) return { outcome: 'unchanged', id: found };
    // As SQLite's upserter keeps it: the batch, then the columns written, as they were.
    const old: StoredRow = { batch_id: existing.batch_id ?? null };
    for (const c of columns) old[c] = existing[c] ?? null;
    this.history(state.table, found, old);
    const updated: StoredRow = { ...existing, batch_id: this.batchId };
    columns.forEach((c, i) => (updated[c] = row[i] ?? null));
    state.put(found, updated, false);
    return { outcome: 'updated', id: found };
  }

  valueOf(column: string): SqlValue {
    const i = this.columns.indexOf(column);
    return i < 0 ? null : (this.last[i] ?? null);
  }
}

/**
 * An import batch's writers on PostgreSQL, inside the batch's transaction (`trx`). A round trip
 * per row would cost more than the import itself, so each table the kind writes is loaded once
 * (prepare, under a lock that keeps other writers of the table out), every upsert is answered
 * from it at once (inserted, updated with what changed, or unchanged; ids handed out in order, as
 * SQLite's AUTOINCREMENT gives them), and the written rows are copied in with COPY and written by
 * one `insert … on conflict (id) do update` per table at each flush; row_history (the old values,
 * as SQLite's upserter writes them) is copied in after, in the order the rows were changed.
 * Holding a table in memory is what a district's import costs; the city server's tables are
 * loaded per district once rows carry one (docs/postgres-plan.md).
 */
export function postgresUpserters(trx: Kysely<Database>, batchId: number): Upserters {
  const states = new Map<ImportedTableName, TableState>();
  const history: string[] = [];
  const keepHistory = (table: string, id: number, old: StoredRow) => {
    history.push([batchId, table, id, JSON.stringify(old)].map(copyField).join('\t'));
  };
  const stateOf = (table: ImportedTableName): TableState => {
    const state = states.get(table);
    if (!state) throw new Error(`postgresUpserters: table ${table} was not prepared for this import`);
    return state;
  };
  /** Writes what is staged; `all` false (between rows): only once enough rows are staged. */
  const flush = async (all: boolean): Promise<void> => {
    const staged = [...states.values()].reduce((n, s) => n + s.staged.size, 0) + history.length;
    if (staged === 0 || (!all && staged < FLUSH_ROWS)) return;
    const client = await transactionClient(trx);
    for (const state of states.values()) await state.flush(client);
    if (history.length > 0) {
      const lines = history.splice(0, history.length);
      await pipeline(
        Readable.from([`${lines.join('\n')}\n`]),
        client.query(copyFrom('copy row_history (batch_id, table_name, row_id, old_json) from stdin')),
      );
    }
  };
  return {
    upserter: (table, columns, keep = new Set()) => new PostgresTableUpserter(stateOf(table), columns, batchId, keepHistory, keep),
    journalRows: (): JournalRows => {
      const state = stateOf('journals');
      state.useColumns(JOURNAL_COLUMNS);
      return {
        hasKey: (nk) => state.byNk.has(nk),
        sameDay: (managerId, date) =>
          state
            .sameDay(managerId, date)
            .map((id) => state.rows.get(id) as StoredRow)
            .filter((row) => row.created_batch_id !== batchId)
            .map((row) => {
              const entry: StoredRow & { id: number } = { id: Number(row.id), nk: row.nk ?? null, batch_id: row.batch_id ?? null };
              for (const c of JOURNAL_COLUMNS) entry[c] = row[c] ?? null;
              return entry;
            }),
        rewrite: (id, nk, values, old) => {
          keepHistory('journals', id, old);
          const existing = state.rows.get(id) as StoredRow;
          const updated: StoredRow = { ...existing, nk, batch_id: batchId };
          for (const c of JOURNAL_COLUMNS) updated[c] = state.normalise(c, values[c]);
          state.byNk.delete(String(existing.nk));
          state.byNk.set(nk, id);
          state.put(id, updated, false);
        },
      };
    },
    suspendIndexes: async () => ({ names: [], restore: async () => {} }),
    prepare: async (tables, keyed) => {
      for (const table of tables) if (!states.has(table)) states.set(table, await TableState.load(trx, table, table === keyed));
    },
    lookAhead: LOOK_AHEAD_ROWS,
    prefetch: async (table, nks) => {
      await flush(true);
      await stateOf(table).prefetch(trx, nks);
    },
    flush: (all = true) => flush(all),
  };
}
