import type { Kysely } from 'kysely';
import type { Database, ImportBatchRow, NewImportBatch } from '../db/schema';

export async function insertImportBatch(db: Kysely<Database>, batch: NewImportBatch): Promise<number> {
  const row = await db.insertInto('import_batches').values(batch).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export type BatchCounts = Pick<
  ImportBatchRow,
  'rows_total' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'skipped' | 'unlinked'
>;

export async function finishImportBatch(
  db: Kysely<Database>,
  id: number,
  counts: BatchCounts,
  warningsJson: string,
  rejectsJson: string,
): Promise<void> {
  await db
    .updateTable('import_batches')
    .set({ ...counts, warnings_json: warningsJson, rejects_json: rejectsJson })
    .where('id', '=', id)
    .execute();
}

export async function getImportBatch(db: Kysely<Database>, id: number): Promise<ImportBatchRow | undefined> {
  return db.selectFrom('import_batches').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every batch, newest first; one district's when `districtId` is given. */
export async function listImportBatches(db: Kysely<Database>, districtId?: number): Promise<ImportBatchRow[]> {
  let q = db.selectFrom('import_batches').selectAll().orderBy('id', 'desc');
  if (districtId !== undefined) q = q.where('district_id', '=', districtId);
  return q.execute();
}

export async function markBatchUndone(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db.updateTable('import_batches').set({ status: 'undone', undone_at: at }).where('id', '=', id).execute();
}
