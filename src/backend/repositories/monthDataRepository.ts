import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import type { GridKind } from '../../shared/api/dataApi';
import type { Database } from '../db/schema';
import { gridDistrictCondition } from './gridDistrictCondition';

type DatedTable = 'journals' | 'attendance' | 'orders' | 'surveys' | 'inspections' | 'spotchecks' | 'calendar_days';

/**
 * The rows of `table` (named so in the query) that belong to a district (gridDistrictCondition);
 * null without a district, and for the city's tables (the calendar, brands).
 */
function ofDistrict(table: DatedTable | 'reports' | 'agreements' | 'managers' | 'retailers' | 'brands', districtId: number | undefined): RawBuilder<SqlBool> | null {
  if (districtId === undefined || table === 'calendar_days') return null;
  return gridDistrictCondition(table as GridKind, districtId, table);
}

/** Rows of a dated table within [from, to) (attendance: punches only, not recorded absences). */
export async function countDatedRows(db: Kysely<Database>, table: DatedTable, from: string, to: string, districtId?: number): Promise<number> {
  const inDistrict = ofDistrict(table, districtId);
  let q = db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('date', '>=', from)
    .where('date', '<', to);
  if (table === 'attendance') q = q.where('is_absence', '=', 0);
  if (inDistrict) q = q.where(inDistrict);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Absences recorded in the attendance export (缺勤/旷工 rows without a punch) within [from, to). */
export async function countAbsenceRows(db: Kysely<Database>, from: string, to: string, districtId?: number): Promise<number> {
  const inDistrict = ofDistrict('attendance', districtId);
  let q = db
    .selectFrom('attendance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('date', '>=', from)
    .where('date', '<', to)
    .where('is_absence', '=', 1);
  if (inDistrict) q = q.where(inDistrict);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countReportsInPeriods(db: Kysely<Database>, periods: string[], districtId?: number): Promise<number> {
  const inDistrict = ofDistrict('reports', districtId);
  let q = db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('period', 'in', periods);
  if (inDistrict) q = q.where(inDistrict);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countAgreementsOfMonth(db: Kysely<Database>, month: string, districtId?: number): Promise<number> {
  const inDistrict = ofDistrict('agreements', districtId);
  let q = db
    .selectFrom('agreements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('month', '=', month);
  if (inDistrict) q = q.where(inDistrict);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countAll(db: Kysely<Database>, table: 'managers' | 'retailers' | 'brands', districtId?: number): Promise<number> {
  const inDistrict = ofDistrict(table, districtId);
  let q = db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (inDistrict) q = q.where(inDistrict);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Punches per manager and day within [from, to). */
export async function punchesPerManagerDay(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<{ managerId: number; date: string; punches: number }[]> {
  const rows = await db
    .selectFrom('attendance')
    .select(['manager_id', 'date', (eb) => eb.fn.countAll<number>().as('n')])
    .where('date', '>=', from)
    .where('date', '<', to)
    .where('is_absence', '=', 0)
    .groupBy(['manager_id', 'date'])
    .execute();
  return rows.map((r) => ({ managerId: r.manager_id, date: r.date, punches: Number(r.n) }));
}

/** The roster (a district's, when given), by code. */
export async function listManagers(db: Kysely<Database>, districtId?: number): Promise<{ id: number; code: string; name: string }[]> {
  let q = db.selectFrom('managers').select(['id', 'code', 'name']).orderBy('code');
  if (districtId !== undefined) q = q.where('district_id', '=', districtId);
  return q.execute();
}

/**
 * The months (YYYY-MM) a dated table has rows in, ascending. Walks the date index month by
 * month (one seek per month) instead of scanning a million rows for distinct months.
 */
export async function monthsOf(db: Kysely<Database>, table: 'journals' | 'attendance' | 'orders'): Promise<string[]> {
  const months: string[] = [];
  let from = '';
  for (;;) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.min('date').as('first'))
      .where('date', '>=', from)
      .executeTakeFirst();
    const first = row?.first;
    if (typeof first !== 'string' || first.length < 7) return months;
    const month = first.slice(0, 7);
    months.push(month);
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    from = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  }
}
