import { zhMessage } from '../messages/messageText';
import type { DimensionMeasures } from './dimensionMeasures';
import type { Flag, MetricKey } from './dimensions';
import type { JournalRow } from './evaluationInput';
import type { JournalCopies } from './findJournalCopies';
import { findReportCopy } from './findReportCopy';
import { isReportedProblem } from './isReportedProblem';
import type { MonthContext } from './monthContext';
import { monthlyReport } from './monthlyReport';
import { normalizedLength } from './normalizedLength';
import { median, ratio } from './numberStats';
import { reportDueOn } from './reportDueOn';
import { journalCopyFlags, perfunctoryFlags, reportCopyFlags, reportMissingFlags, shortEntriesFlags } from './recordsFlags';

type Metrics = Partial<Record<MetricKey, number | null>>;

/**
 * 文字记录. Journal metrics are null when the district has no journals for the month and
 * report metrics when nobody's monthly report is there: a file not imported must not read
 * as every manager failing. Lengths count characters without whitespace and punctuation.
 */
export function measureRecords(ctx: MonthContext, managerCode: string, copies: JournalCopies): DimensionMeasures {
  const journals = ctx.has.journals ? journalMeasures(ctx, managerCode, copies) : { metrics: {}, flags: [] };
  const reports = ctx.has.monthlyReports ? reportMeasures(ctx, managerCode) : { metrics: {}, flags: [] };
  return {
    hasData: ctx.has.journals || ctx.has.monthlyReports,
    metrics: {
      journal_rate: null,
      journal_chars: null,
      short_entries: null,
      self_copy: null,
      cross_copy: null,
      perfunctory_entries: null,
      report_submitted: null,
      report_copy: null,
      problems_reported: null,
      counter_ok_rate: null,
      ...journals.metrics,
      ...reports.metrics,
    },
    flags: [...journals.flags, ...reports.flags],
  };
}

function journalMeasures(ctx: MonthContext, managerCode: string, copies: JournalCopies): { metrics: Metrics; flags: Flag[] } {
  const entries = (ctx.journalsByManager.get(managerCode) ?? []).filter((entry) => ctx.inMonth(entry.date));
  const workdays = ctx.workdaysOf(managerCode);
  const writtenOn = new Set(entries.map((entry) => entry.date));
  const lengths = new Map(entries.map((entry) => [entry.id, normalizedLength(entry.content)]));
  const shortEntries = entries.filter((entry) => (lengths.get(entry.id) ?? 0) < ctx.thresholds.minEntryChars);
  const own = copies.byManager.get(managerCode);
  if (entries.length === 0) {
    // Nothing written: a rate of 0, and the fault counts have nothing to count (无数据, not a clean 0).
    return {
      metrics: { journal_rate: workdays.length === 0 ? null : 0, problems_reported: 0 },
      flags: [
        {
          type: 'records.no_journals',
          managerCode,
          ...zhMessage('flag.records.noJournals'),
          evidence: [],
        },
      ],
    };
  }
  return {
    metrics: {
      journal_rate: ratio(workdays.filter((day) => writtenOn.has(day)).length, workdays.length),
      journal_chars: median([...lengths.values()]),
      short_entries: shortEntries.length,
      self_copy: own?.selfIds.size ?? 0,
      cross_copy: own?.crossIds.size ?? 0,
      perfunctory_entries: own?.perfunctoryIds.size ?? 0,
      problems_reported: entries.filter((entry) => isReportedProblem(entry.problems)).length,
      counter_ok_rate: counterOkRate(entries),
    },
    flags: [
      ...journalCopyFlags(ctx, managerCode, own, copies.journalById),
      ...shortEntriesFlags(ctx, managerCode, shortEntries),
      ...perfunctoryFlags(managerCode, own, copies.journalById),
    ],
  };
}

/**
 * A visit had a counter check when either item was recorded; it is tidy when no recorded
 * item is 否 (an export that only has 明码标价 still gives a rate).
 */
function counterOkRate(entries: readonly JournalRow[]): number | null {
  const checked = entries.filter((entry) => entry.priceMarked !== null || entry.displayOk !== null);
  const ok = checked.filter((entry) => entry.priceMarked !== false && entry.displayOk !== false);
  return ratio(ok.length, checked.length);
}

/** A report without a submission date counts as on time: the export simply lacks the column. */
function reportMeasures(ctx: MonthContext, managerCode: string): { metrics: Metrics; flags: Flag[] } {
  const report = monthlyReport(ctx, managerCode, ctx.month);
  const dueOn = reportDueOn(ctx.month, ctx.thresholds.reportDueDay);
  if (report === null && ctx.input.asOf && ctx.input.asOf <= dueOn) {
    // Still time to hand it in: neither submitted nor missing.
    return { metrics: { report_submitted: null, report_copy: null }, flags: [] };
  }
  const onTime = report !== null && (report.submittedOn === null || report.submittedOn <= dueOn);
  const comparison = findReportCopy(ctx, managerCode);
  const copied = comparison !== null && comparison.similarity >= ctx.thresholds.nearCopyJaccard;
  return {
    metrics: { report_submitted: onTime ? 1 : 0, report_copy: comparison === null ? null : copied ? 1 : 0 },
    flags: [
      ...(onTime ? [] : reportMissingFlags(ctx, managerCode, report, dueOn)),
      ...(comparison && copied ? reportCopyFlags(ctx, managerCode, comparison) : []),
    ],
  };
}
