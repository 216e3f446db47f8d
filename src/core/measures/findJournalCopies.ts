import { boilerplateRanges } from '../similarity/copiedSpans';
import { findCopies } from '../similarity/findCopies';
import type { NearCopyPair } from '../similarity/nearCopyTypes';
import type { JournalRow } from './evaluationInput';
import type { MonthContext } from './monthContext';
import type { NearCopyRecord } from './nearCopyRecord';

/** measures.md: wording used by 3 managers is the district's (a scheme saved before the setting existed has none). */
const DEFAULT_BOILERPLATE_MANAGERS = 3;

export interface ManagerCopies {
  /** The manager's entries of the month that count as self copies / cross copies. */
  selfIds: Set<number>;
  crossIds: Set<number>;
  selfPairs: NearCopyPair[];
  crossPairs: NearCopyPair[];
  /** Entries of the month that are nothing but district boilerplate (套话). */
  perfunctoryIds: Set<number>;
}

export interface JournalCopies {
  byManager: Map<string, ManagerCopies>;
  /** Every pair that makes some entry of the month count, in (aId, bId) order. */
  pairs: NearCopyRecord[];
  journalById: Map<number, JournalRow>;
  /** Per entry of the month that was compared: the share of it that is its own, not district boilerplate. */
  specificShare: Map<number, number>;
}

/**
 * Copies among all managers' journal entries of the month and the 30 days before it (findCopies:
 * similar overall and sharing the specific content, not just the district's boilerplate).
 * Same manager, different days: every entry of the pair counts as a self copy. Different
 * managers: the later entry is the copier; on the same day both are. Only entries of the
 * month are counted; earlier ones were judged in their own month. Entries that are nothing but
 * boilerplate are perfunctory (套话), counted per manager.
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
  const findings = findCopies(docs, {
    threshold: ctx.thresholds.nearCopyJaccard,
    minChars: ctx.thresholds.minEntryChars,
    boilerplateManagers: ctx.thresholds.boilerplateManagers ?? DEFAULT_BOILERPLATE_MANAGERS,
  });
  const found = findings.pairs;
  const byManager = new Map<string, ManagerCopies>();
  const copiesOf = (managerCode: string): ManagerCopies => {
    let copies = byManager.get(managerCode);
    if (!copies) {
      copies = { selfIds: new Set(), crossIds: new Set(), selfPairs: [], crossPairs: [], perfunctoryIds: new Set() };
      byManager.set(managerCode, copies);
    }
    return copies;
  };
  const pairs: NearCopyRecord[] = [];
  for (const { aId, bId, similarity, basis } of found) {
    const pair: NearCopyPair = { aId, bId, similarity };
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
    pairs.push({
      aId: pair.aId,
      bId: pair.bId,
      similarity: pair.similarity,
      kind: 'journals',
      self,
      aManager: a.managerCode,
      bManager: b.managerCode,
      basis,
      aBoilerplate: boilerplateRanges(a.content, findings.boilerplateMask(a.id, b.id)),
      bBoilerplate: boilerplateRanges(b.content, findings.boilerplateMask(b.id, a.id)),
    });
  }
  for (const id of findings.perfunctory) {
    const entry = journalById.get(id);
    if (entry && ctx.inMonth(entry.date)) copiesOf(entry.managerCode).perfunctoryIds.add(id);
  }
  return { byManager, pairs, journalById, specificShare: findings.specificShare };
}

function selfCopies(a: JournalRow, b: JournalRow): JournalRow[] {
  return a.date === b.date ? [] : [a, b];
}

function crossCopiers(a: JournalRow, b: JournalRow): JournalRow[] {
  if (a.date === b.date) return [a, b];
  return a.date < b.date ? [b] : [a];
}
