import { KIND_LABELS_ZH } from '../../../core/import/kinds';
import type { KindKey } from '../../../shared/kindKeys';
import type { FlagType } from '../../../core/measures/dimensions';
import { FLAG_TYPE_LABELS_ZH } from '../../../core/report/flagTypeLabels';
import type { MonthOverview } from '../../../shared/api/dataApi';
import type { Store } from '../../db/openStore';
import {
  countAgreementsOfMonth,
  countAll,
  countAbsenceRows,
  countDatedRows,
  countReportsInPeriods,
  listManagers,
  punchesPerManagerDay,
} from '../../repositories/monthDataRepository';
import { monthWorkdays } from '../evaluation/evaluateStoredMonth';
import { readMonthSnapshot } from '../evaluation/monthSnapshot';
import { daysOfMonth, isoWeeksOfMonth, monthRange } from '../../../core/calendar/dates';

/** Master data: without it nothing else links, so its absence is named first, whatever the month. */
const MASTER_KINDS = ['roster', 'retailers', 'brands'] as const;
/** Kinds a month is expected to have; the calendar is optional (shipped holidays apply). */
const MONTHLY_KINDS = ['journals', 'attendance', 'reports', 'orders', 'agreements', 'surveys', 'inspections', 'spotchecks'] as const;

async function monthCounts(store: Store, month: string, districtId: number | undefined): Promise<Record<KindKey, number>> {
  const { from, to } = monthRange(month);
  const db = store.db;
  return {
    roster: await countAll(db, 'managers', districtId),
    retailers: await countAll(db, 'retailers', districtId),
    brands: await countAll(db, 'brands', districtId),
    calendar: await countDatedRows(db, 'calendar_days', from, to, districtId),
    journals: await countDatedRows(db, 'journals', from, to, districtId),
    attendance: await countDatedRows(db, 'attendance', from, to, districtId),
    reports: await countReportsInPeriods(db, [month, ...isoWeeksOfMonth(month)], districtId),
    surveys: await countDatedRows(db, 'surveys', from, to, districtId),
    orders: await countDatedRows(db, 'orders', from, to, districtId),
    agreements: await countAgreementsOfMonth(db, month, districtId),
    inspections: await countDatedRows(db, 'inspections', from, to, districtId),
    spotchecks: await countDatedRows(db, 'spotchecks', from, to, districtId),
  };
}

function flagLabel(type: string): string {
  return (FLAG_TYPE_LABELS_ZH as Record<string, string | undefined>)[type] ?? type;
}

/**
 * What the 总览 screen shows for a month: rows per kind (master data counted whole), punches per
 * manager and day, the workdays, the evaluation's flags by type, and what is still to import.
 * With `districtId` (a supervisor on a city server): that district's rows and month result only;
 * brands and the calendar are the city's and counted whole.
 */
export async function monthOverview(store: Store, month: string, districtId?: number): Promise<MonthOverview> {
  const counts = await monthCounts(store, month, districtId);
  const missing: string[] = [];
  for (const kind of MASTER_KINDS) if (counts[kind] === 0) missing.push(`还没有导入${KIND_LABELS_ZH[kind]}`);
  for (const kind of MONTHLY_KINDS) if (counts[kind] === 0) missing.push(`${month} 还没有导入${KIND_LABELS_ZH[kind]}`);

  const managers = await listManagers(store.db, districtId);
  const days = daysOfMonth(month);
  const dayIndex = new Map(days.map((d, i) => [d, i] as const));
  const managerIndex = new Map(managers.map((m, i) => [m.id, i] as const));
  const { from, to } = monthRange(month);
  const cells: MonthOverview['heatmap']['cells'] = [];
  for (const p of await punchesPerManagerDay(store.db, from, to)) {
    const d = dayIndex.get(p.date);
    const m = managerIndex.get(p.managerId);
    if (d !== undefined && m !== undefined) cells.push([d, m, p.punches]);
  }
  cells.sort((a, b) => a[1] - b[1] || a[0] - b[0]);

  // A store of several districts (营销部) has no one month result to show here: the city view
  // (kaoping city) compares them; the counts and the heatmap above are the whole store's. One
  // district asked for (a supervisor's) has its own.
  const several = districtId === undefined && (await store.db.selectFrom('districts').select('id').limit(2).execute()).length > 1;
  const snapshot = several ? undefined : await readMonthSnapshot(store.db, month, districtId);
  const byType = new Map<FlagType, number>();
  for (const manager of snapshot?.evaluation.managers ?? []) {
    for (const flag of manager.flags) byType.set(flag.type, (byType.get(flag.type) ?? 0) + 1);
  }
  const flagsByType = [...byType.entries()]
    .map(([type, count]) => ({ type, label: flagLabel(type), count }))
    .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));

  return {
    month,
    counts,
    absences: await countAbsenceRows(store.db, from, to, districtId),
    heatmap: { managers: managers.map((m) => ({ code: m.code, name: m.name })), days, cells },
    workdays: await monthWorkdays(store, month),
    flagsByType,
    missing,
    evaluated: snapshot !== undefined,
    stale: snapshot && snapshot.status === 'draft' ? snapshot.stale : [],
  };
}
