import { normalizeForSimilarity } from '../similarity/normalizeForSimilarity';

/** Length in characters as near-copy detection sees it: no whitespace or punctuation, full-width folded. */
export function normalizedLength(text: string): number {
  return codePointCount(normalizeForSimilarity(text));
}

/** What Array.from(text).length gives (a lone surrogate counts as one), without the array. */
function codePointCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
