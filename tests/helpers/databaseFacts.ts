import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

export interface DatabaseFacts {
  integrity: string[];
  brands: number;
  committedBatches: number;
  /** Committed batches whose inserted count differs from the rows that name them as creator. */
  batchesWithoutTheirRows: number;
  /** Rows whose creating batch is not a committed batch. */
  rowsWithoutBatch: number;
}

/** Looks at a database from a separate read-only connection, as a later start of the app would. */
export function databaseFacts(file: string): DatabaseFacts {
  const created = !fs.existsSync(`${file}-wal`);
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const one = (sql: string): number => Number((db.prepare(sql).get() as { n: number }).n);
    return {
      integrity,
      brands: one('SELECT count(*) AS n FROM brands'),
      committedBatches: one("SELECT count(*) AS n FROM import_batches WHERE status = 'committed'"),
      batchesWithoutTheirRows: one(`SELECT count(*) AS n FROM import_batches b WHERE b.status = 'committed'
        AND b.inserted <> (SELECT count(*) FROM brands r WHERE r.created_batch_id = b.id)`),
      rowsWithoutBatch: one(`SELECT count(*) AS n FROM brands r WHERE NOT EXISTS
        (SELECT 1 FROM import_batches b WHERE b.id = r.created_batch_id AND b.status = 'committed')`),
    };
  } finally {
    db.close();
    // A read-only look at a backup (WAL-mode header) leaves an empty -wal and a -shm behind.
    if (created && fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size === 0) {
      fs.rmSync(`${file}-wal`);
      fs.rmSync(`${file}-shm`, { force: true });
    }
  }
}
