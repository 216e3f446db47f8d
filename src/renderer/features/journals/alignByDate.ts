import { copiedSpans } from '../../../core/similarity/copiedSpans';
import type { TextEntryDto } from '../../../shared/api/journalsApi';
import { jaccard } from '../../../core/similarity/jaccard';
import { trigramSet } from '../../../core/similarity/trigramSet';

/**
 * Below this similarity to its closest counterpart an entry's shared runs are the district's
 * stock phrases, not a copy; marking them would bury the copies (and each diff costs time).
 */
export const MIN_MARKED_SIMILARITY = 0.3;

export interface AlignedEntry {
  entry: TextEntryDto;
  /** The runs it shares with its closest entry on the other side of the same row, when that one is at least MIN_MARKED_SIMILARITY alike. */
  spans: [number, number][];
  /** Similarity to that closest entry; null when the other side has nothing that day. */
  best: number | null;
}

export interface DateRow {
  /** The row's label: one date, or 'left date|right date' when two picked days are compared. */
  key: string;
  leftDate: string;
  rightDate: string;
  left: AlignedEntry[];
  right: AlignedEntry[];
}

/**
 * Rows of the two-pane view: one per date that either side wrote on, ascending, each with both
 * sides' entries of that date; or a single row when each side is one picked day (one manager,
 * two dates). Each entry is compared with its most similar entry across the row.
 */
export function alignByDate(left: readonly TextEntryDto[], right: readonly TextEntryDto[], pickedDays: { left?: string; right?: string }): DateRow[] {
  const rows: { key: string; leftDate: string; rightDate: string; l: TextEntryDto[]; r: TextEntryDto[] }[] = [];
  if (pickedDays.left && pickedDays.right) {
    rows.push({ key: `${pickedDays.left}|${pickedDays.right}`, leftDate: pickedDays.left, rightDate: pickedDays.right, l: [...left], r: [...right] });
  } else {
    const dates = [...new Set([...left, ...right].map((e) => e.date ?? ''))].sort();
    for (const date of dates) {
      rows.push({ key: date, leftDate: date, rightDate: date, l: left.filter((e) => (e.date ?? '') === date), r: right.filter((e) => (e.date ?? '') === date) });
    }
  }
  // Each entry's 3-grams once, not once per comparison.
  const grams = new Map<number, Set<string>>();
  const gramsOf = (e: TextEntryDto) => {
    let set = grams.get(e.id);
    if (!set) {
      set = trigramSet(e.text);
      grams.set(e.id, set);
    }
    return set;
  };
  const alignOne = (entry: TextEntryDto, others: readonly TextEntryDto[]): AlignedEntry => {
    let best: TextEntryDto | null = null;
    let bestSimilarity = -1;
    for (const other of others) {
      if (other.id === entry.id) continue;
      const s = jaccard(gramsOf(entry), gramsOf(other));
      if (s > bestSimilarity) {
        best = other;
        bestSimilarity = s;
      }
    }
    if (!best) return { entry, spans: [], best: null };
    const spans = bestSimilarity >= MIN_MARKED_SIMILARITY ? copiedSpans(entry.text, best.text).aSpans : [];
    return { entry, spans, best: bestSimilarity };
  };
  return rows.map(({ key, leftDate, rightDate, l, r }) => ({
    key,
    leftDate,
    rightDate,
    left: l.map((e) => alignOne(e, r)),
    right: r.map((e) => alignOne(e, l)),
  }));
}
