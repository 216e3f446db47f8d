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
 * batches of `batchMonths`' order lines and the totals of `totalsMonths`. Months whose cache row
 * the triggers on orders and brands left alone are not touched; the others are recomputed from the
 * order lines, with the very aggregate the evaluation used to run itself, so the figures are the
 * same to the last bit. Runs in its own transaction unless the caller is in one.
 */
export async function refreshOrderMonthCache(db: Kysely<Database>, batchMonths: readonly string[], totalsMonths: readonly string[]): Promise<void> {
  const wanted = [...new Set([...batchMonths, ...totalsMonths])];
  if (wanted.length === 0) return;
  const current = await db
    .selectFrom('order_month_cache')
    .select(['month', 'totals_ready'])
    .where('month', 'in', wanted)
    .execute();
  const known = new Map(current.map((r) => [r.month, r.totals_ready === 1] as const));
  const staleBatches = wanted.filter((m) => !known.has(m));
  const staleTotals = [...new Set(totalsMonths)].filter((m) => known.get(m) !== true);
  if (staleBatches.length === 0 && staleTotals.length === 0) return;
  await transact(db, async (trx) => {
    for (const month of staleBatches) await recomputeBatches(trx, month);
    for (const month of staleTotals) await recomputeTotals(trx, month);
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

async function recomputeTotals(db: Kysely<Database>, month: string): Promise<void> {
  const { first, last } = monthRange(month);
  await db.deleteFrom('order_month_totals').where('month', '=', month).execute();
  // Every line in the range is of the month (the bounds share the prefix YYYY-MM-), so the month
  // is a constant, not a grouping key: sorting the lines by one key fewer costs an eighth less.
  // (Cast: PostgreSQL cannot type a bare parameter in a select list.)
  const monthOf = sql<string>`cast(${month} as text)`;
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
          floatSum<number>(db, sql`o.quantity`).as('quantity'),
          floatSum<number | null>(db, sql`o.quantity * coalesce(o.retail_price, b.retail_price)`).as('retail_value'),
          floatSum<number | null>(db, sql`o.quantity * coalesce(o.wholesale_price, b.wholesale_price)`).as('wholesale_value'),
        ])
        .where('o.retailer_id', 'is not', null)
        .where('o.date', '>=', first)
        .where('o.date', '<=', last)
        .groupBy(['o.retailer_id', 'o.brand_code']),
    )
    .execute();
  // The per-retailer sums of 0006 were summed from the totals just replaced.
  await db.deleteFrom('order_month_retailer_totals').where('month', '=', month).execute();
  await db.updateTable('order_month_cache').set({ totals_ready: 1 }).where('month', '=', month).execute();
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
 * The cached totals of the months summed once more per retailer × month: what core/measures
 * needs of them (RetailerMonthOrders), about a tenth as many rows as the totals per brand.
 * The sums are kept in order_month_retailer_totals (migration 0006) and summed again only when
 * the month's per-brand totals were recomputed or the brand marks differ from those they were
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
  const ready = await db.selectFrom('order_month_cache').select('month').where('month', 'in', sorted).where('totals_ready', '=', 1).execute();
  for (const month of sorted) {
    if (!ready.some((r) => r.month === month)) throw new Error(`order month cache of ${month} is not current: refresh it first`);
  }
  const kept = await db
    .selectFrom('order_month_retailer_totals')
    .select(['month', 'totals'])
    .where('month', 'in', sorted)
    .where('brand_marks', '=', marks)
    .execute();
  const blobs = new Map(kept.map((r) => [r.month, r.totals] as const));
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
    // agreements first (few), then their retailers' per-brand totals off the index.
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
    for (let i = 0; i < retailerIds.length; i += 500) {
      const brandRows = await db
        .selectFrom('order_month_totals')
        .select(['retailer_id', 'brand_code', 'quantity'])
        .where('month', '=', month)
        .where('retailer_id', 'in', retailerIds.slice(i, i + 500))
        .where('brand_code', 'is not', null)
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
 * Sums a month's per-brand totals per retailer and keeps the sums in order_month_retailer_totals,
 * each retailer's brands in code order off the totals' index, so that the figures equal core's
 * sumOrderTotals over the same per-brand totals; `marks` records the brand marks they count.
 */
async function recomputeRetailerTotals(db: Kysely<Database>, month: string, brands: BrandMarks, marks: string): Promise<Uint8Array> {
  const inList = (codes: readonly string[]) =>
    codes.length === 0 ? sql<boolean>`0 = 1` : sql<boolean>`t.brand_code in (${sql.join(codes.map((c) => sql.val(c)))})`;
  const isKey = inList(brands.keyBrandCodes);
  const isNew = inList(brands.newBrandCodes);
  const bothValues = sql<boolean>`t.retail_value is not null and t.wholesale_value is not null`;
  const rows = await db
    .selectFrom('order_month_totals as t')
    .select([
      't.retailer_id',
      floatSum<number>(db, sql`t.quantity`).as('quantity'),
      floatSum<number | null>(db, sql`case when ${isKey} then t.quantity end`).as('key_quantity'),
      floatSum<number | null>(db, sql`case when ${isNew} then t.quantity end`).as('new_quantity'),
      sql<number>`max(case when ${isNew} and t.quantity > 0 then 1 else 0 end)`.as('ordered_new'),
      floatSum<number | null>(db, sql`case when ${bothValues} then t.retail_value - t.wholesale_value end`).as('margin_value'),
      floatSum<number | null>(db, sql`case when ${bothValues} then t.retail_value end`).as('margin_retail_value'),
    ])
    .where('t.month', '=', month)
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
  return blob;
}
