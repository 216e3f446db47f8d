import { sql, type Kysely } from 'kysely';
import { DELETE_ORDER, REFERENCES } from '../db/kindTables';
import type { Database, ImportedTableName } from '../db/schema';

/**
 * The later batches that must be undone before this one (undoBatch follows them transitively):
 * those that changed, since, rows this batch inserted or updated, and those whose rows point at
 * rows this batch inserted. In batch id order, without this batch.
 */
export async function laterBatchesInTheWay(db: Kysely<Database>, batchId: number): Promise<number[]> {
  const found = new Set<number>();
  const add = (rows: { batch_id: number }[]) => rows.forEach((r) => found.add(r.batch_id));
  const tables = [...new Set<ImportedTableName>(DELETE_ORDER)];
  for (const table of tables) {
    // Rows this batch inserted that a later batch changed since.
    add(await db.selectFrom(table).select('batch_id').distinct().where('created_batch_id', '=', batchId).where('batch_id', '!=', batchId).execute());
  }
  // Rows this batch inserted or updated that a later batch changed in between, though another
  // batch changed them since (an edit, then putting it back): each of those must be undone too.
  add(
    await db
      .selectFrom('row_history as h1')
      .innerJoin('row_history as h2', (join) =>
        join.onRef('h2.table_name', '=', 'h1.table_name').onRef('h2.row_id', '=', 'h1.row_id').onRef('h2.id', '>', 'h1.id'),
      )
      .select('h2.batch_id')
      .distinct()
      .where('h1.batch_id', '=', batchId)
      .execute(),
  );
  for (const table of tables) {
    // The table is named at run time: joined by raw name (portable SQL).
    add(
      await sql<{ batch_id: number }>`select distinct h.batch_id from row_history h join ${sql.table(table)} t on t.id = h.row_id
        where h.table_name = ${table} and t.created_batch_id = ${batchId} and h.batch_id != ${batchId}`
        .execute(db)
        .then((r) => r.rows),
    );
  }
  // Rows this batch updated that a later batch changed again.
  const updated = await db.selectFrom('row_history').select(['table_name', 'row_id']).where('batch_id', '=', batchId).execute();
  for (const u of updated) {
    const row = await db
      .selectFrom(u.table_name as ImportedTableName)
      .select('batch_id')
      .where('id', '=', u.row_id)
      .executeTakeFirst();
    if (row && row.batch_id !== batchId) found.add(row.batch_id);
  }
  // Another batch's rows that point at rows this batch inserted (unless this batch itself linked
  // them, late master data: undoing it unlinks them again from row_history first).
  for (const ref of REFERENCES) {
    add(
      await sql<{ batch_id: number }>`select distinct c.created_batch_id as batch_id from ${sql.table(ref.from)} c
        join ${sql.table(ref.to)} p on p.id = c.${sql.ref(ref.column)}
        where p.created_batch_id = ${batchId} and c.created_batch_id != ${batchId} and c.batch_id != ${batchId}`
        .execute(db)
        .then((r) => r.rows),
    );
  }
  found.delete(batchId);
  return [...found].sort((a, b) => a - b);
}
