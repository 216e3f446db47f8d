import { overlapToJaccard } from './jaccard';
import { assertNearCopyOptions, comparePairs, type NearCopyDoc, type NearCopyOptions, type NearCopyPair } from './nearCopyTypes';
import { tokenizeTrigrams } from './tokenizeTrigrams';


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
 * 5. the surviving candidates are verified by merging the rest of the two sorted token
 *    arrays after the prefixes, with the exact Jaccard deciding.
 * Reference texts go to inverted lists of their own, which a reference text does not probe:
 * pairs of two reference texts are never even candidates.
 */
export function findNearCopies(docs: readonly NearCopyDoc[], opts: NearCopyOptions): NearCopyPair[] {
  assertNearCopyOptions(opts);
  const t = opts.threshold;
  const entries = tokenizeTrigrams(docs, opts.minChars).sort((x, y) => x.tokens.length - y.tokens.length);
  const n = entries.length;
  if (n < 2) return [];

  // All token arrays back to back in processing order, for locality: text k is
  // tokens[offset[k] .. offset[k] + size[k]).
  const size = Int32Array.from(entries, (entry) => entry.tokens.length);
  const offset = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) offset[k + 1] = offset[k]! + size[k]!;
  const tokens = new Int32Array(offset[n]!);
  entries.forEach((entry, k) => tokens.set(entry.tokens, offset[k]!));

  const isReference = Uint8Array.from(entries, (entry) => (docs[entry.index]!.reference === true ? 1 : 0));
  const indexPrefix = new Int32Array(n);
  let tokenCount = 0;
  for (let k = 0; k < n; k++) {
    indexPrefix[k] = prefixLength(size[k]!, (2 * t) / (1 + t));
    for (let p = 0; p < indexPrefix[k]!; p++) tokenCount = Math.max(tokenCount, tokens[offset[k]! + p]! + 1);
  }

  // Inverted lists of indexed prefixes, laid out flat: list l occupies [listStart[l], listStart[l + 1]).
  // Token w of a text is in list w, of a reference text in list tokenCount + w.
  const listCount = 2 * tokenCount;
  const listStart = new Int32Array(listCount + 1);
  for (let k = 0; k < n; k++) {
    const lists = isReference[k] ? tokenCount : 0;
    for (let p = 0; p < indexPrefix[k]!; p++) listStart[lists + tokens[offset[k]! + p]! + 1]!++;
  }
  for (let l = 0; l < listCount; l++) listStart[l + 1]! += listStart[l]!;
  const postingText = new Int32Array(listStart[listCount]!);
  const postingPos = new Int32Array(listStart[listCount]!);
  const listEnd = listStart.slice(0, listCount);
  // Lists are filled in size order, so texts too small for the current one are a prefix of
  // the list and, sizes only growing, can be skipped for good.
  const listLive = listStart.slice(0, listCount);

  const overlapFactor = t / (1 + t);
  // Per candidate: prefix tokens shared so far (PRUNED once the positional filter rules it
  // out) and the positions of the last shared token in x and in y.
  const PRUNED = -1;
  const shared = new Int32Array(n);
  const lastInX = new Int32Array(n);
  const lastInY = new Int32Array(n);
  const candidates = new Int32Array(n);
  const pairs: NearCopyPair[] = [];

  for (let x = 0; x < n; x++) {
    const xStart = offset[x]!;
    const xSize = size[x]!;
    const minSize = t * xSize - SLACK;
    const probe = prefixLength(xSize, t);
    // A reference text probes only the lists of the others.
    const probedLists = isReference[x] ? tokenCount : listCount;
    let candidateCount = 0;
    for (let i = 0; i < probe; i++) {
      const w = tokens[xStart + i]!;
      if (w >= tokenCount) continue;
      for (let list = w; list < probedLists; list += tokenCount) {
        let live = listLive[list]!;
        const end = listEnd[list]!;
        while (live < end && size[postingText[live]!]! < minSize) live++;
        listLive[list] = live;
        for (let e = live; e < end; e++) {
          const y = postingText[e]!;
          const seen = shared[y]!;
          if (seen === PRUNED) continue;
          if (seen === 0) candidates[candidateCount++] = y;
          const ySize = size[y]!;
          const j = postingPos[e]!;
          const required = Math.ceil(overlapFactor * (xSize + ySize) - SLACK);
          if (seen + Math.min(xSize - i, ySize - j) < required) {
            shared[y] = PRUNED;
          } else {
            shared[y] = seen + 1;
            lastInX[y] = i;
            lastInY[y] = j;
          }
        }
      }
    }

    for (let c = 0; c < candidateCount; c++) {
      const y = candidates[c]!;
      const inPrefixes = shared[y]!;
      shared[y] = 0;
      if (inPrefixes <= 0) continue;
      const yStart = offset[y]!;
      const ySize = size[y]!;
      const required = Math.ceil(overlapFactor * (xSize + ySize) - SLACK);
      // Every shared token inside both prefixes is counted; the rest can only lie after the
      // prefix that ends with the smaller token, and after the last shared token in the other.
      const yPrefix = indexPrefix[y]!;
      const xPrefixEndsFirst = tokens[xStart + probe - 1]! < tokens[yStart + yPrefix - 1]!;
      const xFrom = xPrefixEndsFirst ? probe : lastInX[y]! + 1;
      const yFrom = xPrefixEndsFirst ? lastInY[y]! + 1 : yPrefix;
      const rest = boundedOverlap(tokens, xStart + xFrom, xStart + xSize, yStart + yFrom, yStart + ySize, required - inPrefixes);
      if (rest < 0) continue;
      const similarity = overlapToJaccard(inPrefixes + rest, xSize, ySize);
      if (similarity >= t) {
        const a = entries[x]!.id;
        const b = entries[y]!.id;
        pairs.push({ aId: Math.min(a, b), bId: Math.max(a, b), similarity });
      }
    }

    const lists = isReference[x] ? tokenCount : 0;
    for (let p = 0; p < indexPrefix[x]!; p++) {
      const list = lists + tokens[xStart + p]!;
      const slot = listEnd[list]!;
      postingText[slot] = x;
      postingPos[slot] = p;
      listEnd[list] = slot + 1;
    }
  }
  return pairs.sort(comparePairs);
}

function prefixLength(size: number, fraction: number): number {
  return Math.min(size, size - Math.ceil(fraction * size - SLACK) + 1);
}

/** |a ∩ b| of two ascending runs of `tokens`, or −1 as soon as `required` is out of reach. */
function boundedOverlap(tokens: Int32Array, i: number, aEnd: number, j: number, bEnd: number, required: number): number {
  let found = 0;
  while (i < aEnd && j < bEnd) {
    if (found + Math.min(aEnd - i, bEnd - j) < required) return -1;
    const u = tokens[i]!;
    const v = tokens[j]!;
    if (u === v) {
      found++;
      i++;
      j++;
    } else if (u < v) i++;
    else j++;
  }
  return found >= required ? found : -1;
}
