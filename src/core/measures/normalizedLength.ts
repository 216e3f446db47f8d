import { normalizeForSimilarity } from '../similarity/normalizeForSimilarity';

/** Length in characters as near-copy detection sees it: no whitespace or punctuation, full-width folded. */
export function normalizedLength(text: string): number {
  return Array.from(normalizeForSimilarity(text)).length;
}
