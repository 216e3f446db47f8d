import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema';

/** Indexes dropped for a bulk load, and how to put them back. */
export interface SuspendedIndexes {
  readonly names: readonly string[];
  /** Recreates every dropped index from its own saved CREATE INDEX statement. */
  restore(): Promise<void>;
}

/**
 * Drops a table's secondary indexes (those made by CREATE INDEX, not the UNIQUE constraints'
 * automatic ones that upserts look rows up by) so that a large load does not pay a random B-tree
 * insert per row into each of them: building an index afterwards sorts the whole table once,
 * which is several times cheaper than half a million scattered inserts.
 *
 * Must run inside the caller's transaction and be restored in it before commit: SQLite's DDL is
 * transactional, so a rollback (error, cancel, crash) brings the indexes back untouched, and a
 * commit never sees the table without them. Each index is recreated from the exact SQL stored in
 * sqlite_master, so the schema afterwards is the one the migrations made.
 */
export async function suspendIndexes(db: Kysely<Database>, table: string, keep: readonly string[] = []): Promise<SuspendedIndexes> {
  const { rows: all } = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master
    WHERE type = 'index' AND tbl_name = ${table} AND sql IS NOT NULL
    ORDER BY name`.execute(db);
  // Indexes the rest of the load still looks rows up by stay.
  const rows = all.filter((index) => !keep.includes(index.name));
  for (const index of rows) await sql`DROP INDEX ${sql.id(index.name)}`.execute(db);
  let restored = false;
  return {
    names: rows.map((r) => r.name),
    restore: async () => {
      if (restored) return;
      restored = true;
      for (const index of rows) await sql.raw(index.sql).execute(db);
    },
  };
}
