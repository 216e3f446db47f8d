import { jaccard } from '../../../core/similarity/jaccard';
import { trigramSet } from '../../../core/similarity/trigramSet';
import type { JournalRows, SqlValue } from '../../db/rowUpserter';

/** Without a retailer, an entry this close to a stored one of the same manager and day corrects it. */
const CORRECTION_MIN_JACCARD = 0.5;

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
  private readonly claimed = new Set<number>();

  /** `rows`: the store's journal entries as this batch sees them (db/sqlite/sqliteJournalRows, db/postgres/postgresUpserters). */
  constructor(private readonly rows: JournalRows) {}

  /** Marks a stored entry as this import's: it is not corrected by a later row of the file. */
  claim(id: number): void {
    this.claimed.add(id);
  }

  /**
   * Updates the stored entry `values` corrects and returns its id; undefined when the key is
   * already stored (an ordinary re-import) or nothing is corrected (a new entry).
   */
  correct(nk: string, values: Record<string, SqlValue>): number | undefined {
    if (this.rows.hasKey(nk)) return undefined;
    const rows: StoredEntry[] = this.rows.sameDay(values.manager_id ?? null, values.date ?? null);
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
    this.rows.rewrite(id, nk, values, old);
    this.claimed.add(id);
    return id;
  }
}
