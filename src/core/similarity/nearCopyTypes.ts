export interface NearCopyDoc {
  id: number;
  author: string;
  /** YYYY-MM-DD */
  date: string;
  text: string;
  /**
   * A reference text is compared with the others but never with another reference text: the
   * pairs among them are left out (journal entries of the look-back, judged in their own month).
   */
  reference?: boolean;
}

/** One near-copy: `aId < bId`, `similarity` is the exact Jaccard of the two 3-gram sets. */
export interface NearCopyPair {
  aId: number;
  bId: number;
  similarity: number;
}

export interface NearCopyOptions {
  /** Jaccard at or above which two texts are near-copies, in (0, 1]. */
  threshold: number;
  /** Texts with fewer characters than this after normalisation are not compared. */
  minChars: number;
}

export function assertNearCopyOptions(opts: NearCopyOptions): void {
  if (!(opts.threshold > 0 && opts.threshold <= 1)) {
    throw new RangeError(`near-copy threshold must be in (0, 1], got ${opts.threshold}`);
  }
  if (!Number.isFinite(opts.minChars)) {
    throw new RangeError(`near-copy minChars must be a finite number, got ${opts.minChars}`);
  }
}

export function comparePairs(x: NearCopyPair, y: NearCopyPair): number {
  return x.aId - y.aId || x.bId - y.bId;
}
