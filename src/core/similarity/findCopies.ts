import { findNearCopies } from './findNearCopies';
import { comparePairs, type NearCopyDoc, type NearCopyPair } from './nearCopyTypes';
import { normalizeForSimilarity } from './normalizeForSimilarity';
import { TrigramIds } from './tokenizeTrigrams';

/**
 * Why a pair is a copy: it shares the bulk of the smaller entry's specific content ('specific'),
 * the same for a short entry (< SHORT_CHARS) found by edit distance, where one edit already drops
 * 3-gram Jaccard under the threshold ('short'), or it belongs to a copy ring: three or more managers
 * wrote one text in the month, which made it look like district phrasing ('ring').
 */
export type CopyBasis = 'specific' | 'short' | 'ring';

export interface CopyPair extends NearCopyPair {
  basis: CopyBasis;
  /** Share of the smaller entry's specific content that the other entry has too (1 for a ring). */
  specificShared: number;
}

export interface CopyOptions {
  /** Jaccard at or above which two texts are similar overall (the scheme's nearCopyJaccard). */
  threshold: number;
  /** Texts shorter than this (normalised characters) are not compared. */
  minChars: number;
  /** Wording used by at least this many managers (month and look-back) is district boilerplate. */
  boilerplateManagers: number;
}

export interface CopyFindings {
  pairs: CopyPair[];
  /** Ids of the non-reference texts that are (almost) nothing but district boilerplate (套话). */
  perfunctory: Set<number>;
  /** Per compared text: the share of its symbols that are its own (not district boilerplate). */
  specificShare: Map<number, number>;
  /**
   * Per code point of a text's normalised form: is it boilerplate when the text is compared with
   * text `otherId` (district phrasing; with the same writer also the writer's own phrases)? Null
   * for a text that was not compared.
   */
  boilerplateMask(id: number, otherId: number): boolean[] | null;
}

/** Symbols per unit of wording: three characters (a number counts as one). */
const UNIT = 3;
/** A copy shares at least this share of the smaller entry's specific symbols (measured: bench near-copy section). */
const SPECIFIC_SHARED_MIN = 0.6;
/** The share a short entry, or an entry one of whose numbers the other lacks, must share. */
const SPECIFIC_SHARED_STRICT = 0.8;
/** …and at least this many of them: one coinciding number is no evidence. */
const SPECIFIC_SHARED_SYMBOLS = 2;
/**
 * A copy shares at least this many facts of the smaller entry's specific content. Honest entries
 * written from one template share a fact by chance (the same brand, a count, a shop of the
 * writer's own); a copy carries the rest of the entry along with it.
 */
const SHARED_FACTS_MIN = 2;
/**
 * One fact (a shop's name of 4–8 characters with the words at its edges, a brand, a count) spans at
 * most this many symbols; a longer run of specific content holds several facts (a whole sentence
 * of the writer's own, where no district phrasing separates them).
 */
const FACT_SYMBOLS = 12;
/** Pairs with an entry shorter than this are decided by edit distance, not 3-gram Jaccard. */
const SHORT_CHARS = 30;
/**
 * A short entry is a copy when at most this many edits separate it from the other, an edit being
 * one changed symbol (a character, a whole number) or one inserted or deleted run: one small edit,
 * where a different brand or shop in one template is two or more changed symbols.
 */
const SHORT_EDITS_MAX = 1;
/** Short-entry candidates are looked for down to this Jaccard, then decided by edit distance. */
const SHORT_CANDIDATE_JACCARD = 0.4;
/** An entry with under this share of specific symbols is perfunctory (套话, 应付差事). */
const PERFUNCTORY_SPECIFIC_MAX = 0.05;
/** A unit a manager writes on at least this many days is that manager's own phrase (self copies only). */
const OWN_PHRASE_DAYS = 3;
/**
 * A ring member differs from the others by at most this many places of specific content (one
 * retouch: a character, an insertion, a deletion), none a number.
 */
