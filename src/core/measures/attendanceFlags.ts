import { calendarEvidenceId, type Flag } from './dimensions';
import type { PunchRow } from './evaluationInput';
import { groupBy } from './groupBy';
import type { MonthContext } from './monthContext';
import { zhMessage } from '../messages/messageText';

/** One flag per workday of the manager's employment without any punch. */
export function absentFlags(ctx: MonthContext, managerCode: string, workdays: readonly string[], presentDates: ReadonlySet<string>): Flag[] {
  const absences = groupBy(ctx.absencesByManager.get(managerCode) ?? [], (row) => row.date);
  return workdays
    .filter((day) => !presentDates.has(day))
    .map((day) => ({
      type: 'attendance.absent',
      managerCode,
      ...zhMessage('flag.attendance.absent', { day }),
      // The day itself (a workday on the calendar) and the export's 未打卡 rows, if it has any.
      evidence: [{ kind: 'calendar', id: calendarEvidenceId(day) }, ...(absences.get(day) ?? []).map((row) => ({ kind: 'attendance' as const, id: row.id }))],
      date: day,
    }));
}

/** Fires when the three most-visited retailers take more than the allowed share of all visits. */
export function concentrationFlags(ctx: MonthContext, managerCode: string, visits: ReadonlyMap<number, number>): Flag[] {
  const top3 = topVisited(visits, 3);
  const total = sumValues(visits);
  const share = total === 0 ? 0 : sumValues(new Map(top3)) / total;
  if (share <= ctx.thresholds.concentrationTop3Share) return [];
  const top = top3.map(([id, count]) => [ctx.retailerName(id), count] as const);
  return [
    {
      type: 'attendance.concentration',
      managerCode,
      ...zhMessage('flag.attendance.concentration', { total, share, top }),
      evidence: top3.map(([id]) => ({ kind: 'retailers', id })),
    },
  ];
}

/** A punch linked to a retailer that was not the manager's on that day. */
export function outOfAreaFlags(ctx: MonthContext, managerCode: string, punches: readonly PunchRow[]): Flag[] {
  const flags: Flag[] = [];
  for (const punch of punches) {
    if (punch.retailerId === null) continue;
    const owner = ctx.assignments.assignmentOn(punch.retailerId, punch.date)?.managerCode ?? null;
    if (owner === managerCode) continue;
    const where = { day: punch.date, at: punch.at, retailer: ctx.retailerName(punch.retailerId) };
    flags.push({
      type: 'attendance.out_of_area',
      managerCode,
      ...(owner === null
        ? zhMessage('flag.attendance.outOfAreaUnassigned', where)
        : zhMessage('flag.attendance.outOfArea', { ...where, owner: ctx.managerName(owner) })),
      evidence: [
        { kind: 'attendance', id: punch.id },
        { kind: 'retailers', id: punch.retailerId },
      ],
      date: punch.date,
    });
  }
  return flags;
}

export function offHoursFlags(ctx: MonthContext, managerCode: string, punches: readonly PunchRow[]): Flag[] {
  const { offHoursBefore, offHoursAfter } = ctx.thresholds;
  const window = `${clock(offHoursBefore * 60)}–${clock(offHoursAfter * 60)}`;
  return punches
    .filter((punch) => {
      // Seconds count: 21:00:00 is still inside the window, 21:00:01 is after it (measures.md: strictly after).
      const second = Number(punch.at.slice(11, 13)) * 3600 + Number(punch.at.slice(14, 16)) * 60 + (Number(punch.at.slice(17, 19)) || 0);
      return second < offHoursBefore * 3600 || second > offHoursAfter * 3600;
    })
    .map((punch) => ({
      type: 'attendance.off_hours',
      managerCode,
      ...zhMessage('flag.attendance.offHours', { day: punch.date, at: punch.at, window }),
      evidence: [{ kind: 'attendance', id: punch.id }],
      date: punch.date,
    }));
}

/** Several punches at the same retailer within the same minute: one flag per group. */
export function duplicateFlags(ctx: MonthContext, managerCode: string, punches: readonly PunchRow[]): Flag[] {
  const linked = punches.filter((punch) => punch.retailerId !== null);
  const groups = groupBy(linked, (punch) => `${punch.retailerId}|${punch.at.slice(0, 16)}`);
  const flags: Flag[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (group.length < 2 || !first || first.retailerId === null) continue;
    flags.push({
      type: 'attendance.duplicate',
      managerCode,
      ...zhMessage('flag.attendance.duplicate', { day: first.date, at: first.at, retailer: ctx.retailerName(first.retailerId), n: group.length }),
      evidence: group.map((punch) => ({ kind: 'attendance', id: punch.id })),
      date: first.date,
    });
  }
  return flags;
}

/** 模拟定位 and other location anomalies the export marks (not device or network trouble). */
const LOCATION_ANOMALY = /定位|位置|范围/;

export function mockLocationFlags(managerCode: string, punches: readonly PunchRow[]): Flag[] {
  return punches
    .filter((punch) => punch.mockLocation || (punch.anomaly !== null && LOCATION_ANOMALY.test(punch.anomaly)))
    .map((punch) => ({
      type: 'attendance.mock_location',
      managerCode,
      ...(punch.mockLocation
        ? zhMessage('flag.attendance.mockLocation', { day: punch.date, at: punch.at })
        : zhMessage('flag.attendance.locationAnomaly', { day: punch.date, at: punch.at, anomaly: (punch.anomaly ?? '').trim() })),
      evidence: [{ kind: 'attendance', id: punch.id }],
      date: punch.date,
    }));
}

/** The `count` most-visited retailers; ties go to the lower retailer id so results are stable. */
export function topVisited(visits: ReadonlyMap<number, number>, count: number): [number, number][] {
  return [...visits.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, count);
}

function sumValues(values: ReadonlyMap<number, number>): number {
  let sum = 0;
  for (const value of values.values()) sum += value;
  return sum;
}

function clock(minutes: number): string {
  const whole = Math.round(minutes);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
