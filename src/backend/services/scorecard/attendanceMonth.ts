import { monthCalendar } from '../../../core/calendar';
import { employmentWindow } from '../../../core/measures/employmentWindow';
import type { AttendanceMonthDto, PunchDto } from '../../../shared/api/evaluationApi';
import type { Store } from '../../db/openStore';
import { calendarDayDto } from '../calendar/calendarDayDto';
import { managersAsOf } from '../evaluation/masterAsOf';
import { readMonthSnapshot } from '../evaluation/monthSnapshot';
import { districtOf } from '../districts/districtScope';
import { RequestError } from '../requestError';

/**
 * A manager's month of punches with coordinates, the work calendar and the workdays without any
 * punch. Works before the month is evaluated (nothing is flagged then). Absences follow the
 * evaluation's rule (a workday of the manager's employment, from the hiring date to a leaving
 * date, with no punch, once the district has any punch that month) and stop at `today`: a day
 * still to come is not missed.
 */
export async function attendanceMonth(store: Store, month: string, managerCode: string, today: string): Promise<AttendanceMonthDto> {
  const manager = await store.db.selectFrom('managers').select(['id', 'code', 'name', 'hired_on', 'left_on', 'status']).where('code', '=', managerCode).executeTakeFirst();
  if (!manager) throw new RequestError('not_found', `没有工号为「${managerCode}」的客户经理`);
  const first = `${month}-01`;
  const last = `${month}-31`;
  const overrides = await store.db.selectFrom('calendar_days').select(['date', 'workday', 'note']).where('date', '>=', first).where('date', '<=', last).execute();
  const calendar = monthCalendar(
    month,
    overrides.map((o) => ({ date: o.date, workday: o.workday === 1, note: o.note })),
  );
  const rows = await store.db
    .selectFrom('attendance as a')
    .leftJoin('retailers as r', 'r.id', 'a.retailer_id')
    .select(['a.id', 'a.date', 'a.at', 'a.is_absence', 'a.result', 'a.anomaly', 'a.source', 'a.address', 'a.visited', 'a.latitude', 'a.longitude', 'r.name as retailerName'])
    .where('a.manager_id', '=', manager.id)
    .where('a.date', '>=', first)
    .where('a.date', '<=', last)
    .orderBy('a.date')
    .orderBy('a.at')
    .orderBy('a.id')
    .execute();
  const districtPunch = await store.db
    .selectFrom('attendance')
    .select('id')
    .where('date', '>=', first)
    .where('date', '<=', last)
    .where('is_absence', '=', 0)
    .limit(1)
    .executeTakeFirst();
  const flaggedIds = await flaggedPunchIds(store, month, managerCode);

  const punches: PunchDto[] = rows.map((row) => {
    const time = row.is_absence === 1 || !row.at ? null : row.at.slice(11, 19);
    return {
      id: row.id,
      date: row.date,
      time,
      hour: time ? hourOf(time) : null,
      lat: row.latitude,
      lng: row.longitude,
      place: row.address ?? row.visited,
      retailerName: row.retailerName,
      // A punch filled in afterwards (数据来源 补打卡/补卡) says so next to its result.
      result: [row.anomaly?.trim() || row.result, /补/.test(row.source ?? '') ? row.source : null].filter(Boolean).join('，') || null,
      flagged: flaggedIds.has(row.id),
    };
  });
  const present = new Set(punches.filter((p) => p.time !== null).map((p) => p.date));
  const lastJournal = await store.db
    .selectFrom('journals')
    .select((eb) => eb.fn.max('date').as('date'))
    .where('manager_id', '=', manager.id)
    .where('date', '>=', first)
    .where('date', '<=', last)
    .executeTakeFirst();
  const lastActive = [...present, lastJournal?.date ?? ''].reduce((a, b) => (b > a ? b : a), '') || null;
  // The month's status (a roster that spoke for it), as the evaluation reads it.
  const status = (await managersAsOf(store.db, month)).get(manager.id)?.status ?? manager.status;
  const window = employmentWindow({ hiredOn: manager.hired_on, leftOn: manager.left_on, status }, first, calendar[calendar.length - 1]?.date ?? last, lastActive);
  const absentDays =
    districtPunch && window
      ? calendar.filter((d) => d.workday && d.date <= today && d.date >= window.from && d.date <= window.to && !present.has(d.date)).map((d) => d.date)
      : [];
  return { month, managerCode: manager.code, managerName: manager.name, days: calendar.map(calendarDayDto), punches, absentDays };
}

async function flaggedPunchIds(store: Store, month: string, managerCode: string): Promise<Set<number>> {
  // The manager's own district's month (a city store holds several; the desktop's only one is the same).
  const snapshot = await readMonthSnapshot(store.db, month, (await districtOf(store.db, { managerCode })) ?? undefined);
  const manager = snapshot?.evaluation.managers.find((m) => m.code === managerCode);
  return new Set((manager?.flags ?? []).flatMap((f) => f.evidence.filter((e) => e.kind === 'attendance').map((e) => e.id)));
}


function hourOf(time: string): number {
  const [h = 0, m = 0, s = 0] = time.split(':').map(Number);
  return h + m / 60 + s / 3600;
}
