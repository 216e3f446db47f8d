import { jaccard } from '../../../core/similarity/jaccard';
import { trigramSet } from '../../../core/similarity/trigramSet';

/** The near-copy measure of any two texts (3-gram Jaccard, as the evaluation computes it), 0–1. */
export function textSimilarity(a: string, b: string): number {
  return jaccard(trigramSet(a), trigramSet(b));
}

/** 0.9279 → '92.8%'. */
export function percent(similarity: number): string {
  return `${(similarity * 100).toFixed(1)}%`;
}
