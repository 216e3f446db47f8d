import { type Kysely, sql } from 'kysely';
import { DELETE_ORDER, REFERENCES } from '../db/kindTables';
import type { Store } from '../db/openStore';
import type { ImportedTableName } from '../db/schema';
import type { SqlValue } from '../db/sqlite/preparedQuery';
import { getImportBatch, markBatchUndone } from '../repositories/importBatchRepository';
import { storeOn } from '../db/storeOn';
import { transact } from '../db/transact';
import { claimWrite, transactClaimed } from './districts/districtWriteLock';
import { batchMonths } from './freeze/batchMonths';
import { refuseFinalizedMonths } from './freeze/refuseFinalizedMonths';

/**
 * Rows kept with a file's rows but not counted as rows of their own, so that an undo says as many
 * rows as the import did: a retailer's assignment for the month, and what a master file said for
 * its month (migration 0009).
 */
const VERSION_TABLES = new Set<string>(['assignments', 'retailer_versions', 'brand_versions', 'manager_versions']);

export type UndoResult =
  | { ok: true; batchId: number; deleted: number; restored: number }
  | { ok: false; code: 'not_found' | 'already_undone' | 'blocked'; message: string };

/**
 * Undoes an import batch: deletes the rows it inserted and puts back the old values of the rows it
 * updated. Refuses, changing nothing, when a later batch changed those rows or points at them.
 */
export async function undoBatch(store: Store, batchId: number, now: Date): Promise<UndoResult> {
  const found = await getImportBatch(store.db, batchId);
  if (!found) return { ok: false, code: 'not_found', message: `没有编号为 ${batchId} 的导入批次` };
  // The batch's district claimed first (brands and the calendar: the city's too), then checked
  // and undone in one transaction: no import, evaluation or finalize of the district slips in between.
  return transactClaimed(store.db, { scope: found.district_id ?? 'city', action: 'undo' }, async (trx) => {
    if (found.kind === 'brands' || found.kind === 'calendar') await claimWrite(trx, { scope: 'city', action: 'undo' });
    return undoClaimed(storeOn(store, trx), batchId, now);
  });
}

async function undoClaimed(store: Store, batchId: number, now: Date): Promise<UndoResult> {
  const batch = await getImportBatch(store.db, batchId);
  if (!batch) return { ok: false, code: 'not_found', message: `没有编号为 ${batchId} 的导入批次` };
  if (batch.status === 'undone') {
    return { ok: false, code: 'already_undone', message: `批次 ${batchId}（${batch.file_name}）已经撤销过了` };
  }
  // Throws FinalizedMonthError when the batch has rows in a 定稿 month (undo would change that month).
  // A batch of a district touches that district's months only (migration 0014); brands and the calendar are the city's.
  const district = batch.kind === 'brands' || batch.kind === 'calendar' || batch.district_id === null ? undefined : batch.district_id;
  await refuseFinalizedMonths(store.db, await batchMonths(store.db, batchId), `撤销批次 ${batchId}（${batch.file_name}）`, district);
  const blockers = await everyBatchInTheWay(store, batchId);
  if (blockers.length > 0) {
    return {
      ok: false,
      code: 'blocked',
      message: `批次 ${batchId}（${batch.file_name}）的数据已被后来的批次修改或引用，请先按此顺序撤销这 ${blockers.length} 个批次：${blockers.map((b) => `#${b}`).join('、')}`,
    };
  }
  return transact(store.db, async (trx) => {
    // row_history names its table at run time.
    const dyn = trx as unknown as Kysely<Record<string, Record<string, SqlValue>>>;
    let restored = 0;
    const history = await trx
      .selectFrom('row_history')
      .select(['table_name', 'row_id', 'old_json'])
      .where('batch_id', '=', batchId)
      .orderBy('id', 'desc')
      .execute();
    for (const h of history) {
      const old = JSON.parse(h.old_json) as Record<string, SqlValue>;
      await dyn.updateTable(h.table_name).set(old).where('id', '=', h.row_id).execute();
      if (!VERSION_TABLES.has(h.table_name)) restored += 1;
    }
    let deleted = 0;
    for (const table of DELETE_ORDER) {
      const res = await trx.deleteFrom(table).where('created_batch_id', '=', batchId).executeTakeFirst();
      if (!VERSION_TABLES.has(table)) deleted += Number(res.numDeletedRows);
    }
    await trx.deleteFrom('row_history').where('batch_id', '=', batchId).execute();
    await markBatchUndone(trx, batchId, now.toISOString());
    return { ok: true as const, batchId, deleted, restored };
  });
}

/**
 * Every batch that must be undone first, directly or because it is itself in the way of one that
 * must: the whole list at once, latest first (the order to undo them in), instead of a few at a time.
 */
async function everyBatchInTheWay(store: Store, batchId: number): Promise<number[]> {
  const all = new Set<number>();
  const queue = [batchId];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const b of await laterBatchesInTheWay(store, next)) {
      if (b === batchId || all.has(b)) continue;
      all.add(b);
      queue.push(b);
    }
  }
  return [...all].sort((a, b) => b - a);
}

async function laterBatchesInTheWay(store: Store, batchId: number): Promise<number[]> {
  const found = new Set<number>();
  const add = (rows: { batch_id: number }[]) => rows.forEach((r) => found.add(r.batch_id));
  const tables = [...new Set<ImportedTableName>(DELETE_ORDER)];
  for (const table of tables) {
    // Rows this batch inserted that a later batch changed since.
    add(
      await store.db
        .selectFrom(table)
        .select('batch_id')
        .distinct()
        .where('created_batch_id', '=', batchId)
        .where('batch_id', '!=', batchId)
        .execute(),
    );
  }
  // Rows this batch inserted or updated that a later batch changed in between, though another
  // batch changed them since (an edit, then putting it back): each of those must be undone too.
  add(
    await sql<{ batch_id: number }>`select distinct h2.batch_id from row_history h1
      join row_history h2 on h2.table_name = h1.table_name and h2.row_id = h1.row_id and h2.id > h1.id
      where h1.batch_id = ${batchId}`
      .execute(store.db)
      .then((r) => r.rows),
  );
  for (const table of tables) {
    add(
      await sql<{ batch_id: number }>`select distinct h.batch_id from row_history h join ${sql.table(table)} t on t.id = h.row_id
        where h.table_name = ${table} and t.created_batch_id = ${batchId} and h.batch_id != ${batchId}`
        .execute(store.db)
        .then((r) => r.rows),
    );
  }
  // Rows this batch updated that a later batch changed again.
  const updated = await store.db
    .selectFrom('row_history')
    .select(['table_name', 'row_id'])
    .where('batch_id', '=', batchId)
    .execute();
  for (const u of updated) {
    const row = await store.db
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
        .execute(store.db)
        .then((r) => r.rows),
    );
  }
  found.delete(batchId);
  return [...found].sort((a, b) => a - b);
}
