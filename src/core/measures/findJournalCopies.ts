import { findNearCopies } from '../similarity/findNearCopies';
import type { NearCopyPair } from '../similarity/nearCopyTypes';
import type { JournalRow } from './evaluationInput';
import type { MonthContext } from './monthContext';
import type { NearCopyRecord } from './nearCopyRecord';

export interface ManagerCopies {
  /** The manager's entries of the month that count as self copies / cross copies. */
  selfIds: Set<number>;
  crossIds: Set<number>;
  selfPairs: NearCopyPair[];
  crossPairs: NearCopyPair[];
}

export interface JournalCopies {
  byManager: Map<string, ManagerCopies>;
  /** Every pair that makes some entry of the month count, in (aId, bId) order. */
  pairs: NearCopyRecord[];
  journalById: Map<number, JournalRow>;
}

/**
 * Near-copies among all managers' journal entries of the month and the 30 days before it.
 * Same manager, different days: every entry of the pair counts as a self copy. Different
 * managers: the later entry is the copier; on the same day both are. Only entries of the
 * month are counted; earlier ones were judged in their own month.
 */
export function findJournalCopies(ctx: MonthContext): JournalCopies {
  const journalById = new Map(ctx.input.journals.map((row) => [row.id, row]));
  // A pair counts only if an entry of it is of the month (see crossCopiers: the later entry is the
  // copier), so the entries outside the month are not compared among themselves at all.
  const docs = ctx.input.journals.map((row) => ({
    id: row.id,
    author: row.managerCode,
    date: row.date,
    text: row.content,
    reference: !ctx.inMonth(row.date),
  }));
  const found = findNearCopies(docs, { threshold: ctx.thresholds.nearCopyJaccard, minChars: ctx.thresholds.minEntryChars });
  const byManager = new Map<string, ManagerCopies>();
  const copiesOf = (managerCode: string): ManagerCopies => {
    let copies = byManager.get(managerCode);
    if (!copies) {
      copies = { selfIds: new Set(), crossIds: new Set(), selfPairs: [], crossPairs: [] };
      byManager.set(managerCode, copies);
    }
    return copies;
  };
  const pairs: NearCopyRecord[] = [];
  for (const pair of found) {
    const a = journalById.get(pair.aId);
    const b = journalById.get(pair.bId);
    if (!a || !b) continue;
    const self = a.managerCode === b.managerCode;
    const counted = (self ? selfCopies(a, b) : crossCopiers(a, b)).filter((entry) => ctx.inMonth(entry.date));
    if (counted.length === 0) continue;
    for (const entry of counted) {
      const copies = copiesOf(entry.managerCode);
      (self ? copies.selfIds : copies.crossIds).add(entry.id);
    }
    for (const managerCode of new Set(counted.map((entry) => entry.managerCode))) {
      const copies = copiesOf(managerCode);
      (self ? copies.selfPairs : copies.crossPairs).push(pair);
    }
    pairs.push({ ...pair, kind: 'journals', self, aManager: a.managerCode, bManager: b.managerCode });
  }
  return { byManager, pairs, journalById };
}

function selfCopies(a: JournalRow, b: JournalRow): JournalRow[] {
  return a.date === b.date ? [] : [a, b];
}

function crossCopiers(a: JournalRow, b: JournalRow): JournalRow[] {
  if (a.date === b.date) return [a, b];
  return a.date < b.date ? [b] : [a];
}
