import { boilerplateRanges } from '../similarity/copiedSpans';
import { findCopies, type CopyBasis, type CopyOptions } from '../similarity/findCopies';
import type { NearCopyDoc, NearCopyPair } from '../similarity/nearCopyTypes';
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

/** What findCopies is asked: the texts it compares and the rule's settings. Its findings depend on nothing else. */
export interface JournalCopyQuestion {
  docs: NearCopyDoc[];
  options: CopyOptions;
}

/** What findCopies found among a month's journal entries, as plain data (JSON keeps it exactly). */
export interface JournalCopyFindings {
  /** Every pair found, in findCopies' order, with each side's boilerplate ranges in this comparison. */
  pairs: { aId: number; bId: number; similarity: number; basis: CopyBasis; aBoilerplate: [number, number][]; bBoilerplate: [number, number][] }[];
  perfunctory: number[];
  specificShare: [number, number][];
}

/**
 * Findings kept from an earlier run (the backend keeps them per month): copy detection is most of
 * a month's computing, and its question rarely changes between two evaluations of a month.
 */
export interface JournalCopyCache {
  /** The findings kept for exactly this question, if any. */
  lookup(question: JournalCopyQuestion): JournalCopyFindings | undefined;
  /** Findings just computed for the question. */
  keep(question: JournalCopyQuestion, findings: JournalCopyFindings): void;
}

/**
 * Copies among all managers' journal entries of the month and the 30 days before it (findCopies:
 * similar overall and sharing the specific content, not just the district's boilerplate).
 * Same manager, different days: every entry of the pair counts as a self copy. Different
 * managers: the later entry is the copier; on the same day both are. Only entries of the
 * month are counted; earlier ones were judged in their own month. Entries that are nothing but
 * boilerplate are perfunctory (套话), counted per manager.
 */
export function findJournalCopies(ctx: MonthContext, cache?: JournalCopyCache): JournalCopies {
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
  const question: JournalCopyQuestion = {
    docs,
    options: {
      threshold: ctx.thresholds.nearCopyJaccard,
      minChars: ctx.thresholds.minEntryChars,
      boilerplateManagers: ctx.thresholds.boilerplateManagers ?? DEFAULT_BOILERPLATE_MANAGERS,
    },
  };
  let findings = cache?.lookup(question);
  if (!findings) {
    findings = journalCopyFindings(question, journalById);
    cache?.keep(question, findings);
  }
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
  for (const { aId, bId, similarity, basis, aBoilerplate, bBoilerplate } of found) {
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
      aBoilerplate,
      bBoilerplate,
    });
  }
  for (const id of findings.perfunctory) {
    const entry = journalById.get(id);
    if (entry && ctx.inMonth(entry.date)) copiesOf(entry.managerCode).perfunctoryIds.add(id);
  }
  return { byManager, pairs, journalById, specificShare: new Map(findings.specificShare) };
}

/** findCopies' answer to the question, with the boilerplate ranges of both sides of every pair of entries that exist. */
function journalCopyFindings(question: JournalCopyQuestion, journalById: ReadonlyMap<number, JournalRow>): JournalCopyFindings {
  const findings = findCopies(question.docs, question.options);
  const pairs: JournalCopyFindings['pairs'] = [];
  for (const { aId, bId, similarity, basis } of findings.pairs) {
    const a = journalById.get(aId);
    const b = journalById.get(bId);
    if (!a || !b) continue;
    pairs.push({
      aId,
      bId,
      similarity,
      basis,
      aBoilerplate: boilerplateRanges(a.content, findings.boilerplateMask(a.id, b.id)),
      bBoilerplate: boilerplateRanges(b.content, findings.boilerplateMask(b.id, a.id)),
    });
  }
  return { pairs, perfunctory: [...findings.perfunctory], specificShare: [...findings.specificShare] };
}

function selfCopies(a: JournalRow, b: JournalRow): JournalRow[] {
  return a.date === b.date ? [] : [a, b];
}

function crossCopiers(a: JournalRow, b: JournalRow): JournalRow[] {
  if (a.date === b.date) return [a, b];
  return a.date < b.date ? [b] : [a];
}