const RING_EDIT_PLACES = 1;

interface Prepared {
  doc: NearCopyDoc;
  normalized: string;
  /** Normalised length in code points. */
  length: number;
  /** The symbols (a character, or a whole number) as ids. */
  symbols: Int32Array;
  /** Per symbol: 1 for a number. */
  isNumber: Uint8Array;
  /** Per symbol: its code points in the normalised text. */
  width: Uint16Array;
  /** unit[i] = the id of symbols i … i + UNIT − 1 (one unit of the whole text when it is shorter). */
  units: Int32Array;
  /** Per unit: 1 when it holds a number. */
  unitHasNumber: Uint8Array;
  /** The units as a set, made when the text is in a candidate pair. */
  unitSet: Set<number> | null;
}

function unitSetOf(p: Prepared): Set<number> {
  return (p.unitSet ??= new Set(p.units));
}

/**
 * Copy detection that knows boilerplate (issue 20). Wording that several managers use over the
 * month and the look-back is district boilerplate (official phrasing, templates); what it does not
 * cover is an entry's specific content: shops, names, numbers, findings. A pair similar overall
 * (3-gram Jaccard ≥ threshold) is a copy only when it also shares the bulk of the smaller entry's
 * specific content, so two honest entries written from one template with their facts changed are
 * never accused, while a copy with one small edit still shares nearly all of it.
 */
