import {
  absentFlags,
  concentrationFlags,
  duplicateFlags,
  mockLocationFlags,
  offHoursFlags,
  outOfAreaFlags,
  topVisited,
} from './attendanceFlags';
import { collectVisits } from './collectVisits';
import type { DimensionMeasures } from './dimensionMeasures';
import type { Flag, MetricKey } from './dimensions';
import type { PunchRow } from './evaluationInput';
import { groupBy } from './groupBy';
import { impossibleTravelFlags } from './impossibleTravelFlags';
import { isActiveRetailer } from './isActiveRetailer';
import type { MonthContext } from './monthContext';
import { minutesBetween } from './monthDates';
import { median, ratio } from './numberStats';
import { requiredVisits } from './requiredVisits';

/**
 * 出勤情况. Every punch counts as presence, mock-located ones included: they are flagged
 * separately, and the supervisor decides. Presence and hours count workdays only, from
 * the manager's hiring date; visits (coverage, plan, concentration) count every day.
 * punch_anomalies counts the punch flags (out of area, impossible travel, off hours,
 * duplicate, mock location): one per flag, each flag naming its punches; 无数据 without punches.
 * No data when the district has no punches for the month (the file was not imported).
 */
export function measureAttendance(ctx: MonthContext, managerCode: string): DimensionMeasures {
  const workdays = ctx.workdaysOf(managerCode);
  if (!ctx.has.punches || workdays.length === 0) return { hasData: false, metrics: emptyMetrics(), flags: [] };
  const punches = ctx.punchesByManager.get(managerCode) ?? [];
  const byDate = groupBy(punches, (punch) => punch.date);
  const presentDays = workdays.filter((day) => byDate.has(day));
  const visits = collectVisits(ctx, managerCode);
  const totalVisits = [...visits.values()].reduce((sum, count) => sum + count, 0);
  const top3Visits = topVisited(visits, 3).reduce((sum, [, count]) => sum + count, 0);
  // Punches that cannot be taken at face value: a metric of their own, so they cost the dimension.
  const anomalies = [
    ...outOfAreaFlags(ctx, managerCode, punches),
    ...impossibleTravelFlags(ctx, managerCode, punches),
    ...offHoursFlags(ctx, managerCode, punches),
    ...duplicateFlags(ctx, managerCode, punches),
    ...mockLocationFlags(managerCode, punches),
  ];
  return {
    hasData: true,
    metrics: {
      present_days: presentDays.length,
      attendance_rate: ratio(presentDays.length, workdays.length),
      market_hours: median(presentDays.map((day) => hoursInMarket(byDate.get(day) ?? []))),
      ...areaMetrics(ctx, managerCode, visits),
      top3_share: ratio(top3Visits, totalVisits),
      // A fault count: 无数据 for a manager without a punch, never a perfect score for punching nothing.
      punch_anomalies: punches.length > 0 ? anomalies.length : null,
    },
    flags: [
      ...noPunchesFlags(managerCode, punches.length, workdays.length),
      ...absentFlags(ctx, managerCode, workdays, new Set(byDate.keys())),
      ...concentrationFlags(ctx, managerCode, visits),
      ...anomalies,
    ],
  };
}

/** The district imported the month's attendance and this manager has no punch in it. */
function noPunchesFlags(managerCode: string, punchCount: number, workdayCount: number): Flag[] {
  if (punchCount > 0) return [];
  return [
    {
      type: 'attendance.no_punches',
      managerCode,
      message: `本月无打卡：片区已导入本月考勤，本人 ${workdayCount} 个工作日没有一条打卡记录，出勤按 0 天计`,
      evidence: [],
    },
  ];
}

/** Last minus first punch of a day (sorted by time), in hours. */
function hoursInMarket(dayPunches: readonly PunchRow[]): number {
  const first = dayPunches[0];
  const last = dayPunches[dayPunches.length - 1];
  return first && last ? minutesBetween(first.at, last.at) / 60 : 0;
}

/** coverage and plan_compliance over the manager's active retailers of the month. */
function areaMetrics(
  ctx: MonthContext,
  managerCode: string,
  visits: ReadonlyMap<number, number>,
): Pick<Record<MetricKey, number | null>, 'coverage' | 'plan_compliance'> {
  let active = 0;
  let covered = 0;
  let required = 0;
  let done = 0;
  for (const id of ctx.assignments.retailersOf(managerCode)) {
    const retailer = ctx.retailerById.get(id);
    if (!retailer || !isActiveRetailer(retailer)) continue;
    const visitCount = visits.get(id) ?? 0;
    active += 1;
    if (visitCount > 0) covered += 1;
    const needed = requiredVisits(retailer.tier, ctx.thresholds.visitsPerMonthByTier);
    if (needed === null) continue;
    required += needed;
    done += Math.min(visitCount, needed);
  }
  return { coverage: ratio(covered, active), plan_compliance: ratio(done, required) };
}

function emptyMetrics(): Partial<Record<MetricKey, number | null>> {
  return { present_days: null, attendance_rate: null, market_hours: null, coverage: null, plan_compliance: null, top3_share: null, punch_anomalies: null };
}
