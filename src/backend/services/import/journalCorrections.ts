import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { jaccard } from '../../../core/similarity/jaccard';
import { trigramSet } from '../../../core/similarity/trigramSet';
import { param, prepareQuery, type PreparedQuery, type SqlValue } from '../../db/sqlite/preparedQuery';
import type { Database } from '../../db/schema';

/** Without a retailer, an entry this close to a stored one of the same manager and day corrects it. */
const CORRECTION_MIN_JACCARD = 0.5;

/** The journal columns the writer sets; all of them are kept in row_history when an entry is corrected. */
const JOURNAL_COLUMNS = [
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

type StoredEntry = Record<string, SqlValue> & { id: number };

/**
 * A corrected export replaces, it does not add: a journal's natural key holds its text (two
 * entries of one day at one shop differ only by text), so an entry whose text was corrected
 * has a new key. Before such an entry is inserted, this looks for the entry it corrects: the
 * same manager's entry of the same day at the same retailer, or, without a retailer, a
 * near-copy of it (Jaccard ≥ CORRECTION_MIN_JACCARD) by the same manager on the same day; the
 * closest text wins. That entry is updated in place, its key included, and its old values go
 * to row_history, so undoing the import puts the old text back. An entry is corrected at most
 * once per import, and an entry this import matched exactly is never taken.
 */
export class JournalCorrections {
  private readonly byKey: PreparedQuery;
  private readonly sameDay: PreparedQuery;
  private readonly update: PreparedQuery;
  private readonly history: PreparedQuery;
  private readonly claimed = new Set<number>();

  constructor(db: Kysely<Database>, sqlite: BetterSqlite3.Database, private readonly batchId: number) {
    const dyn = db as unknown as Kysely<Record<string, Record<string, SqlValue>>>;
    this.byKey = prepareQuery(sqlite, dyn.selectFrom('journals').select('id').where('nk', '=', param('nk')).compile());
    this.sameDay = prepareQuery(
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
    this.update = prepareQuery(sqlite, dyn.updateTable('journals').set(set).where('id', '=', param('id')).compile());
    this.history = prepareQuery(
      sqlite,
      dyn
        .insertInto('row_history')
        .values({ batch_id: param('batch'), table_name: param('table'), row_id: param('id'), old_json: param('old') })
        .compile(),
    );
  }

  /** Marks a stored entry as this import's: it is not corrected by a later row of the file. */
  claim(id: number): void {
    this.claimed.add(id);
  }

  /**
   * Updates the stored entry `values` corrects and returns its id; undefined when the key is
   * already stored (an ordinary re-import) or nothing is corrected (a new entry).
   */
  correct(nk: string, values: Record<string, SqlValue>): number | undefined {
    if (this.byKey.statement.get(this.byKey.bind({ nk }))) return undefined;
    const rows = this.sameDay.statement.all(
      this.sameDay.bind({ manager: values.manager_id ?? null, date: values.date ?? null, batch: this.batchId }),
    ) as StoredEntry[];
    if (rows.length === 0) return undefined;
    const place = (v: Record<string, SqlValue>) => (v.retailer_id !== null && v.retailer_id !== undefined ? `id:${v.retailer_id}` : (v.retailer_ref ?? v.retailer_name ?? null));
    const wanted = place(values);
    let grams: Set<string> | undefined;
    let best: { row: StoredEntry; score: number } | undefined;
    for (const row of rows) {
      if (this.claimed.has(row.id) || place(row) !== wanted) continue;
      grams ??= trigramSet(String(values.content ?? ''));
      const score = jaccard(grams, trigramSet(String(row.content ?? '')));
      if (wanted === null && score < CORRECTION_MIN_JACCARD) continue;
      if (!best || score > best.score) best = { row, score };
    }
    if (!best) return undefined;
    const { id, ...old } = best.row;
    this.history.statement.run(this.history.bind({ batch: this.batchId, table: 'journals', id, old: JSON.stringify(old) }));
    this.update.statement.run(this.update.bind({ ...values, nk, batch: this.batchId, id }));
    this.claimed.add(id);
    return id;
  }
}