export function findCopies(docs: readonly NearCopyDoc[], opts: CopyOptions): CopyFindings {
  const prepared = new Map<number, Prepared>();
  const tokenizer = new UnitTokenizer();
  for (const doc of docs) {
    const normalized = normalizeForSimilarity(doc.text);
    const p = tokenizer.prepare(doc, normalized);
    if (p.length < opts.minChars || p.length < 3) continue;
    prepared.set(doc.id, p);
  }
  tokenizer.finish(prepared.values());
  const unitCount = tokenizer.unitCount;
  const all = [...prepared.values()];
  const historyManagers = authorCounts(all, unitCount, (p) => p.doc.reference === true);
  const minManagers = Math.max(2, Math.round(opts.boilerplateManagers));
  const districtWriters = new Set(all.map((p) => p.doc.author)).size;
  const textsBy = new Map<string, Prepared[]>();
  for (const p of all) {
    const texts = textsBy.get(p.doc.author);
    if (texts) texts.push(p);
    else textsBy.set(p.doc.author, [p]);
  }
  const ownPhrases = new Map<string, Set<number>>();
  const ownOf = (author: string): Set<number> => {
    let own = ownPhrases.get(author);
    if (!own) ownPhrases.set(author, (own = recurringUnits(textsBy.get(author) ?? [])));
    return own;
  };

  // Candidates: similar overall by 3-gram Jaccard; short entries (one edit changes up to three of
  // their few 3-grams, so Jaccard alone misses copies) from a lower Jaccard, decided by edit distance.
  const isShort = (pair: NearCopyPair) => Math.min(prepared.get(pair.aId)!.length, prepared.get(pair.bId)!.length) < SHORT_CHARS;
  const candidates: { pair: NearCopyPair; short: boolean }[] = findNearCopies(docs, { threshold: opts.threshold, minChars: opts.minChars }).map(
    (pair) => ({ pair, short: isShort(pair) }),
  );
  const shortDocs = docs.filter((doc) => {
    const p = prepared.get(doc.id);
    return p !== undefined && p.length < SHORT_CHARS + SHORT_CHARS / 2;
  });
  for (const pair of findNearCopies(shortDocs, { threshold: SHORT_CANDIDATE_JACCARD, minChars: opts.minChars })) {
    if (pair.similarity < opts.threshold && isShort(pair)) candidates.push({ pair, short: true });
  }

  // Twice: the second time without the copies the first found, so that copiers spreading a
  // colleague's shop names do not make them look like district phrasing.
  let judged = judge(all);
  const copiers = laterSides(judged.pairs, prepared);
  if (copiers.size > 0) judged = judge(all.filter((p) => !copiers.has(p.doc.id)));
  const { pairs, boilerplateFor, isDistrict } = judged;

  function judge(counted: readonly Prepared[]) {
    const managers = authorCounts(counted, unitCount);
    const isDistrict = (unit: number) => managers[unit]! >= minManagers;
    /**
     * Boilerplate when texts a and b are compared: wording used by minManagers − 1 managers
     * besides their two writers, so that a copier cannot turn a colleague's own words into
     * district phrasing by copying them; with one writer also the writer's own recurring phrases.
     */
    const boilerplateFor = (a: Prepared, b: Prepared): ((unit: number) => boolean) => {
      if (a.doc.author === b.doc.author) {
        const own = ownOf(a.doc.author);
        return (unit) => isDistrict(unit) || own.has(unit);
      }
      return districtFor(a, b);
    };
    /** District phrasing alone when a and b are compared (what tells one fact from the next). */
    const districtFor = (a: Prepared, b: Prepared): ((unit: number) => boolean) => {
      if (a.doc.author === b.doc.author) return isDistrict;
      const aUnits = unitSetOf(a);
      const bUnits = unitSetOf(b);
      return (unit) => managers[unit]! - (aUnits.has(unit) ? 1 : 0) - (bUnits.has(unit) ? 1 : 0) >= minManagers - 1;
    };
    const pairs: CopyPair[] = [];
    const ringCandidates: NearCopyPair[] = [];
    for (const { pair, short } of candidates) {
      const a = prepared.get(pair.aId)!;
      const b = prepared.get(pair.bId)!;
      const isBoilerplate = boilerplateFor(a, b);
      const isDistrictHere = districtFor(a, b);
      const left = sharedSpecific(a, b, isBoilerplate, coverage(a, isDistrictHere));
      const right = sharedSpecific(b, a, isBoilerplate, coverage(b, isDistrictHere));
      // The smaller entry's specific content: the side with fewer specific symbols.
      const smaller = left.specific <= right.specific ? left : right;
      if (short) {
        if (isShortCopy(a, b, smaller)) pairs.push({ ...pair, basis: 'short', specificShared: smaller.specific === 0 ? 0 : smaller.shared / smaller.specific });
        continue;
      }
      if (isCopy(smaller)) {
        pairs.push({ ...pair, basis: 'specific', specificShared: smaller.shared / smaller.specific });
      } else if (a.doc.author !== b.doc.author) {
        const apart = (x: SharedSpecific) => x.apartPlaces <= RING_EDIT_PLACES && !x.numberApart;
        // Nothing specific left, or only a retouch between the two: boilerplate, or a ring whose
        // writers made their own text look like it (decided in copyRings).
        if (smaller.specific === 0 || (apart(left) && apart(right))) ringCandidates.push(pair);
      }
    }
    const flagged = new Set(pairs.map((pair) => `${pair.aId}-${pair.bId}`));
    for (const pair of copyRings(ringCandidates, prepared, historyManagers, minManagers, districtWriters)) {
      if (!flagged.has(`${pair.aId}-${pair.bId}`)) pairs.push(pair);
    }
    return { pairs, boilerplateFor, isDistrict };
  }

  const specificShare = new Map<number, number>();
  for (const p of all) if (!p.doc.reference) specificShare.set(p.doc.id, ownShare(p, isDistrict));

  const copied = new Set<number>();
  for (const pair of pairs) copied.add(pair.aId).add(pair.bId);
  const perfunctory = new Set<number>();
  for (const p of all) {
    if (p.doc.reference || copied.has(p.doc.id)) continue;
    if ((specificShare.get(p.doc.id) ?? 1) < PERFUNCTORY_SPECIFIC_MAX) perfunctory.add(p.doc.id);
  }
  const boilerplateMask = (id: number, otherId: number): boolean[] | null => {
    const p = prepared.get(id);
    const other = prepared.get(otherId);
    if (!p || !other) return null;
    const symbolMask = coverage(p, boilerplateFor(p, other));
    const mask: boolean[] = [];
    symbolMask.forEach((covered, i) => {
      for (let k = 0; k < p.width[i]!; k++) mask.push(covered);
    });
    return mask;
  };
  return { pairs: pairs.sort(comparePairs), perfunctory, specificShare, boilerplateMask };
}

