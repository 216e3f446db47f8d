import { overlapToJaccard } from './jaccard';
import { assertNearCopyOptions, comparePairs, type NearCopyDoc, type NearCopyOptions, type NearCopyPair } from './nearCopyTypes';
import { tokenizeTrigrams, type TokenizedText } from './tokenizeTrigrams';

export type { NearCopyDoc, NearCopyOptions, NearCopyPair } from './nearCopyTypes';

/**
 * Guards the filters against floating-point artefacts such as 0.55 × 100 = 55.00000000000001:
 * every bound is loosened by this much, which can only add candidates, never lose a pair.
 * The final decision is the same `jaccard >= threshold` comparison the exhaustive baseline makes.
 */
const SLACK = 1e-9;

/**
 * Every pair of texts whose 3-gram Jaccard is at least `threshold`: exactly the pairs
 * `pairwiseNearCopies` finds, but as an all-pairs similarity join (AllPairs/PPJoin):
 * 1. 3-grams become integer tokens ranked by document frequency, rarest first, so that
 *    the short prefixes compared below are made of rare, selective tokens;
 * 2. texts are processed by increasing size; a pair with Jaccard ≥ t must share a token in
 *    the probing prefix of the longer text (|x| − ⌈t·|x|⌉ + 1 tokens) and the indexed
 *    prefix of the shorter one (|y| − ⌈2t/(1+t)·|y|⌉ + 1 tokens);
 * 3. size filter: only texts with |y| ≥ t·|x| can reach t;
 * 4. positional filter: the overlap so far plus what is left after the matching positions
 *    must still reach the required overlap ⌈t/(1+t)·(|x| + |y|)⌉;
 * 5. the surviving candidates are verified by merging the two sorted token arrays.
 */
export function findNearCopies(docs: readonly NearCopyDoc[], opts: NearCopyOptions): NearCopyPair[] {
  assertNearCopyOptions(opts);
  const t = opts.threshold;
  const entries = tokenizeTrigrams(docs, opts.minChars).sort((x, y) => x.tokens.length - y.tokens.length);
  const n = entries.length;
  if (n < 2) return [];

  const indexPrefix = new Int32Array(n);
  let tokenCount = 0;
  for (let k = 0; k < n; k++) {
    const tokens = entries[k]!.tokens;
    indexPrefix[k] = prefixLength(tokens.length, (2 * t) / (1 + t));
    for (let p = 0; p < indexPrefix[k]!; p++) tokenCount = Math.max(tokenCount, tokens[p]! + 1);
  }

  // Inverted lists of indexed prefixes, laid out flat: list w occupies [listStart[w], listStart[w + 1]).
  const listStart = new Int32Array(tokenCount + 1);
  for (let k = 0; k < n; k++) {
    const tokens = entries[k]!.tokens;
    for (let p = 0; p < indexPrefix[k]!; p++) listStart[tokens[p]! + 1]!++;
  }
  for (let w = 0; w < tokenCount; w++) listStart[w + 1]! += listStart[w]!;
  const postingDoc = new Int32Array(listStart[tokenCount]!);
  const postingPos = new Int32Array(listStart[tokenCount]!);
  const listEnd = listStart.slice(0, tokenCount);
  // Lists are filled in size order, so entries too small for the current text are a prefix of
  // the list and, texts only growing, can be skipped for good.
  const listLive = listStart.slice(0, tokenCount);

  const sizes = Int32Array.from(entries, (entry) => entry.tokens.length);
  const overlapFactor = t / (1 + t);
  const overlap = new Int32Array(n);
  const PRUNED = -1;
  const candidates = new Int32Array(n);
  const pairs: NearCopyPair[] = [];

  for (let x = 0; x < n; x++) {
    const xTokens = entries[x]!.tokens;
    const xSize = xTokens.length;
    const minSize = t * xSize - SLACK;
    const probe = prefixLength(xSize, t);
    let candidateCount = 0;
    for (let i = 0; i < probe; i++) {
      const w = xTokens[i]!;
      if (w >= tokenCount) continue;
      let live = listLive[w]!;
      const end = listEnd[w]!;
      while (live < end && sizes[postingDoc[live]!]! < minSize) live++;
      listLive[w] = live;
      for (let e = live; e < end; e++) {
        const y = postingDoc[e]!;
        const seen = overlap[y]!;
        if (seen === PRUNED) continue;
        if (seen === 0) candidates[candidateCount++] = y;
        const ySize = sizes[y]!;
        const required = Math.ceil(overlapFactor * (xSize + ySize) - SLACK);
        const reachable = seen + Math.min(xSize - i, ySize - postingPos[e]!);
        overlap[y] = reachable < required ? PRUNED : seen + 1;
      }
    }

    for (let c = 0; c < candidateCount; c++) {
      const y = candidates[c]!;
      if (overlap[y]! > 0) {
        const yTokens = entries[y]!.tokens;
        const ySize = yTokens.length;
        const shared = boundedOverlap(xTokens, yTokens, Math.ceil(overlapFactor * (xSize + ySize) - SLACK));
        if (shared >= 0) {
          const similarity = overlapToJaccard(shared, xSize, ySize);
          if (similarity >= t) {
            const a = entries[x]!.id;
            const b = entries[y]!.id;
            pairs.push({ aId: Math.min(a, b), bId: Math.max(a, b), similarity });
          }
        }
      }
      overlap[y] = 0;
    }

    for (let p = 0; p < indexPrefix[x]!; p++) {
      const w = xTokens[p]!;
      const slot = listEnd[w]!;
      postingDoc[slot] = x;
      postingPos[slot] = p;
      listEnd[w] = slot + 1;
    }
  }
  return pairs.sort(comparePairs);
}

function prefixLength(size: number, fraction: number): number {
  return Math.min(size, size - Math.ceil(fraction * size - SLACK) + 1);
}

/** |a ∩ b| of two ascending arrays, or −1 as soon as `required` is out of reach. */
function boundedOverlap(a: Int32Array, b: Int32Array, required: number): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (shared + Math.min(a.length - i, b.length - j) < required) return -1;
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
