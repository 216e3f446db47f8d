import { jaccard } from '../similarity/jaccard';
import { trigramSet } from '../similarity/trigramSet';
import type { ReportRow } from './evaluationInput';
import type { MonthContext } from './monthContext';
import { monthlyReport } from './monthlyReport';
import { normalizedLength } from './normalizedLength';

export interface ReportComparison {
  current: ReportRow;
  previous: ReportRow;
  similarity: number;
}

/**
 * This month's monthly report against last month's. Null when either is missing or too
 * short to compare (the same minimum length as journal entries).
 */
export function findReportCopy(ctx: MonthContext, managerCode: string): ReportComparison | null {
  const current = monthlyReport(ctx, managerCode, ctx.month);
  const previous = monthlyReport(ctx, managerCode, ctx.previousMonth);
  if (!current || !previous) return null;
  const minChars = ctx.thresholds.minEntryChars;
  if (normalizedLength(current.body) < minChars || normalizedLength(previous.body) < minChars) return null;
  return { current, previous, similarity: jaccard(trigramSet(current.body), trigramSet(previous.body)) };
}
