import { overlapToJaccard } from './jaccard';
import { assertNearCopyOptions, comparePairs, type NearCopyDoc, type NearCopyOptions, type NearCopyPair } from './nearCopyTypes';
import { normalizeForSimilarity } from './normalizeForSimilarity';
import { trigramsOfNormalized } from './trigramSet';

/**
 * The exhaustive O(n²) baseline: compares every pair, the definition of a near-copy against
 * which the fast join is tested and benchmarked. Use findNearCopies for real data.
 * 3-grams become integers (in order of first appearance) only so that each comparison is a
 * run of array lookups instead of string-set lookups; no pair is skipped but those of two
 * reference texts.
 */
export function pairwiseNearCopies(docs: readonly NearCopyDoc[], opts: NearCopyOptions): NearCopyPair[] {
  assertNearCopyOptions(opts);
  const ids = new Map<string, number>();
  const eligible: { id: number; reference: boolean; tokens: Int32Array }[] = [];
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
    });
    eligible.push({ id: doc.id, reference: doc.reference === true, tokens });
  }
  const pairs: NearCopyPair[] = [];
  // 1 for the 3-grams of the text being compared with all later ones.
  const marked = new Uint8Array(ids.size);
  for (let i = 0; i < eligible.length; i++) {
    const x = eligible[i]!;
    for (const token of x.tokens) marked[token] = 1;
    for (let j = i + 1; j < eligible.length; j++) {
      const y = eligible[j]!;
      if (x.reference && y.reference) continue;
      let shared = 0;
      for (let k = 0; k < y.tokens.length; k++) shared += marked[y.tokens[k]!]!;
      const similarity = overlapToJaccard(shared, x.tokens.length, y.tokens.length);
      if (similarity >= opts.threshold) {
        pairs.push({ aId: Math.min(x.id, y.id), bId: Math.max(x.id, y.id), similarity });
      }
    }
    for (const token of x.tokens) marked[token] = 0;
  }
  return pairs.sort(comparePairs);
}