/**
 * Texts as symbols (a character, or a whole number: 152 and 153 are two facts, not two texts
 * sharing "15") and units of UNIT symbols as dense integer ids, so that counting them over a
 * city's journals is array work rather than millions of strings.
 */
class UnitTokenizer {
  /** Symbol id by code point, 0 = not seen yet (a flat array: a Map look-up per character cost more than the rest). */
  private readonly charIds = new Int32Array(0x110000);
  private readonly numberIds = new Map<string, number>();
  private symbolCount = 0;
  /** Scratch buffers for one text, grown as needed. */
  private ids = new Int32Array(256);
  private numberFlags = new Uint8Array(256);
  private widths = new Uint16Array(256);
  private readonly unitIds = new TrigramIds(1 << 16);
  /** Texts shorter than a unit: the whole text is one unit. */
  private readonly wholeIds = new Map<string, number>();
  private readonly wholeOffset = 1 << 30;

  get unitCount(): number {
    return this.unitIds.size + this.wholeIds.size;
  }

  prepare(doc: NearCopyDoc, normalized: string): Prepared {
    if (this.ids.length < normalized.length) {
      this.ids = new Int32Array(normalized.length * 2);
      this.numberFlags = new Uint8Array(normalized.length * 2);
      this.widths = new Uint16Array(normalized.length * 2);
    }
    const ids = this.ids;
    const isNumber = this.numberFlags;
    const width = this.widths;
    let count = 0;
    let length = 0;
    for (let i = 0; i < normalized.length; ) {
      const codePoint = normalized.codePointAt(i)!;
      if (codePoint >= 0x30 && codePoint <= 0x39) {
        let end = i + 1;
        while (end < normalized.length && normalized.charCodeAt(end) >= 0x30 && normalized.charCodeAt(end) <= 0x39) end++;
        const digits = normalized.slice(i, end);
        let id = this.numberIds.get(digits);
        if (id === undefined) this.numberIds.set(digits, (id = ++this.symbolCount));
        ids[count] = id;
        isNumber[count] = 1;
        width[count++] = end - i;
        length += end - i;
        i = end;
      } else {
        let id = this.charIds[codePoint]!;
        if (id === 0) id = this.charIds[codePoint] = ++this.symbolCount;
        ids[count] = id;
        isNumber[count] = 0;
        width[count++] = 1;
        length++;
        i += codePoint > 0xffff ? 2 : 1;
      }
    }
    let units: Int32Array;
    let unitHasNumber: Uint8Array;
    if (count <= UNIT) {
      const key = Array.from(ids.subarray(0, count)).join(',');
      let id = this.wholeIds.get(key);
      if (id === undefined) this.wholeIds.set(key, (id = this.wholeIds.size));
      // Whole-text units after the 3-symbol ones: ids stay dense once the texts are all read.
      units = Int32Array.of(this.wholeOffset + id);
      unitHasNumber = Uint8Array.of(isNumber.subarray(0, count).includes(1) ? 1 : 0);
    } else {
      units = new Int32Array(count - UNIT + 1);
      unitHasNumber = new Uint8Array(units.length);
      for (let k = 0; k < units.length; k++) {
        units[k] = this.unitIds.idOf(ids[k]!, ids[k + 1]!, ids[k + 2]!);
        unitHasNumber[k] = isNumber[k]! | isNumber[k + 1]! | isNumber[k + 2]!;
      }
    }
    return {
      doc,
      normalized,
      length,
      symbols: ids.slice(0, count),
      isNumber: isNumber.slice(0, count),
      width: width.slice(0, count),
      units,
      unitHasNumber,
      unitSet: null,
    };
  }

