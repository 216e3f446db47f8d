import type { DimensionMeasures } from './dimensionMeasures';
import type { Flag } from './dimensions';
import type { InspectionRow, JournalRow } from './evaluationInput';
import { groupBy } from './groupBy';
import { isViolation } from './isViolation';
import type { MonthContext } from './monthContext';
import { addDays } from '../calendar/dates';
import { zhMessage } from '../messages/messageText';

/**
 * 市场规范. The dimension has data when the district's monopoly inspections of the month
 * were imported (even if they found nothing): without them `missed` is unknown, and an
 * order_score of 100 would be a silent guess. With them and no violations at all → 100.
 * A manager's report counts for an inspection when it is a journal entry at the same
 * retailer naming any violation, on the inspection day or in the window before it.
 */
export function measureOrder(ctx: MonthContext, managerCode: string): DimensionMeasures {
  const entries = ctx.journalsByManager.get(managerCode) ?? [];
  const reported = entries.filter((entry) => ctx.inMonth(entry.date) && isViolation(entry.violation)).length;
  const reportsByRetailer = groupBy(
    entries.filter((entry) => entry.retailerId !== null && isViolation(entry.violation)),
    (entry) => entry.retailerId,
  );
  const found = (ctx.inspectionsByManager.get(managerCode) ?? []).filter((inspection) => isViolation(inspection.violation));
  const missed = found.filter((inspection) => !reportedBefore(inspection, reportsByRetailer, ctx.thresholds.reportWindowDays));
  const violations = reported + missed.length;
  if (ctx.assignments.retailersOf(managerCode).length === 0) {
    // No retailers, nothing to inspect: 无数据 (the area.no_retailers flag says why).
    return { hasData: false, metrics: { reported: null, missed: null, order_score: null }, flags: [] };
  }
  const wroteNothing = ctx.has.journals && !entries.some((entry) => ctx.inMonth(entry.date));
  if (wroteNothing && missed.length === 0) {
    // A manager who wrote no entry reported nothing: "no violation missed" would be a perfect score for doing nothing.
    return { hasData: false, metrics: { reported: null, missed: null, order_score: null }, flags: [] };
  }
  return {
    hasData: ctx.has.inspections,
    metrics: {
      reported,
      missed: missed.length,
      order_score: violations === 0 ? 100 : (100 * reported) / violations,
    },
    flags: missed.map((inspection) => missedFlag(ctx, managerCode, inspection)),
  };
}

function reportedBefore(inspection: InspectionRow, reportsByRetailer: ReadonlyMap<number | null, JournalRow[]>, windowDays: number): boolean {
  const windowStart = addDays(inspection.date, -windowDays);
  return (reportsByRetailer.get(inspection.retailerId) ?? []).some(
    (entry) => entry.date >= windowStart && entry.date <= inspection.date,
  );
}

function missedFlag(ctx: MonthContext, managerCode: string, inspection: InspectionRow): Flag {
  const found = { day: inspection.date, violation: inspection.violation.trim(), days: ctx.thresholds.reportWindowDays };
  return {
    type: 'order.missed',
    managerCode,
    ...(inspection.retailerId === null
      ? zhMessage('flag.order.missedNoRetailer', found)
      : zhMessage('flag.order.missed', { ...found, retailer: ctx.retailerName(inspection.retailerId) })),
    evidence: [
      { kind: 'inspections', id: inspection.id },
      ...(inspection.retailerId === null ? [] : [{ kind: 'retailers' as const, id: inspection.retailerId }]),
    ],
    date: inspection.date,
  };
}
