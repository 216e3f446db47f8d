import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/backend/db/openStore';
import { compareText } from '../../../../src/backend/repositories/orderMonthCache';
import { ensureDefaultScheme } from '../../../../src/backend/repositories/schemeRepository';
import { evaluateStoredMonth, monthWorkdays } from '../../../../src/backend/services/evaluation/evaluateStoredMonth';
import { loadEvaluationInput } from '../../../../src/backend/services/evaluation/loadEvaluationInput';
import { importFiles } from '../../../../src/backend/services/import/importFiles';
import { undoBatch } from '../../../../src/backend/services/undoBatch';
import type { OrderTotalRow } from '../../../../src/core/measures/evaluationInput';
import { evaluateMonth } from '../../../../src/core/measures/evaluateMonth';
import { sumOrderTotals } from '../../../../src/core/measures/sumOrderTotals';
import { addDays, shiftMonth } from '../../../../src/core/calendar/dates';
import { buildDemoDatabase, type DemoDatabase } from '../../../helpers/demoDatabase';
import { tempDir } from '../../../helpers/tempDir';
import { writeCsv } from '../../../helpers/writeSheets';

const MONTH = '2026-10';
const now = new Date('2026-11-10T02:00:00Z');
const asOf = '2026-11-10';
const dir = tempDir();
let demo: DemoDatabase;

beforeAll(async () => {
  demo = await buildDemoDatabase(dir);
}, 180_000);
afterAll(() => demo?.store.close());

const lastDay = (month: string) => addDays(`${shiftMonth(month, 1)}-01`, -1);

/** What the evaluation computed from the order lines themselves before the cache (migration 0005). */
async function ordersFromLines(store: Store, month: string): Promise<{ totals: OrderTotalRow[]; batchIds: number[] }> {
  const prev = shiftMonth(month, -1);
  const lastYear = shiftMonth(month, -12);
  const monthOf = sql<string>`substr(o.date, 1, 7)`;
  const rows = await store.db
    .selectFrom('orders as o')
    .leftJoin('brands as b', 'b.id', 'o.brand_id')
    .select([
      'o.retailer_id',
      'o.brand_code',
      monthOf.as('month'),
      sql<number>`sum(o.quantity)`.as('quantity'),
      sql<number | null>`sum(o.quantity * coalesce(o.retail_price, b.retail_price))`.as('retail_value'),
      sql<number | null>`sum(o.quantity * coalesce(o.wholesale_price, b.wholesale_price))`.as('wholesale_value'),
    ])
    .where('o.retailer_id', 'is not', null)
    .where((eb) =>
      eb.or(
        [month, prev, lastYear].map((m) => eb.and([eb('o.date', '>=', `${m}-01`), eb('o.date', '<=', lastDay(m))])),
      ),
    )
    .groupBy(['o.retailer_id', 'o.brand_code', monthOf])
    .execute();
  const batches = await store.db
    .selectFrom('orders')
    .select('batch_id')
    .distinct()
    .where('date', '>=', `${lastYear}-01`)
    .where('date', '<=', lastDay(month))
    .execute();
  return {
    totals: rows.map((o) => ({
      retailerId: o.retailer_id ?? 0,
      brandCode: o.brand_code ?? '',
      month: o.month,
      quantity: Number(o.quantity),
      retailValue: o.retail_value === null ? null : Number(o.retail_value),
      wholesaleValue: o.wholesale_value === null ? null : Number(o.wholesale_value),
    })),
    batchIds: batches.map((b) => b.batch_id).sort((a, b) => a - b),
  };
}

/** Evaluates through the cache, and checks the result against a computation from the order lines. */
async function evaluateAndCompare(store: Store) {
  const snapshot = await evaluateStoredMonth(store, MONTH, { now });
  const loaded = await loadEvaluationInput(store, MONTH, await monthWorkdays(store, MONTH), asOf);
  const fromLines = await ordersFromLines(store, MONTH);
  // The retailer × month sums read from the cache are the core's own sums of the per-brand totals.
  expect(loaded.input.retailerOrders).toEqual(sumOrderTotals(fromLines.totals, loaded.input.brands, loaded.input.agreements, MONTH));
  const otherBatches = (await store.db.selectFrom('import_batches').select(['id', 'kind']).execute()).filter((b) => b.kind !== 'orders');
  expect(loaded.batchIds.filter((id) => !otherBatches.some((b) => b.id === id))).toEqual(fromLines.batchIds);
  for (const id of fromLines.batchIds) expect(snapshot.inputBatchIds).toContain(id);
  const scheme = await ensureDefaultScheme(store.db, now);
  const { retailerOrders: _cached, ...withoutCached } = loaded.input;
  const fresh = evaluateMonth({ ...withoutCached, orderTotals: fromLines.totals }, scheme.scheme);
  expect(snapshot.evaluation).toEqual(fresh);
  return snapshot;
}