  /** Whole-text unit ids moved to right after the 3-symbol ones. */
  finish(texts: Iterable<Prepared>): void {
    const base = this.unitIds.size;
    for (const p of texts) {
      if (p.units.length === 1 && p.units[0]! >= this.wholeOffset) p.units[0] = base + p.units[0]! - this.wholeOffset;
    }
  }
}

/** The share of a text's symbols that are not boilerplate (coverage, without building the mask). */
function ownShare(p: Prepared, isBoilerplate: (unit: number) => boolean): number {
  const count = p.width.length;
  const span = Math.min(UNIT, count);
  let own = 0;
  let ownUntil = 0;
  for (let i = 0; i < p.units.length; i++) {
    if (isBoilerplate(p.units[i]!)) continue;
    const from = Math.max(i, ownUntil);
    own += i + span - from;
    ownUntil = i + span;
  }
  return count === 0 ? 0 : own / count;
}

/**
 * Per symbol: is it boilerplate, that is, is every unit around it boilerplate? A symbol in one
 * unit of the writer's own (a shop's name where its parts meet, a number in its sentence) is
 * specific content.
 */
function coverage(p: Prepared, isBoilerplate: (unit: number) => boolean): boolean[] {
  const count = p.width.length;
  const covered = new Array<boolean>(count).fill(true);
  const span = Math.min(UNIT, count);
  for (let i = 0; i < p.units.length; i++) {
    if (!isBoilerplate(p.units[i]!)) for (let k = i; k < i + span; k++) covered[k] = false;
  }
  return covered;
}

/**
 * x's specific symbols, how many of them the other text has in the same wording (a unit around
 * the symbol occurs in `y`), and whether a number is among those it has not.
 */
interface SharedSpecific {
  /** x's specific symbols. */
  specific: number;
  /** Of them, those the other text has in the same wording. */
  shared: number;
  /** Of those, the ones whose shared wording holds no number: the words, not a coinciding count. */
  sharedWords: number;
  /** A number of x's specific content is not in the other text. */
  numberApart: boolean;
  /** Facts of x's specific content (runs between district phrasing) that the other text has too. */
  sharedFacts: number;
  /** Places (runs of specific symbols) where x has what the other text has not. */
  apartPlaces: number;
}

/**
 * A copy shares the bulk of the smaller entry's specific content, and more of it than a number
 * that happens to be the same: two honest fillings of one template can coincide in a count.
 */
function isCopy(smaller: SharedSpecific): boolean {
  // A number may differ between honest entries: then one differing fact is too much for a copy.
  const min = smaller.numberApart ? SPECIFIC_SHARED_STRICT : SPECIFIC_SHARED_MIN;
  return (
    smaller.specific > 0 &&
    smaller.sharedWords >= SPECIFIC_SHARED_SYMBOLS &&
    smaller.sharedFacts >= SHARED_FACTS_MIN &&
    smaller.shared / smaller.specific >= min
  );
}

/**
 * A short entry has two or three facts, too few to count: it is a copy when one small edit is
 * all that separates it from another manager's entry and it shares specific words; of the same
 * writer, when it repeats the entry word for word (punctuation aside).
 */
function isShortCopy(a: Prepared, b: Prepared, smaller: SharedSpecific): boolean {
  if (smaller.sharedWords < SPECIFIC_SHARED_SYMBOLS) return false;
  // One writer's shop is theirs on every day: a word changed (a brand, a count) is a new fact.
  const max = a.doc.author === b.doc.author ? 0 : SHORT_EDITS_MAX;
  return symbolEdits(a.symbols, b.symbols, max) <= max;
}

