import type { Kysely } from 'kysely';
import type { Database, ImportedTableName } from '../../db/schema';
import { countLinkedInWindow, linkableInFinalizedMonths, linkWaitingRows, type RelinkTarget } from '../../repositories/unlinkedRowsRepository';

/** Rows kept with a licence that pointed nowhere when they were imported. */
const RETAILER_REF_TABLES: { table: ImportedTableName; label: string }[] = [
  { table: 'orders', label: '订单' },
  { table: 'journals', label: '工作日志' },
  { table: 'attendance', label: '考勤打卡' },
  { table: 'surveys', label: '满意度调查' },
  { table: 'agreements', label: '协议量' },
  { table: 'inspections', label: '专卖检查' },
];

export interface Relinked {
  total: number;
  /** One line per table with rows linked, e.g. "订单 20 行". */
  parts: string[];
  /** Rows that could be linked but belong to finalized months, left unlinked, and those months. */
  frozen?: number;
  frozenMonths?: string[];
}

/**
 * Late master data: rows imported before their retailer (or brand) was known were kept unlinked
 * with the licence (or 卷烟编码) as written. When the retailer or brand file arrives, those rows
 * are linked in the same import, as if they had been imported after it. Only rows whose stored
 * reference is the licence (brand code) itself are linked: their natural key is already the one a
 * re-import would build, so linking never makes a re-import add a second copy. Each linked row's
 * old values go to row_history under this batch, so undoing the import unlinks them again.
 * Parents are matched on their natural key (the licence, the 卷烟编码: unique, so indexed), and
 * the unlinked rows are found through 0009's partial indexes.
 *
 * Only the importing batch's district is touched (a city store holds several): its rows are
 * linked (a row's district as the grids tell it: through its manager, else the batch that brought
 * it), to its own retailers (brands are the city's), and only its own finalized months hold rows
 * back. Another district's waiting rows stay as they are until that district imports the file:
 * one supervisor's import never changes another district's numbers, and undoing it never
 * touches them. A batch without a district (a store without districts) links as before.
 */
export async function relinkRows(db: Kysely<Database>, batchId: number, kind: 'retailers' | 'brands'): Promise<Relinked> {
  const parts: string[] = [];
  let total = 0;
  const finalized = new Set<string>();
  let frozen = 0;
  const targets: (RelinkTarget & { label: string })[] =
    kind === 'retailers'
      ? RETAILER_REF_TABLES.map((t) => ({ ...t, column: 'retailer_id', ref: 'retailer_ref', parent: 'retailers', key: 'nk' }))
      : [{ table: 'orders', label: '订单', column: 'brand_id', ref: 'brand_code', parent: 'brands', key: 'nk' }];
  const batch = await db.selectFrom('import_batches').select('district_id').where('id', '=', batchId).executeTakeFirst();
  const districtId = batch?.district_id ?? null;
  for (const t of targets) {
    // A finalized month's rows stay as they were finalized (frozen means frozen): counted, not linked.
    for (const r of await linkableInFinalizedMonths(db, t, districtId)) {
      finalized.add(r.month);
      frozen += Number(r.n);
    }
    const n = await linkWaitingRows(db, t, batchId, districtId);
    if (n > 0) {
      total += n;
      parts.push(`${t.label} ${n} 行`);
    }
  }
  return { total, parts, frozen, frozenMonths: [...finalized].sort() };
}

/** The dates a month's evaluation reads, per kind of row a relink can touch (loadEvaluationInput's windows). */
export interface RelinkWindows {
  /** Order lines: last year's month through the month's last day. */
  orders: { from: string; to: string };
  /** Journal entries: the look-back before the month through its last day. */
  journals: { from: string; to: string };
  /** Punches, surveys, inspections: the month's days. */
  days: { from: string; to: string };
  /** Agreements: the month itself. */
  month: string;
}

/**
 * How many rows a batch linked (relinkRows, its row_history under the batch) that a month's
 * evaluation reads: a retailer or brand file that linked them changed that month's figures, so
 * the month is stale for this reason of its own, whatever else the file changed.
 */
export async function countRelinkedInMonth(db: Kysely<Database>, batchId: number, windows: RelinkWindows): Promise<Relinked> {
  const parts: string[] = [];
  let total = 0;
  for (const { table, label } of RETAILER_REF_TABLES) {
    const days = table === 'orders' ? windows.orders : table === 'journals' ? windows.journals : windows.days;
    const n = await countLinkedInWindow(db, batchId, table, table === 'agreements' ? { month: windows.month } : days);
    if (n > 0) {
      total += n;
      parts.push(`${label} ${n} 行`);
    }
  }
  return { total, parts };
}
