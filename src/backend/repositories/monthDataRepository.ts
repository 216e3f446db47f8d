import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

type DatedTable = 'journals' | 'attendance' | 'orders' | 'surveys' | 'inspections' | 'spotchecks' | 'calendar_days';

/** Rows of a dated table within [from, to) (attendance: punches only, not recorded absences). */
export async function countDatedRows(db: Kysely<Database>, table: DatedTable, from: string, to: string): Promise<number> {
  let q = db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('date', '>=', from)
    .where('date', '<', to);
  if (table === 'attendance') q = q.where('is_absence', '=', 0);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** Absences recorded in the attendance export (缺勤/旷工 rows without a punch) within [from, to). */
export async function countAbsenceRows(db: Kysely<Database>, from: string, to: string): Promise<number> {
  const row = await db
    .selectFrom('attendance')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('date', '>=', from)
    .where('date', '<', to)
    .where('is_absence', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countReportsInPeriods(db: Kysely<Database>, periods: string[]): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('period', 'in', periods)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countAgreementsOfMonth(db: Kysely<Database>, month: string): Promise<number> {
  const row = await db
    .selectFrom('agreements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('month', '=', month)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countAll(db: Kysely<Database>, table: 'managers' | 'retailers' | 'brands'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
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

export async function listManagers(db: Kysely<Database>): Promise<{ id: number; code: string; name: string }[]> {
  return db.selectFrom('managers').select(['id', 'code', 'name']).orderBy('code').execute();
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