/**
 * Edits between two symbol sequences, where a changed symbol is one edit and an inserted or
 * deleted run of any length is one (edit distance with free gap extension, Gotoh); stops counting
 * above `max`.
 */
function symbolEdits(x: Int32Array, y: Int32Array, max: number): number {
  const m = y.length;
  const big = max + 1;
  // best[j]: x[0..i) against y[0..j); gapX[j]: ending in a run deleted from x; gapY[j]: inserted from y.
  let best = new Int32Array(m + 1);
  let gapX = new Int32Array(m + 1).fill(big);
  let gapY = new Int32Array(m + 1).fill(big);
  for (let j = 1; j <= m; j++) best[j] = gapY[j] = 1;
  for (let i = 1; i <= x.length; i++) {
    const nextBest = new Int32Array(m + 1);
    const nextGapX = new Int32Array(m + 1);
    const nextGapY = new Int32Array(m + 1);
    nextGapX[0] = 1;
    nextBest[0] = 1;
    nextGapY[0] = big;
    let rowMin = nextBest[0];
    for (let j = 1; j <= m; j++) {
      nextGapX[j] = Math.min(gapX[j]!, best[j]! + 1);
      nextGapY[j] = Math.min(nextGapY[j - 1]!, nextBest[j - 1]! + 1);
      const diagonal = best[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      nextBest[j] = Math.min(big, diagonal, nextGapX[j]!, nextGapY[j]!);
      rowMin = Math.min(rowMin, nextBest[j]!);
    }
    if (rowMin > max) return big;
    best = nextBest;
    gapX = nextGapX;
    gapY = nextGapY;
  }
  return best[m]!;
}

/**
 * `district`: per symbol of x, is it district phrasing for this pair? Runs between such symbols are
 * x's facts (a writer's own recurring phrase, boilerplate for a self copy, stays inside its fact).
 */
function sharedSpecific(x: Prepared, y: Prepared, isBoilerplate: (unit: number) => boolean, district: readonly boolean[]): SharedSpecific {
  const count = x.width.length;
  const span = Math.min(UNIT, count);
  const yUnits = unitSetOf(y);
  let yNumbers: Set<number> | null = null;
  let specific = 0;
  let shared = 0;
  let sharedWords = 0;
  let numberApart = false;
  // The fact (a run of symbols between district phrasing) being read: its specific symbols, those
  // the other text has, and of those the words.
  let sharedFacts = 0;
  let apartPlaces = 0;
  let apartUntil = -1;
  let factSpecific = 0;
  let factShared = 0;
  let factWords = 0;
  const endFact = () => {
    // A fact is shared when the other text has all of it: honest fillings of a template can
    // coincide in part of a fact (a shop's place and kind). Of a longer run shared in part, the
    // whole facts' worth of words the other text has.
    if (factSpecific > 0 && factShared === factSpecific) sharedFacts += factWeight(factWords);
    else sharedFacts += Math.floor(factWords / FACT_SYMBOLS);
    factSpecific = factShared = factWords = 0;
  };
  for (let i = 0; i < count; i++) {
    if (district[i]) endFact();
    const isNumber = x.isNumber[i] === 1;
    // A word symbol is specific through wording of its own without a number; the words right
    // next to a number are specific only through it and belong to that one fact.
    let specificHere = false;
    let inY = false;
    for (let start = Math.max(0, i - span + 1); start <= i && start < x.units.length; start++) {
      const unit = x.units[start]!;
      if ((!isNumber && x.unitHasNumber[start] === 1) || isBoilerplate(unit)) continue;
      specificHere = true;
      if (yUnits.has(unit)) inY = true;
    }
    if (!specificHere) continue;
    specific++;
    factSpecific++;
    if (inY) {
      shared++;
      factShared++;
      if (!isNumber) {
        sharedWords++;
        factWords++;
      }
    } else {
      if (apartUntil !== i - 1) apartPlaces++;
      apartUntil = i;
      if (isNumber && !(yNumbers ??= numbersOf(y)).has(x.symbols[i]!)) numberApart = true;
    }
  }
  endFact();
  return { specific, shared, sharedWords, numberApart, sharedFacts, apartPlaces };
}

function numbersOf(p: Prepared): Set<number> {
  const numbers = new Set<number>();
  for (let i = 0; i < p.symbols.length; i++) if (p.isNumber[i] === 1) numbers.add(p.symbols[i]!);
  return numbers;
}

/** The copying side of every pair of two writers: the later entry, both on the same day. */
function laterSides(pairs: readonly CopyPair[], prepared: ReadonlyMap<number, Prepared>): Set<number> {
  const ids = new Set<number>();
  for (const pair of pairs) {
    const a = prepared.get(pair.aId)!.doc;
    const b = prepared.get(pair.bId)!.doc;
    if (a.author === b.author) continue;
    if (a.date <= b.date) ids.add(b.id);
    if (b.date <= a.date) ids.add(a.id);
  }
  return ids;
}

/** Distinct authors per unit over the texts `include` accepts (texts of one author counted once). */
function authorCounts(texts: readonly Prepared[], unitCount: number, include: (p: Prepared) => boolean = () => true): Int32Array {
  const counts = new Int32Array(unitCount);
  const lastAuthor = new Int32Array(unitCount).fill(-1);
  const authorIds = new Map<string, number>();
  const byAuthor = [...texts].filter(include).sort((x, y) => (x.doc.author < y.doc.author ? -1 : x.doc.author > y.doc.author ? 1 : 0));
  for (const p of byAuthor) {
    let author = authorIds.get(p.doc.author);
    if (author === undefined) authorIds.set(p.doc.author, (author = authorIds.size));
    for (let k = 0; k < p.units.length; k++) {
      const unit = p.units[k]!;
      if (lastAuthor[unit] === author) continue;
      lastAuthor[unit] = author;
      counts[unit]!++;
    }
  }
  return counts;
}

/** Units one author wrote on at least OWN_PHRASE_DAYS different days. */
function recurringUnits(texts: readonly Prepared[]): Set<number> {
  // Texts by day, so that a unit's days are counted with the last day it was seen on.
  const byDay = [...texts].sort((x, y) => (x.doc.date < y.doc.date ? -1 : x.doc.date > y.doc.date ? 1 : 0));
  const days = new Map<number, number>();
  const lastDay = new Map<number, number>();
  const recurring = new Set<number>();
  let day = -1;
  let previous: string | null = null;
  for (const p of byDay) {
    if (p.doc.date !== previous) {
      previous = p.doc.date;
      day++;
    }
    for (const unit of p.units) {
      if (lastDay.get(unit) === day) continue;
      lastDay.set(unit, day);
      const on = (days.get(unit) ?? 0) + 1;
      days.set(unit, on);
      if (on >= OWN_PHRASE_DAYS) recurring.add(unit);
    }
  }
  return recurring;
}

/**
 * Copy rings: pairs similar overall, at most a retouch apart, without shared specific content
 * because three or more managers wrote the text this month and so made it "boilerplate". A
 * connected group of such pairs with at least three managers is a ring when wording that three of
 * them share was not district phrasing in the look-back (history): their own text, not a template. Every later text of
 * a ring is paired with its earliest one, the pair a supervisor reads.
 */
function copyRings(
  candidates: readonly NearCopyPair[],
  prepared: ReadonlyMap<number, Prepared>,
  historyManagers: Int32Array,
  minManagers: number,
  districtWriters: number,
): CopyPair[] {
  const parent = new Map<number, number>();
  const find = (id: number): number => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const pair of candidates) {
    const a = find(pair.aId);
    const b = find(pair.bId);
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const groups = new Map<number, Prepared[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(prepared.get(id)!);
  }
  const pairs: CopyPair[] = [];
  for (const group of groups.values()) {
    const writers = new Set(group.map((p) => p.doc.author)).size;
    // Half the district writing one text is district phrasing, however new, not a ring.
    if (writers < 3 || writers * 2 >= districtWriters || group.every((p) => p.doc.reference)) continue;
    // A copier copies once; writers who each come back to the text on other days use a phrase of
    // theirs (套话 that is new in the district), not a copy.
    const days = new Map<string, Set<string>>();
    for (const p of group) days.set(p.doc.author, (days.get(p.doc.author) ?? new Set()).add(p.doc.date));
    if ([...days.values()].filter((on) => on.size > 1).length >= 2) continue;
    // The wording at least three of the group share that the look-back does not explain.
    const byUnit = new Map<number, Set<string>>();
    for (const p of group) for (const unit of unitSetOf(p)) byUnit.set(unit, (byUnit.get(unit) ?? new Set()).add(p.doc.author));
    const isExplained = (unit: number) => !((byUnit.get(unit)?.size ?? 0) >= 3 && historyManagers[unit]! < minManagers);
    const ordered = [...group].sort((x, y) => x.doc.date.localeCompare(y.doc.date) || x.doc.id - y.doc.id);
    const first = ordered[0]!;
    // As for a copy: one coinciding fact (three writers of a template naming the same brand) is no ring.
    const isHistoryDistrict = (unit: number) => historyManagers[unit]! >= minManagers;
    if (heldFacts(first, coverage(first, isHistoryDistrict), isHistoryDistrict, (unit) => !isExplained(unit)) < SHARED_FACTS_MIN) continue;
    for (const p of ordered.slice(1)) {
      if (p.doc.author === first.doc.author) continue;
      const similarity = trigramJaccard(first.normalized, p.normalized);
      pairs.push({ aId: Math.min(first.doc.id, p.doc.id), bId: Math.max(first.doc.id, p.doc.id), similarity, basis: 'ring', specificShared: 1 });
    }
  }
  return pairs;
}

/**
 * What a shared fact weighs: one per FACT_SYMBOLS of its words; a fact that is only a number with
 * the words around it half, since a count coincides between honest entries more easily than words.
 */
function factWeight(words: number): number {
  return words > 0 ? Math.ceil(words / FACT_SYMBOLS) : 0.5;
}

/**
 * Facts of x (runs between the symbols `boundary` covers) that are held whole: every specific
 * symbol of the run (in a unit `isBoilerplate` rejects; a word symbol: in one without a number) is
 * in a unit `holds` accepts.
 */
function heldFacts(x: Prepared, boundary: readonly boolean[], isBoilerplate: (unit: number) => boolean, holds: (unit: number) => boolean): number {
  const count = x.width.length;
  const span = Math.min(UNIT, count);
  let facts = 0;
  let whole = true;
  let words = 0;
  let length = 0;
  for (let i = 0; i <= count; i++) {
    if (i === count || boundary[i]) {
      if (length > 0 && whole) facts += factWeight(words);
      whole = true;
      words = length = 0;
      continue;
    }
    const isNumber = x.isNumber[i] === 1;
    let specific = false;
    let held = false;
    for (let start = Math.max(0, i - span + 1); start <= i && start < x.units.length; start++) {
      if ((!isNumber && x.unitHasNumber[start] === 1) || isBoilerplate(x.units[start]!)) continue;
      specific = true;
      if (holds(x.units[start]!)) held = true;
    }
    if (!specific) continue;
    length++;
    if (!held) whole = false;
    else if (!isNumber) words++;
  }
  return facts;
}

function trigramJaccard(a: string, b: string): number {
  const grams = (text: string) => {
    const chars = Array.from(text);
    const set = new Set<string>();
    for (let i = 0; i + 2 < chars.length; i++) set.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  let shared = 0;
  for (const gram of x) if (y.has(gram)) shared++;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

