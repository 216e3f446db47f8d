import type { NearCopyPair } from '../similarity/nearCopyTypes';
import type { Flag } from './dimensions';
import type { JournalRow, ReportRow } from './evaluationInput';
import type { ManagerCopies } from './findJournalCopies';
import type { ReportComparison } from './findReportCopy';
import type { MonthContext } from './monthContext';
import { zhMessage } from '../messages/messageText';

/** One flag per kind of copying, carrying every pair; the message names the closest pair. */
export function journalCopyFlags(
  ctx: MonthContext,
  managerCode: string,
  copies: ManagerCopies | undefined,
  journalById: ReadonlyMap<number, JournalRow>,
): Flag[] {
  const flags: Flag[] = [];
  if (!copies) return flags;
  const closestSelf = closest(copies.selfPairs, journalById);
  if (closestSelf) {
    const [a, b, similarity] = closestSelf;
    flags.push({
      type: 'records.self_copy',
      managerCode,
      ...zhMessage('flag.records.selfCopy', { n: copies.selfIds.size, day: a.date, day2: b.date, similarity }),
      evidence: pairEvidence(copies.selfPairs),
      pairs: copies.selfPairs,
    });
  }
  const closestCross = closest(copies.crossPairs, journalById);
  if (closestCross) {
    const [a, b] = closestCross;
    const [own, other] = a.managerCode === managerCode ? [a, b] : [b, a];
    flags.push({
      type: 'records.cross_copy',
      managerCode,
      ...zhMessage('flag.records.crossCopy', {
        n: copies.crossIds.size,
        day: own.date,
        other: ctx.managerName(other.managerCode),
        day2: other.date,
        similarity: closestCross[2],
      }),
      evidence: pairEvidence(copies.crossPairs),
      pairs: copies.crossPairs,
    });
  }
  return flags;
}

export function shortEntriesFlags(ctx: MonthContext, managerCode: string, shortEntries: readonly JournalRow[]): Flag[] {
  const first = shortEntries[0];
  if (!first) return [];
  return [
    {
      type: 'records.short_entries',
      managerCode,
      ...zhMessage('flag.records.shortEntries', { n: shortEntries.length, min: ctx.thresholds.minEntryChars, day: first.date, content: first.content.trim() }),
      evidence: shortEntries.map((entry) => ({ kind: 'journals', id: entry.id })),
    },
  ];
}

/**
 * Entries that are nothing but the district's boilerplate (套话, the courseware's 应付差事): wording
 * several managers use, without a shop, a number or a finding of the writer's own day.
 */
export function perfunctoryFlags(managerCode: string, copies: ManagerCopies | undefined, journalById: ReadonlyMap<number, JournalRow>): Flag[] {
  const entries = [...(copies?.perfunctoryIds ?? [])]
    .map((id) => journalById.get(id))
    .filter((entry): entry is JournalRow => entry !== undefined)
    .sort((x, y) => x.date.localeCompare(y.date) || x.id - y.id);
  const first = entries[0];
  if (!first) return [];
  return [
    {
      type: 'records.perfunctory',
      managerCode,
      ...zhMessage('flag.records.perfunctory', { n: entries.length, day: first.date, content: clip(first.content.trim(), 40) }),
      evidence: entries.map((entry) => ({ kind: 'journals', id: entry.id })),
    },
  ];
}

function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

export function reportMissingFlags(ctx: MonthContext, managerCode: string, report: ReportRow | null, dueOn: string): Flag[] {
  if (!report) {
    return [{ type: 'records.report_missing', managerCode, ...zhMessage('flag.records.reportMissing', { month: ctx.month, due: dueOn }), evidence: [] }];
  }
  const submittedOn = report.submittedOn ?? dueOn;
  return [
    {
      type: 'records.report_missing',
      managerCode,
      ...zhMessage('flag.records.reportLate', { month: ctx.month, day: submittedOn, due: dueOn }),
      evidence: [{ kind: 'reports', id: report.id }],
      date: submittedOn,
    },
  ];
}

export function reportCopyFlags(ctx: MonthContext, managerCode: string, comparison: ReportComparison): Flag[] {
  const { current, previous, similarity } = comparison;
  return [
    {
      type: 'records.report_copy',
      managerCode,
      ...zhMessage('flag.records.reportCopy', { month: ctx.month, previous: ctx.previousMonth, similarity }),
      evidence: [
        { kind: 'reports', id: previous.id },
        { kind: 'reports', id: current.id },
      ],
      pairs: [{ aId: Math.min(current.id, previous.id), bId: Math.max(current.id, previous.id), similarity }],
    },
  ];
}

/** The most similar pair (lowest ids on ties), resolved to its two entries. */
function closest(pairs: readonly NearCopyPair[], journalById: ReadonlyMap<number, JournalRow>): [JournalRow, JournalRow, number] | null {
  let best: NearCopyPair | null = null;
  for (const pair of pairs) if (!best || pair.similarity > best.similarity) best = pair;
  const a = best && journalById.get(best.aId);
  const b = best && journalById.get(best.bId);
  return best && a && b ? [a, b, best.similarity] : null;
}

function pairEvidence(pairs: readonly NearCopyPair[]): Flag['evidence'] {
  const ids = new Set<number>();
  for (const pair of pairs) ids.add(pair.aId).add(pair.bId);
  return [...ids].sort((x, y) => x - y).map((id) => ({ kind: 'journals', id }));
}
