import type { Flag } from './dimensions';
import type { PunchRow } from './evaluationInput';
import { haversineKm } from './haversineKm';
import type { MonthContext } from './monthContext';
import { minutesBetween } from '../calendar/dates';
import { punchLocation } from './punchLocation';
import { zhMessage } from '../messages/messageText';

/**
 * Consecutive punches with a known place (in time order; punches with neither coordinates
 * nor a located retailer are passed over) that imply travelling faster than `maxTravelKmh`.
 * Punches within the link radius of each other count as the same place and are never
 * flagged, so GPS jitter between two punches seconds apart does not look like a flight.
 */
export function impossibleTravelFlags(ctx: MonthContext, managerCode: string, punches: readonly PunchRow[]): Flag[] {
  const flags: Flag[] = [];
  const located = punches.flatMap((punch) => {
    const location = punchLocation(ctx, punch);
    return location ? [{ punch, location }] : [];
  });
  for (let i = 1; i < located.length; i++) {
    const { punch: before, location: from } = located[i - 1]!;
    const { punch: after, location: to } = located[i]!;
    const km = haversineKm(from, to);
    if (km * 1000 <= ctx.thresholds.linkRadiusMeters) continue;
    const minutes = minutesBetween(before.at, after.at);
    const kmh = minutes > 0 ? km / (minutes / 60) : Number.POSITIVE_INFINITY;
    if (kmh <= ctx.thresholds.maxTravelKmh) continue;
    flags.push({
      type: 'attendance.impossible_travel',
      managerCode,
      ...travelMessage(before, after, km, kmh, ctx.thresholds.maxTravelKmh),
      evidence: [
        { kind: 'attendance', id: before.id },
        { kind: 'attendance', id: after.id },
      ],
      date: after.date,
    });
  }
  return flags;
}

function travelMessage(before: PunchRow, after: PunchRow, km: number, kmh: number, maxKmh: number): ReturnType<typeof zhMessage> {
  const from = { day: before.date, at: before.at, km: km.toFixed(1) };
  if (!Number.isFinite(kmh)) return zhMessage('flag.attendance.travelInstant', from);
  const to = { at2: after.at, kmh: speedText(kmh, maxKmh) };
  return after.date === before.date
    ? zhMessage('flag.attendance.travel', { ...from, ...to })
    : zhMessage('flag.attendance.travelOvernight', { ...from, ...to, day2: after.date });
}

/** Whole km/h, unless rounding would show a speed that looks within the limit (80.06 → "80.1"). */
function speedText(kmh: number, maxKmh: number): string {
  return Math.round(kmh) > maxKmh ? String(Math.round(kmh)) : kmh.toFixed(1);
}
