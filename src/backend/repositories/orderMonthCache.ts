import { sql, type Kysely } from 'kysely';
import { lastDayOfMonth } from '../../core/calendar/dates';
import { floatSum } from '../db/floatSum';
import { transact } from '../db/transact';
import type { Database } from '../db/schema';
import type { RetailerMonthOrders } from '../../core/measures/evaluationInput';
import { packRetailerTotals, unpackRetailerTotals } from './retailerTotalsBlob';

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
  return { first: `${month}-01`, last: lastDayOfMonth(month) };
}

/**
 * Brings the order month cache (migration 0005) up to date for the months asked for: the import
 * batches of their order lines. Months whose cache row the triggers on orders and brands left
 * alone are not touched. The months' order totals are summed where they are read
 * (readRetailerMonthOrders), with the brand marks that decide what they count. Runs in its own
 * transaction unless the caller is in one.
 */
export async function refreshOrderMonthCache(db: Kysely<Database>, months: readonly string[]): Promise<void> {
  const wanted = [...new Set(months)];
  if (wanted.length === 0) return;
  const current = await db.selectFrom('order_month_cache').select('month').where('month', 'in', wanted).execute();
  const known = new Set(current.map((r) => r.month));
  const stale = wanted.filter((m) => !known.has(m));
  if (stale.length === 0) return;
  await transact(db, async (trx) => {
    for (const month of stale) await recomputeBatches(trx, month);
  });
}

/**
 * The import batches a month's order lines carry, off the index on orders (batch_id, date) of
 * migration 0013: the distinct batch ids by a skip-scan (one probe per batch, the next id greater
 * than the last), then one probe per batch for a line inside the month. A few hundred probes
 * instead of reading every order line of the month: the same set as SELECT DISTINCT batch_id.
 */
