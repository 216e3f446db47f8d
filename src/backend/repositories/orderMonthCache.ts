import { sql, type Kysely } from 'kysely';
import { addDays, shiftMonth } from '../../core/measures/monthDates';
import type { Store } from '../db/openStore';
import { runInTransaction } from '../db/runInTransaction';
import type { Database } from '../db/schema';

/** One month's order lines summed per retailer × brand code, as the evaluation reads them. */
export interface OrderMonthTotal {
  retailerId: number;
  brandCode: string;
  month: string;
  quantity: number;
  retailValue: number | null;
  wholesaleValue: number | null;
}

/**
 * Marks months stale after order lines of theirs were inserted (updates and deletes are caught by
 * the triggers of migration 0005). Call it inside the transaction that wrote the lines.
 */
export async function forgetOrderMonths(db: Kysely<Database>, months: readonly string[]): Promise<void> {
  const list = [...new Set(months)];
  for (let i = 0; i < list.length; i += 500) {
    await db.deleteFrom('order_month_cache').where('month', 'in', list.slice(i, i + 500)).execute();
  }
}

function monthRange(month: string): { first: string; last: string } {
  return { first: `${month}-01`, last: addDays(`${shiftMonth(month, 1)}-01`, -1) };
}

/**
 * Brings the order month cache (migration 0005) up to date for the months asked for: the import
 * batches of `batchMonths`' order lines and the totals of `totalsMonths`. Months whose cache row
 * the triggers on orders and brands left alone are not touched; the others are recomputed from the
 * order lines, with the very aggregate the evaluation used to run itself, so the figures are the
 * same to the last bit. Runs in its own transaction unless the caller is in one.
 */
export async function refreshOrderMonthCache(store: Store, batchMonths: readonly string[], totalsMonths: readonly string[]): Promise<void> {
  const wanted = [...new Set([...batchMonths, ...totalsMonths])];
  if (wanted.length === 0) return;
  const current = await store.db
    .selectFrom('order_month_cache')
    .select(['month', 'totals_ready'])
    .where('month', 'in', wanted)
    .execute();
  const known = new Map(current.map((r) => [r.month, r.totals_ready === 1] as const));
  const staleBatches = wanted.filter((m) => !known.has(m));
  const staleTotals = [...new Set(totalsMonths)].filter((m) => known.get(m) !== true);
  if (staleBatches.length === 0 && staleTotals.length === 0) return;
  const work = async () => {
    for (const month of staleBatches) await recomputeBatches(store.db, month);
    for (const month of staleTotals) await recomputeTotals(store.db, month);
  };
  if (store.sqlite.inTransaction) await work();
  else await runInTransaction(store, work);
}

async function recomputeBatches(db: Kysely<Database>, month: string): Promise<void> {
  const { first, last } = monthRange(month);
  const rows = await db
    .selectFrom('orders')
    .select('batch_id')
    .distinct()
    .where('date', '>=', first)
    .where('date', '<=', last)
    .execute();
  const ids = rows.map((r) => r.batch_id).sort((a, b) => a - b);
  await db
    .insertInto('order_month_cache')
    .values({ month, batch_ids_json: JSON.stringify(ids), totals_ready: 0 })
    .onConflict((oc) => oc.column('month').doUpdateSet({ batch_ids_json: JSON.stringify(ids), totals_ready: 0 }))
    .execute();
}

