import { zhMessage } from '../messages/messageText';
import {
  absentFlags,
  concentrationFlags,
  duplicateFlags,
  mockLocationFlags,
  offHoursFlags,
  outOfAreaFlags,
  topVisited,
} from './attendanceFlags';
import { collectVisitDays, countVisits } from './collectVisits';
import type { DimensionMeasures } from './dimensionMeasures';
import type { Flag, MetricKey } from './dimensions';
import type { PunchRow } from './evaluationInput';
import { groupBy } from './groupBy';
import { impossibleTravelFlags } from './impossibleTravelFlags';
import { isActiveRetailer } from './isActiveRetailer';
import type { MonthContext } from './monthContext';
import { minutesBetween } from '../calendar/dates';
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
  const visitDays = collectVisitDays(ctx, managerCode);
  const visits = countVisits(visitDays);
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
      ...areaMetrics(ctx, managerCode, visitDays),
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
      ...zhMessage('flag.attendance.noPunches', { workdays: workdayCount }),
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

/**
 * coverage and plan_compliance over the active retailers the manager held on some day of their
 * employment in the month, each counting only visits on the days it was theirs: a transfer in
 * mid-month splits a shop between the two managers instead of giving it whole to one. A shop held
 * for part of the month needs its tier's visits in proportion (rounded up); held all month, all.
 */
function areaMetrics(
  ctx: MonthContext,
  managerCode: string,
  visitDays: ReadonlyMap<number, ReadonlySet<string>>,
): Pick<Record<MetricKey, number | null>, 'coverage' | 'plan_compliance'> {
  const window = ctx.employmentOf(managerCode);
  const days = window === null ? [] : ctx.monthDays.filter((day) => day >= window.from && day <= window.to);
  let active = 0;
  let covered = 0;
  let required = 0;
  let done = 0;
  for (const [id, held] of ctx.assignments.daysHeld(managerCode, days)) {
    const retailer = ctx.retailerById.get(id);
    if (!retailer || !isActiveRetailer(retailer)) continue;
    const visited = visitDays.get(id);
    const visitCount = visited === undefined ? 0 : held.filter((day) => visited.has(day)).length;
    active += 1;
    if (visitCount > 0) covered += 1;
    const needed = requiredVisits(retailer.tier, ctx.thresholds.visitsPerMonthByTier);
    if (needed === null) continue;
    const share = held.length >= ctx.monthDays.length ? needed : Math.ceil((needed * held.length) / ctx.monthDays.length);
    required += share;
    done += Math.min(visitCount, share);
  }
  return { coverage: ratio(covered, active), plan_compliance: ratio(done, required) };
}

function emptyMetrics(): Partial<Record<MetricKey, number | null>> {
  return { present_days: null, attendance_rate: null, market_hours: null, coverage: null, plan_compliance: null, top3_share: null, punch_anomalies: null };
}
