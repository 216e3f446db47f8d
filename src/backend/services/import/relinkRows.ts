import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../../db/isPostgres';
import type { Store } from '../../db/openStore';
import type { Database, ImportedTableName } from '../../db/schema';
import type { GridKind } from '../../../shared/api/dataApi';
import { gridDistrictCondition } from '../../repositories/gridDistrictCondition';

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
export async function relinkRows(store: Store, batchId: number, kind: 'retailers' | 'brands'): Promise<Relinked> {
  const parts: string[] = [];
  let total = 0;
  const finalized = new Set<string>();
  let frozen = 0;
  const targets =
    kind === 'retailers'
      ? RETAILER_REF_TABLES.map((t) => ({ ...t, column: 'retailer_id', ref: 'retailer_ref', parent: 'retailers', key: 'nk' }))
      : [{ table: 'orders' as ImportedTableName, label: '订单', column: 'brand_id', ref: 'brand_code', parent: 'brands', key: 'nk' }];
  const onPostgres = isPostgres(store.db);
  const batch = await store.db.selectFrom('import_batches').select('district_id').where('id', '=', batchId).executeTakeFirst();
  const districtId = batch?.district_id ?? null;
  for (const t of targets) {
    // The old values as SQLite's json_object writes them ({"retailer_id":null,"batch_id":3}), byte
    // for byte on PostgreSQL (whose json text would put spaces in); the column name is an identifier.
    const oldJson = onPostgres
      ? sql`cast(${`{"${t.column}":null,"batch_id":`} as text) || c.batch_id || '}'`
      : sql`json_object(${t.column}, null, 'batch_id', c.batch_id)`;
    const parentInDistrict = districtId !== null && t.parent === 'retailers' ? sql` and p.district_id = ${districtId}` : sql``;
    const match = sql`(select p.id from ${sql.table(t.parent)} p where p.${sql.ref(t.key)} = c.${sql.ref(t.ref)}${parentInDistrict})`;
    const rowInDistrict = districtId === null ? null : gridDistrictCondition(t.table as GridKind, districtId, 'c');
    const waiting = sql`c.${sql.ref(t.column)} is null and c.${sql.ref(t.ref)} is not null and ${match} is not null${rowInDistrict ? sql` and ${rowInDistrict}` : sql``}`;
    // A finalized month's rows stay as they were finalized (frozen means frozen): counted, not linked.
    const month = t.table === 'agreements' ? sql`c.month` : sql`substr(c.date, 1, 7)`;
    const finalInDistrict = districtId === null ? sql`` : sql` and e.district_id = ${districtId}`;
    const final = sql`${month} in (select e.month from evaluations e where e.status = 'final'${finalInDistrict})`;
    const held = await sql<{ month: string; n: number }>`select ${month} as month, count(*) as n from ${sql.table(t.table)} c
      where ${waiting} and ${final} group by 1`.execute(store.db);
    for (const r of held.rows) {
      finalized.add(r.month);
      frozen += Number(r.n);
    }
    await sql`insert into row_history (batch_id, table_name, row_id, old_json)
      select cast(${batchId} as integer), cast(${t.table} as text), c.id, ${oldJson}
      from ${sql.table(t.table)} c where ${waiting} and not ${final} order by c.id`.execute(store.db);
    const res = await sql`update ${sql.table(t.table)} as c set ${sql.ref(t.column)} = ${match}, batch_id = ${batchId}
      where ${waiting} and not ${final}`.execute(store.db);
    const n = Number(res.numAffectedRows ?? 0);
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
    const inWindow = table === 'agreements' ? sql`c.month = ${windows.month}` : sql`c.date between ${days.from} and ${days.to}`;
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} c
      where c.id in (select h.row_id from row_history h where h.batch_id = ${batchId} and h.table_name = ${table}) and ${inWindow}`.execute(db);
    const n = Number(row.rows[0]?.n ?? 0);
    if (n > 0) {
      total += n;
      parts.push(`${label} ${n} 行`);
    }
  }
  return { total, parts };
}
