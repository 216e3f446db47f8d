import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../db/isPostgres';
import type { GridKind } from '../../shared/api/dataApi';
import type { Database, ImportedTableName } from '../db/schema';
import { gridDistrictCondition } from './gridDistrictCondition';

/** Rows of `table` kept with their parent's natural key in `ref` and `column` (the link) empty. */
export interface RelinkTarget {
  table: ImportedTableName;
  /** The link to fill, e.g. retailer_id. */
  column: string;
  /** The key as written in the file, e.g. retailer_ref (the licence). */
  ref: string;
  parent: ImportedTableName;
  /** The parent's natural key matched against `ref`. */
  key: string;
}

/**
 * The pieces of SQL the statements below share: the parent a row would link to (matched on its
 * natural key: unique, so indexed), the rows waiting for one (found through 0009's partial
 * indexes), and whether the row's month is finalized. With a district, only that district's rows,
 * its own retailers (brands are the city's) and its own finalized months count.
 */
function relinkSql(t: RelinkTarget, districtId: number | null) {
  const parentInDistrict = districtId !== null && t.parent === 'retailers' ? sql` and p.district_id = ${districtId}` : sql``;
  const match = sql`(select p.id from ${sql.table(t.parent)} p where p.${sql.ref(t.key)} = c.${sql.ref(t.ref)}${parentInDistrict})`;
  const rowInDistrict = districtId === null ? null : gridDistrictCondition(t.table as GridKind, districtId, 'c');
  const waiting = sql`c.${sql.ref(t.column)} is null and c.${sql.ref(t.ref)} is not null and ${match} is not null${rowInDistrict ? sql` and ${rowInDistrict}` : sql``}`;
  const month = t.table === 'agreements' ? sql`c.month` : sql`substr(c.date, 1, 7)`;
  const finalInDistrict = districtId === null ? sql`` : sql` and e.district_id = ${districtId}`;
  const final = sql`${month} in (select e.month from evaluations e where e.status = 'final'${finalInDistrict})`;
  return { match, waiting, month, final };
}

/** Rows that could be linked now but belong to finalized months, per month. */
export async function linkableInFinalizedMonths(db: Kysely<Database>, t: RelinkTarget, districtId: number | null): Promise<{ month: string; n: number }[]> {
  const { waiting, month, final } = relinkSql(t, districtId);
  const held = await sql<{ month: string; n: number }>`select ${month} as month, count(*) as n from ${sql.table(t.table)} c
    where ${waiting} and ${final} group by 1`.execute(db);
  return held.rows;
}

/**
 * Links the rows that can be linked now, outside finalized months, under `batchId`, and writes each
 * one's old values to row_history first (undoing the batch unlinks them again). Returns how many.
 */
export async function linkWaitingRows(db: Kysely<Database>, t: RelinkTarget, batchId: number, districtId: number | null): Promise<number> {
  const { match, waiting, final } = relinkSql(t, districtId);
  // The old values as SQLite's json_object writes them ({"retailer_id":null,"batch_id":3}), byte
  // for byte on PostgreSQL (whose json text would put spaces in); the column name is an identifier.
  const oldJson = isPostgres(db)
    ? sql`cast(${`{"${t.column}":null,"batch_id":`} as text) || c.batch_id || '}'`
    : sql`json_object(${t.column}, null, 'batch_id', c.batch_id)`;
  await sql`insert into row_history (batch_id, table_name, row_id, old_json)
    select cast(${batchId} as integer), cast(${t.table} as text), c.id, ${oldJson}
    from ${sql.table(t.table)} c where ${waiting} and not ${final} order by c.id`.execute(db);
  const res = await sql`update ${sql.table(t.table)} as c set ${sql.ref(t.column)} = ${match}, batch_id = ${batchId}
    where ${waiting} and not ${final}`.execute(db);
  return Number(res.numAffectedRows ?? 0);
}

/**
 * How many rows of `table` the batch linked (its row_history) that fall in the window: agreements
 * by month, the others by date.
 */
export async function countLinkedInWindow(
  db: Kysely<Database>,
  batchId: number,
  table: ImportedTableName,
  window: { month: string } | { from: string; to: string },
): Promise<number> {
  const inWindow = 'month' in window ? sql`c.month = ${window.month}` : sql`c.date between ${window.from} and ${window.to}`;
  const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)} c
    where c.id in (select h.row_id from row_history h where h.batch_id = ${batchId} and h.table_name = ${table}) and ${inWindow}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}
