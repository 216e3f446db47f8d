import type { Kysely } from 'kysely';
import { DELETE_ORDER } from '../db/kindTables';
import type { Store } from '../db/openStore';
import type { Database } from '../db/schema';
import type { SqlValue } from '../db/sqlite/preparedQuery';
import { laterBatchesInTheWay } from '../repositories/batchesInTheWayRepository';
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
  const blockers = await everyBatchInTheWay(store.db, batchId);
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
async function everyBatchInTheWay(db: Kysely<Database>, batchId: number): Promise<number[]> {
  const all = new Set<number>();
  const queue = [batchId];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const b of await laterBatchesInTheWay(db, next)) {
      if (b === batchId || all.has(b)) continue;
      all.add(b);
      queue.push(b);
    }
  }
  return [...all].sort((a, b) => b - a);
}