async function recomputeTotals(db: Kysely<Database>, month: string): Promise<void> {
  const { first, last } = monthRange(month);
  await db.deleteFrom('order_month_totals').where('month', '=', month).execute();
  const monthOf = sql<string>`substr(o.date, 1, 7)`;
  await db
    .insertInto('order_month_totals')
    .columns(['retailer_id', 'brand_code', 'month', 'quantity', 'retail_value', 'wholesale_value'])
    .expression(
      db
        .selectFrom('orders as o')
        .leftJoin('brands as b', 'b.id', 'o.brand_id')
        .select([
          sql<number>`o.retailer_id`.as('retailer_id'),
          'o.brand_code',
          monthOf.as('month'),
          sql<number>`sum(o.quantity)`.as('quantity'),
          sql<number | null>`sum(o.quantity * coalesce(o.retail_price, b.retail_price))`.as('retail_value'),
          sql<number | null>`sum(o.quantity * coalesce(o.wholesale_price, b.wholesale_price))`.as('wholesale_value'),
        ])
        .where('o.retailer_id', 'is not', null)
        .where('o.date', '>=', first)
        .where('o.date', '<=', last)
        .groupBy(['o.retailer_id', 'o.brand_code', monthOf]),
    )
    .execute();
  await db.updateTable('order_month_cache').set({ totals_ready: 1 }).where('month', '=', month).execute();
}

/**
 * The cached totals of the months, in the order the evaluation always received them: by retailer,
 * brand code (SQLite's order: NULL first, then by code point), month. Each month is read in that
 * order off the table's index and the months are merged here: sorting a city's million rows in SQL
 * spills to disk. Call refreshOrderMonthCache for the months first.
 */
export async function readOrderMonthTotals(db: Kysely<Database>, months: readonly string[]): Promise<OrderMonthTotal[]> {
  const perMonth: RawTotal[][] = [];
  for (const month of [...new Set(months)].sort()) {
    perMonth.push(
      await db
        .selectFrom('order_month_totals')
        .select([
          'retailer_id as retailerId',
          'brand_code as brandCode',
          'month',
          'quantity',
          'retail_value as retailValue',
          'wholesale_value as wholesaleValue',
        ])
        .where('month', '=', month)
        .orderBy('retailer_id')
        .orderBy('brand_code')
        .execute(),
    );
  }
  const merged = mergeByRetailerAndBrand(perMonth);
  for (const row of merged) if (row.brandCode === null) row.brandCode = '';
  return merged as OrderMonthTotal[];
}

type RawTotal = Omit<OrderMonthTotal, 'brandCode'> & { brandCode: string | null };

/** Merges lists sorted by (retailer, brand code), given in month order; equal keys keep month order. */
function mergeByRetailerAndBrand(lists: RawTotal[][]): RawTotal[] {
  const out: RawTotal[] = [];
  const at = lists.map(() => 0);
  const total = lists.reduce((n, l) => n + l.length, 0);
  while (out.length < total) {
    let best = -1;
    let bestRow: RawTotal | undefined;
    for (let i = 0; i < lists.length; i++) {
      const row = lists[i]?.[at[i] ?? 0];
      if (!row) continue;
      if (!bestRow || compareKey(row, bestRow) < 0) {
        best = i;
        bestRow = row;
      }
    }
    if (!bestRow) break;
    out.push(bestRow);
    at[best] = (at[best] ?? 0) + 1;
  }
  return out;
}

function compareKey(a: RawTotal, b: RawTotal): number {
  if (a.retailerId !== b.retailerId) return a.retailerId - b.retailerId;
  return compareText(a.brandCode, b.brandCode);
}

/** SQLite's BINARY order of TEXT (UTF-8 bytes, i.e. code points), NULL first. */
export function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  // UTF-16 code units order like code points except across surrogates (U+10000 and up vs U+E000–U+FFFF).
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 || y >= 0xd800) return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
    return x - y;
  }
  return a.length - b.length;
}

/** The import batches the months' order lines carry (from the cache: refresh it first). */
export async function readOrderMonthBatchIds(db: Kysely<Database>, months: readonly string[]): Promise<number[]> {
  if (months.length === 0) return [];
  const rows = await db.selectFrom('order_month_cache').select('batch_ids_json').where('month', 'in', [...months]).execute();
  return [...new Set(rows.flatMap((r) => JSON.parse(r.batch_ids_json) as number[]))].sort((a, b) => a - b);
}
