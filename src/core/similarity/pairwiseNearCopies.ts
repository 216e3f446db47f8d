import { overlapToJaccard } from './jaccard';
import { assertNearCopyOptions, comparePairs, type NearCopyDoc, type NearCopyOptions, type NearCopyPair } from './nearCopyTypes';
import { normalizeForSimilarity } from './normalizeForSimilarity';
import { trigramsOfNormalized } from './trigramSet';

/**
 * The exhaustive O(n²) baseline: compares every pair, the definition of a near-copy against
 * which the fast join is tested and benchmarked. Use findNearCopies for real data.
 * 3-grams become integers (in order of first appearance) only so that each comparison is a
 * merge of two sorted arrays instead of string-set lookups; no pair is skipped.
 */
export function pairwiseNearCopies(docs: readonly NearCopyDoc[], opts: NearCopyOptions): NearCopyPair[] {
  assertNearCopyOptions(opts);
  const ids = new Map<string, number>();
  const eligible: { id: number; tokens: Int32Array }[] = [];
  for (const doc of docs) {
    const normalized = normalizeForSimilarity(doc.text);
    if (Array.from(normalized).length < opts.minChars) continue;
    const tokens = Int32Array.from(trigramsOfNormalized(normalized), (gram) => {
      let id = ids.get(gram);
      if (id === undefined) {
        id = ids.size;
        ids.set(gram, id);
      }
      return id;
    }).sort();
    eligible.push({ id: doc.id, tokens });
  }
  const pairs: NearCopyPair[] = [];
  for (let i = 0; i < eligible.length; i++) {
    const x = eligible[i]!;
    for (let j = i + 1; j < eligible.length; j++) {
      const y = eligible[j]!;
      const similarity = overlapToJaccard(sortedOverlap(x.tokens, y.tokens), x.tokens.length, y.tokens.length);
      if (similarity >= opts.threshold) {
        pairs.push({ aId: Math.min(x.id, y.id), bId: Math.max(x.id, y.id), similarity });
      }
    }
  }
  return pairs.sort(comparePairs);
}

function sortedOverlap(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const u = a[i]!;
    const v = b[j]!;
    if (u === v) {
      shared++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return shared;
}
