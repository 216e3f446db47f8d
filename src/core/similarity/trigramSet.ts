import { normalizeForSimilarity } from './normalizeForSimilarity';

/**
 * Character 3-grams of an already normalised text, by code point so that CJK extension
 * characters outside the BMP count as one character.
 */
export function trigramsOfNormalized(normalized: string): Set<string> {
  const chars = Array.from(normalized);
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) {
    grams.add(chars[i]! + chars[i + 1]! + chars[i + 2]!);
  }
  return grams;
}

export function trigramSet(text: string): Set<string> {
  return trigramsOfNormalized(normalizeForSimilarity(text));
}