async function recomputeBatches(db: Kysely<Database>, month: string): Promise<void> {
  const { first, last } = monthRange(month);
  const { rows } = await sql<{ id: number }>`
    with recursive batch(id) as (
      select min(batch_id) from orders
      union all
      select (select min(o.batch_id) from orders o where o.batch_id > batch.id) from batch where batch.id is not null
    )
    select id from batch
    where id is not null
      and exists (select 1 from orders o where o.batch_id = batch.id and o.date >= ${first} and o.date <= ${last})`.execute(db);
  const ids = rows.map((r) => r.id).sort((a, b) => a - b);
  await db
    .insertInto('order_month_cache')
    .values({ month, batch_ids_json: JSON.stringify(ids), totals_ready: 0 })
    .onConflict((oc) => oc.column('month').doUpdateSet({ batch_ids_json: JSON.stringify(ids), totals_ready: 0 }))
    .execute();
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

/** Which brands count as key and new brands when the per-brand totals are summed per retailer. */
export interface BrandMarks {
  keyBrandCodes: readonly string[];
  newBrandCodes: readonly string[];
}

/** What order_month_retailer_totals.brand_marks records: the marks, in a fixed order. */
function brandMarksKey(brands: BrandMarks): string {
  return JSON.stringify({ key: [...new Set(brands.keyBrandCodes)].sort(), new: [...new Set(brands.newBrandCodes)].sort() });
}

/**
 * The months' order lines summed per retailer × month: what core/measures needs of them
 * (RetailerMonthOrders). The sums are kept in order_month_retailer_totals (migration 0006) and
 * summed again only when the month's order lines or brand prices changed since (the month's
 * cache row is gone or no longer `totals_ready`) or the brand marks differ from those they were
 * summed with. Brands count as key or new brands by the codes given (the brand list the
 * evaluation holds). `brandQuantities` is filled for the brands the month's agreements name.
 * Call refreshOrderMonthCache for the months first. Runs its writes in a transaction of its own
 * unless the caller is in one.
 */
export async function readRetailerMonthOrders(
  db: Kysely<Database>,
  months: readonly string[],
  brands: BrandMarks,
  agreementMonth: string,
): Promise<RetailerMonthOrders[]> {
  const marks = brandMarksKey(brands);
  const sorted = [...new Set(months)].sort();
  if (sorted.length === 0) return [];
  const cached = await db.selectFrom('order_month_cache').select(['month', 'totals_ready']).where('month', 'in', sorted).execute();
  for (const month of sorted) {
    if (!cached.some((r) => r.month === month)) throw new Error(`order month cache of ${month} is not current: refresh it first`);
  }
  const ready = new Set(cached.filter((r) => r.totals_ready === 1).map((r) => r.month));
  const kept = await db
    .selectFrom('order_month_retailer_totals')
    .select(['month', 'totals'])
    .where('month', 'in', sorted)
    .where('brand_marks', '=', marks)
    .execute();
  const blobs = new Map(kept.filter((r) => ready.has(r.month)).map((r) => [r.month, r.totals] as const));
  const stale = sorted.filter((month) => !blobs.has(month));
  if (stale.length > 0) {
    await transact(db, async (trx) => {
      for (const month of stale) blobs.set(month, await recomputeRetailerTotals(trx, month, brands, marks));
    });
  }
  const out: RetailerMonthOrders[] = [];
  for (const month of sorted) {
    const totalsOfMonth = unpackRetailerTotals(blobs.get(month) ?? new Uint8Array(), month);
    const byRetailer = new Map<number, RetailerMonthOrders>();
    for (const totals of totalsOfMonth) {
      byRetailer.set(totals.retailerId, totals);
      out.push(totals);
    }
    if (month !== agreementMonth) continue;
    // Single brands' quantities where an agreement of the month names the brand (履约率): the
    // agreements first (few), then their retailers' order lines of the month off the index.
    const agreed = await db
      .selectFrom('agreements')
      .select(['retailer_id', 'brand_code'])
      .where('month', '=', month)
      .where('retailer_id', 'is not', null)
      .where('brand_code', 'is not', null)
      .where('brand_code', '<>', '')
      .execute();
    const namedBrands = new Map<number, Set<string>>();
    for (const a of agreed) {
      if (a.retailer_id === null || a.brand_code === null) continue;
      const set = namedBrands.get(a.retailer_id) ?? new Set<string>();
      set.add(a.brand_code);
      namedBrands.set(a.retailer_id, set);
    }
    const retailerIds = [...namedBrands.keys()];
    const { first, last } = monthRange(month);
    for (let i = 0; i < retailerIds.length; i += 500) {
      // Summed as the month's per-brand totals were (lines of a retailer and brand by date, off
      // the index on orders (retailer_id, date)).
      const brandRows = await db
        .selectFrom('orders as o')
        .select([sql<number>`o.retailer_id`.as('retailer_id'), 'o.brand_code', floatSum<number>(db, sql`o.quantity`).as('quantity')])
        .where('o.retailer_id', 'in', retailerIds.slice(i, i + 500))
        .where('o.date', '>=', first)
        .where('o.date', '<=', last)
        .where('o.brand_code', 'is not', null)
        .groupBy(['o.retailer_id', 'o.brand_code'])
        .execute();
      for (const r of brandRows) {
        const totals = byRetailer.get(r.retailer_id);
        if (!totals || r.brand_code === null || !namedBrands.get(r.retailer_id)?.has(r.brand_code)) continue;
        totals.brandQuantities = { ...totals.brandQuantities, [r.brand_code]: r.quantity };
      }
    }
  }
  return out;
}

/**
 * Sums a month's order lines per retailer and brand code, and those per-brand totals once more
 * per retailer, each retailer's brands in code order, in one statement: the per-brand totals come
 * out of their GROUP BY in (retailer, brand code) order, which the per-retailer GROUP BY reads
 * without sorting again. Each line is valued at its own prices, else at its brand's. The figures
 * equal core's sumOrderTotals over the per-brand totals. Marks the month's totals current and
 * keeps the sums in order_month_retailer_totals; `marks` records the brand marks they count.
 */
async function recomputeRetailerTotals(db: Kysely<Database>, month: string, brands: BrandMarks, marks: string): Promise<Uint8Array> {
  const { first, last } = monthRange(month);
  const inList = (codes: readonly string[]) =>
    codes.length === 0 ? sql<boolean>`0 = 1` : sql<boolean>`t.brand_code in (${sql.join(codes.map((c) => sql.val(c)))})`;
  const isKey = inList(brands.keyBrandCodes);
  const isNew = inList(brands.newBrandCodes);
  const bothValues = sql<boolean>`t.retail_value is not null and t.wholesale_value is not null`;
  const perBrand = db
    .selectFrom('orders as o')
    .leftJoin('brands as b', 'b.id', 'o.brand_id')
    .select([
      sql<number>`o.retailer_id`.as('retailer_id'),
      'o.brand_code',
      floatSum<number>(db, sql`o.quantity`).as('quantity'),
      floatSum<number | null>(db, sql`o.quantity * coalesce(o.retail_price, b.retail_price)`).as('retail_value'),
      floatSum<number | null>(db, sql`o.quantity * coalesce(o.wholesale_price, b.wholesale_price)`).as('wholesale_value'),
    ])
    .where('o.retailer_id', 'is not', null)
    // The month as the index of migration 0024 has it: the month's lines in (retailer, brand code,
    // date, id) order with what is summed of them, read off the index without a sort.
    .where(sql<string>`substr(o.date, 1, 7)`, '=', month)
    .where('o.date', '>=', first)
    .where('o.date', '<=', last)
    .groupBy(['o.retailer_id', 'o.brand_code'])
    .orderBy('o.retailer_id')
    .orderBy('o.brand_code');
  const rows = await db
    .selectFrom(perBrand.as('t'))
    .select([
      't.retailer_id',
      floatSum<number>(db, sql`t.quantity`).as('quantity'),
      floatSum<number | null>(db, sql`case when ${isKey} then t.quantity end`).as('key_quantity'),
      floatSum<number | null>(db, sql`case when ${isNew} then t.quantity end`).as('new_quantity'),
      sql<number>`max(case when ${isNew} and t.quantity > 0 then 1 else 0 end)`.as('ordered_new'),
      floatSum<number | null>(db, sql`case when ${bothValues} then t.retail_value - t.wholesale_value end`).as('margin_value'),
      floatSum<number | null>(db, sql`case when ${bothValues} then t.retail_value end`).as('margin_retail_value'),
    ])
    .groupBy('t.retailer_id')
    .orderBy('t.retailer_id')
    .execute();
  const blob = packRetailerTotals(
    rows.map((r) => ({
      retailerId: r.retailer_id,
      quantity: r.quantity,
      keyBrandQuantity: r.key_quantity ?? 0,
      newBrandQuantity: r.new_quantity ?? 0,
      orderedNewBrand: r.ordered_new === 1,
      marginValue: r.margin_value ?? 0,
      marginRetailValue: r.margin_retail_value ?? 0,
    })),
  );
  await db
    .insertInto('order_month_retailer_totals')
    .values({ month, brand_marks: marks, totals: blob })
    .onConflict((oc) => oc.column('month').doUpdateSet({ brand_marks: marks, totals: blob }))
    .execute();
  await db.updateTable('order_month_cache').set({ totals_ready: 1 }).where('month', '=', month).execute();
  return blob;
}