describe('the order month cache', () => {
  it('gives the same evaluation as the order lines themselves, after importing, changing and undoing orders', async () => {
    const store = demo.store;
    const before = await evaluateAndCompare(store);
    const cached = await store.db.selectFrom('order_month_cache').select(['month', 'totals_ready']).execute();
    expect(cached.filter((c) => c.totals_ready === 1).map((c) => c.month).sort()).toEqual([shiftMonth(MONTH, -12), shiftMonth(MONTH, -1), MONTH]);

    // A correction file: changed quantities for some lines of the month and of last year's month.
    const linesOf = (month: string) =>
      store.db
        .selectFrom('orders')
        .select(['nk', 'date', 'retailer_ref', 'brand_code', 'brand_name', 'demand', 'quantity', 'wholesale_price', 'amount', 'retail_price'])
        .where('date', '>=', `${month}-01`)
        .where('date', '<=', lastDay(month))
        .where('retailer_id', 'is not', null)
        .orderBy('id')
        .limit(200)
        .execute();
    const lines = [...(await linesOf(MONTH)), ...(await linesOf(shiftMonth(MONTH, -12)))];
    expect(lines.length).toBeGreaterThan(100);
    const row = (l: (typeof lines)[number], date: string, quantity: number) => [
      date,
      l.retailer_ref,
      l.brand_code ?? '',
      l.brand_name ?? '',
      l.demand ?? quantity,
      quantity,
      l.wholesale_price ?? '',
      l.amount ?? '',
      l.retail_price ?? '',
    ];
    const changed = lines.filter((_, i) => i % 3 === 0).map((l) => row(l, l.date, l.quantity + 3));
    // New lines only in the month before (no updates there), on days its lines do not use.
    const prevMonth = shiftMonth(MONTH, -1);
    const taken = new Set(
      (await store.db.selectFrom('orders').select('nk').where('date', '>=', `${prevMonth}-01`).where('date', '<=', lastDay(prevMonth)).execute()).map((r) => r.nk),
    );
    const added = lines
      .filter((l, i) => i % 5 === 1 && l.date.startsWith(MONTH))
      .map((l) => ({ l, date: `${prevMonth}-${l.date.slice(8, 10) > '28' ? '28' : l.date.slice(8, 10)}` }))
      .filter(({ l, date }) => !taken.has(`${date}|${l.retailer_ref}|${l.brand_code}`))
      .map(({ l, date }) => row(l, date, 7));
    const file = writeCsv(
      path.join(dir, '订单明细_更正.csv'),
      [['订单日期', '许可证号', '卷烟编码', '卷烟名称', '需求量(条)', '订购量（条）', '批发价', '金额', '建议零售价'], ...changed, ...added],
    );
    const [report] = await importFiles(store, [file], { now });
    expect(report?.status).toBe('imported');
    expect(report?.counts.updated).toBeGreaterThan(0);
    expect(report?.counts.inserted).toBeGreaterThan(0);
    const batchId = report?.batchId ?? 0;

    const corrected = await evaluateAndCompare(store);
    expect(corrected.inputBatchIds).toContain(batchId);
    expect(corrected.evaluation).not.toEqual(before.evaluation);

    // A brand's price changes: totals fall back to brand prices for lines without their own.
    await store.db.updateTable('brands').set({ retail_price: sql`retail_price + 1` }).where('id', '=', 1).execute();
    expect((await store.db.selectFrom('order_month_cache').select('totals_ready').execute()).every((c) => c.totals_ready === 0)).toBe(true);
    await evaluateAndCompare(store);
    await store.db.updateTable('brands').set({ retail_price: sql`retail_price - 1` }).where('id', '=', 1).execute();

    // The per-retailer sums (migration 0006) are kept and, with nothing changed, read as they are.
    const summed = () => store.db.selectFrom('order_month_retailer_totals').select(['month', 'brand_marks', 'totals']).orderBy('month').execute();
    await evaluateAndCompare(store);
    const kept = await summed();
    expect(kept.map((r) => r.month)).toEqual([shiftMonth(MONTH, -12), shiftMonth(MONTH, -1), MONTH]);
    expect(kept.every((r) => r.totals.byteLength > 0)).toBe(true);
    await evaluateAndCompare(store);
    expect(await summed()).toEqual(kept);
    // A brand becomes a key and a new brand, then stops being one: the sums follow the marks.
    const brand = await store.db.selectFrom('brands').select(['id', 'key_brand', 'new_brand']).where('key_brand', '=', 0).orderBy('id').executeTakeFirstOrThrow();
    // The month reads the marks from the brand list's versions (migration 0009), so both change.
    await store.db.updateTable('brands').set({ key_brand: 1, new_brand: 1 }).where('id', '=', brand.id).execute();
    await store.db.updateTable('brand_versions').set({ key_brand: 1, new_brand: 1 }).where('brand_id', '=', brand.id).execute();
    const marked = await evaluateAndCompare(store);
    expect(marked.evaluation).not.toEqual(corrected.evaluation);
    await store.db.updateTable('brands').set({ key_brand: brand.key_brand, new_brand: brand.new_brand }).where('id', '=', brand.id).execute();
    await store.db.updateTable('brand_versions').set({ key_brand: brand.key_brand, new_brand: brand.new_brand }).where('brand_id', '=', brand.id).execute();
    await evaluateAndCompare(store);

    const undone = await undoBatch(store, batchId, now);
    expect(undone.ok).toBe(true);
    const after = await evaluateAndCompare(store);
    expect(after.inputBatchIds).not.toContain(batchId);
    expect(after.evaluation).toEqual(before.evaluation);
    expect(after.inputBatchIds).toEqual(before.inputBatchIds);
  }, 180_000);
});

