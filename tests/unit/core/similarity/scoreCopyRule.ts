import type { NearCopyPair } from '../../../../src/core/similarity/nearCopyTypes';
import { countedLength, type CopyCorpus, type CorpusEntry, type EditKind } from './copyCorpus';

export interface CopyRuleScore {
  /** Honest entries of the month (any kind but copies and ring members) and how many a rule accuses. */
  honest: number;
  honestAccused: number;
  /** Of them, templated ones (official phrasing with facts changed). */
  templated: number;
  templatedAccused: number;
  /** One-edit copies and how many are caught, in all and per edit kind (long + short sources). */
  copies: number;
  copiesCaught: number;
  byEdit: Record<EditKind, { copies: number; caught: number }>;
  /** Copies of short (< 30 characters) entries. */
  shortCopies: number;
  shortCaught: number;
  rings: number;
  /** Rings whose every copier is caught. */
  ringsCaught: number;
  /** Honest accused entries, for reading. */
  accusedIds: number[];
}

/**
 * Who a pair accuses, as the evaluation counts it: with two managers the later writer (both on the
 * same day), with one manager both entries of different days. Only entries of the month count.
 */
export function accusedBy(pairs: readonly NearCopyPair[], byId: ReadonlyMap<number, CorpusEntry>): Map<number, Set<number>> {
  const accused = new Map<number, Set<number>>();
  const accuse = (entry: CorpusEntry, other: CorpusEntry) => {
    if (entry.reference) return;
    let with_ = accused.get(entry.id);
    if (!with_) accused.set(entry.id, (with_ = new Set()));
    with_.add(other.id);
  };
  for (const pair of pairs) {
    const a = byId.get(pair.aId)!;
    const b = byId.get(pair.bId)!;
    if (a.author === b.author) {
      if (a.date !== b.date) {
        accuse(a, b);
        accuse(b, a);
      }
    } else if (a.date === b.date) {
      accuse(a, b);
      accuse(b, a);
    } else if (a.date < b.date) accuse(b, a);
    else accuse(a, b);
  }
  return accused;
}

/** A copy is caught when it is accused together with its source (a ring member: with any member of its ring). */
export function scoreCopyRule(corpus: CopyCorpus, pairs: readonly NearCopyPair[]): CopyRuleScore {
  const byId = new Map(corpus.entries.map((e) => [e.id, e]));
  const accused = accusedBy(pairs, byId);
  const score: CopyRuleScore = {
    honest: 0,
    honestAccused: 0,
    templated: 0,
    templatedAccused: 0,
    copies: 0,
    copiesCaught: 0,
    byEdit: Object.fromEntries(['punctuation', 'character', 'insertion', 'deletion', 'number', 'shop'].map((k) => [k, { copies: 0, caught: 0 }])) as CopyRuleScore['byEdit'],
    shortCopies: 0,
    shortCaught: 0,
    rings: 0,
    ringsCaught: 0,
    accusedIds: [],
  };
  const ringMembers = new Map<number, CorpusEntry[]>();
  for (const entry of corpus.entries) {
    if (entry.ring !== undefined) ringMembers.set(entry.ring, [...(ringMembers.get(entry.ring) ?? []), entry]);
    if (entry.reference) continue;
    const with_ = accused.get(entry.id);
    if (entry.truth === 'copy') {
      const caught = with_?.has(entry.sourceId!) === true;
      const short = countedLength(byId.get(entry.sourceId!)!.text) < 30;
      score.copies++;
      score.byEdit[entry.edit as EditKind].copies++;
      if (short) score.shortCopies++;
      if (caught) {
        score.copiesCaught++;
        score.byEdit[entry.edit as EditKind].caught++;
        if (short) score.shortCaught++;
      }
    } else if (entry.truth !== 'ring') {
      score.honest++;
      if (entry.truth === 'templated') score.templated++;
      if (with_) {
        score.honestAccused++;
        score.accusedIds.push(entry.id);
        if (entry.truth === 'templated') score.templatedAccused++;
      }
    }
  }
  for (const members of ringMembers.values()) {
    score.rings++;
    const ids = new Set(members.map((m) => m.id));
    const copiers = members.filter((m) => m.sourceId !== undefined);
    if (copiers.every((m) => [...(accused.get(m.id) ?? [])].some((id) => ids.has(id)))) score.ringsCaught++;
  }
  return score;
}
