import type { SeededRandom } from './seededRandom';

/** Words a copier swaps so the copy does not look identical at a glance. */
const SWAPS: [string, string][] = [
  ['店主', '老板'],
  ['今日', '今天'],
  ['建议', '提醒'],
  ['已记录', '已登记'],
  ['走访', '拜访'],
];

/**
 * A copier's edit: one number nudged or one word swapped, the rest kept. Only an edit that
 * still reads as a copy (character 3-gram Jaccard ≥ `atLeast`) is taken; failing that the
 * punctuation changes, which the near-copy measure ignores. The result always differs
 * from the source text and is always caught as a copy.
 */
export function lightlyEdited(rng: SeededRandom, text: string, atLeast = 0.85): string {
  const candidates: string[] = [];
  for (const match of rng.shuffle([...text.matchAll(/\d+/g)])) {
    const start = match.index ?? 0;
    candidates.push(`${text.slice(0, start)}${Number(match[0]) + rng.int(1, 3)}${text.slice(start + match[0].length)}`);
  }
  for (const [from, to] of rng.shuffle(SWAPS)) if (text.includes(from)) candidates.push(text.replace(from, to));
  for (const candidate of candidates) if (trigramJaccard(text, candidate) >= atLeast) return candidate;
  return text.includes('；') ? text.replace('；', '，') : `${text}。`;
}

/** measures.md's near-copy measure: 3-gram sets after NFKC and without whitespace, punctuation or symbols. */
export function trigramJaccard(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared++;
  return shared / (left.size + right.size - shared);
}

function trigrams(text: string): Set<string> {
  const chars = [...text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')];
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) grams.add(chars.slice(i, i + 3).join(''));
  return grams;
}