describe('the single brands an agreement names', () => {
  it("are the month's quantities of those brands at those retailers, as summed from the order lines", async () => {
    const store = demo.store;
    // Agreements of the month that name a brand their retailer ordered in it (the demo's name none).
    const ordered = await store.db
      .selectFrom('agreements as a')
      .innerJoin('orders as o', (j) => j.onRef('o.retailer_id', '=', 'a.retailer_id'))
      .select(['a.id', 'a.brand_code as was', (eb) => eb.fn.min('o.brand_code').as('brand_code')])
      .where('a.month', '=', MONTH)
      .where('o.date', '>=', `${MONTH}-01`)
      .where('o.date', '<=', lastDay(MONTH))
      .where('o.brand_code', 'is not', null)
      .groupBy('a.id')
      .orderBy('a.id')
      .limit(40)
      .execute();
    expect(ordered.length).toBe(40);
    for (const a of ordered) await store.db.updateTable('agreements').set({ brand_code: a.brand_code }).where('id', '=', a.id).execute();
    try {
      await evaluateAndCompare(store);
      const loaded = await loadEvaluationInput(store, MONTH, await monthWorkdays(store, MONTH), asOf);
      const named = (loaded.input.retailerOrders ?? []).filter((o) => o.month === MONTH && o.brandQuantities !== undefined);
      expect(named.length).toBeGreaterThan(20);
    } finally {
      for (const a of ordered) await store.db.updateTable('agreements').set({ brand_code: a.was }).where('id', '=', a.id).execute();
    }
  }, 180_000);
});

describe('compareText', () => {
  it("orders text as SQLite's BINARY collation does, NULL first", () => {
    const texts = ['6901028001687', '69010280', '', 'a', 'B', '中华', '\u{1F600}', '\uFF21', null, '6901028001687x'];
    const sqlite = new BetterSqlite3(':memory:');
    sqlite.exec('create table t (v text)');
    const insert = sqlite.prepare('insert into t values (?)');
    for (const t of texts) insert.run(t);
    const expected = (sqlite.prepare('select v from t order by v').all() as { v: string | null }[]).map((r) => r.v);
    sqlite.close();
    expect([...texts].sort(compareText)).toEqual(expected);
  });
});
