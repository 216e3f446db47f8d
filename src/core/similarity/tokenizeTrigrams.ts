import { foldForSimilarity, isIgnoredForSimilarity, normalizeForSimilarity } from './normalizeForSimilarity';

export interface TokenizedText {
  id: number;
  /** Position of the text in the documents given. */
  index: number;
  /** Distinct 3-gram tokens, ascending; token ids are ranked by document frequency, rarest first. */
  tokens: Int32Array;
}

/**
 * The 3-gram sets of the texts with at least `minChars` characters after normalisation,
 * as sorted integer arrays ready for prefix filtering. Characters get small integer ids
 * first so that a 3-gram is one numeric key in a flat hash table: building millions of
 * 3-gram strings would cost more than the whole similarity join.
 */
export function tokenizeTrigrams(docs: readonly { id: number; text: string }[], minChars: number): TokenizedText[] {
  // Character ids + 1 by code point; 0 = not seen yet.
  const charIds = new Int32Array(0x110000);
  let charCount = 0;
  const gramIds = new TrigramIds(1 << 16);
  let frequency: Int32Array = new Int32Array(1 << 16);
  // The last text each token was seen in, to count every token once per text without sorting.
  let lastSeenIn: Int32Array = new Int32Array(1 << 16).fill(-1);
  let chars = new Int32Array(256);
  const texts: TokenizedText[] = [];

  for (let docIndex = 0; docIndex < docs.length; docIndex++) {
    const doc = docs[docIndex]!;
    // The characters normalizeForSimilarity keeps, read off the folded text without building the
    // normalised string; a lone surrogate (which the normalised string could pair up with
    // another once the characters between them are gone) takes the long way.
    const folded = foldForSimilarity(doc.text);
    if (chars.length < folded.length) chars = new Int32Array(folded.length * 2);
    let length = 0;
    let loneSurrogate = false;
    for (let i = 0; i < folded.length; i++) {
      const codePoint = folded.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      else if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
        loneSurrogate = true;
        break;
      }
      if (isIgnoredForSimilarity(codePoint)) continue;
      let charId = charIds[codePoint]!;
      if (charId === 0) charId = charIds[codePoint] = ++charCount;
      chars[length++] = charId;
    }
    if (loneSurrogate) {
      const normalized = normalizeForSimilarity(doc.text);
      length = 0;
      for (let i = 0; i < normalized.length; i++) {
        const codePoint = normalized.codePointAt(i)!;
        if (codePoint > 0xffff) i++;
        let charId = charIds[codePoint]!;
        if (charId === 0) charId = charIds[codePoint] = ++charCount;
        chars[length++] = charId;
      }
    }
    if (length < minChars || length < 3) continue;

    const textIndex = texts.length;
    const grams = new Int32Array(length - 2);
    let distinct = 0;
    for (let i = 0; i + 2 < length; i++) {
      const token = gramIds.idOf(chars[i]!, chars[i + 1]!, chars[i + 2]!);
      if (token >= frequency.length) {
        frequency = grown(frequency, 0);
        lastSeenIn = grown(lastSeenIn, -1);
      }
      if (lastSeenIn[token] === textIndex) continue;
      lastSeenIn[token] = textIndex;
      frequency[token]!++;
      grams[distinct++] = token;
    }
    texts.push({ id: doc.id, index: docIndex, tokens: grams.subarray(0, distinct) });
  }

  // Rarest first; among equally rare tokens the first seen first, to be deterministic. A counting
  // sort by frequency (at most the number of texts), tokens visited in id order: a comparison sort
  // of a city's million distinct 3-grams took longer than all the rest of the tokenizing.
  const tokenCount = gramIds.size;
  let maxFrequency = 0;
  for (let token = 0; token < tokenCount; token++) maxFrequency = Math.max(maxFrequency, frequency[token]!);
  const firstRank = new Int32Array(maxFrequency + 2);
  for (let token = 0; token < tokenCount; token++) firstRank[frequency[token]! + 1]!++;
  for (let f = 0; f <= maxFrequency; f++) firstRank[f + 1]! += firstRank[f]!;
  const rank = new Int32Array(tokenCount);
  for (let token = 0; token < tokenCount; token++) rank[token] = firstRank[frequency[token]!]!++;
  for (const text of texts) {
    const tokens = text.tokens;
    for (let k = 0; k < tokens.length; k++) tokens[k] = rank[tokens[k]!]!;
    tokens.sort();
  }
  return texts;
}

function grown(values: Int32Array, fill: number): Int32Array {
  const bigger = new Int32Array(values.length * 2).fill(fill);
  bigger.set(values);
  return bigger;
}

/**
 * Open-addressing table from a 3-gram of character ids (all ≥ 1) to consecutive token ids
 * (0, 1, 2, …). A slot holds the three ids and the token id side by side, so that a look-up
 * touches one cache line: the table of a city's journals outgrows the CPU caches.
 */
export class TrigramIds {
  /** Slot s: [a, b, c, token id] at 4s; a = 0 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity: number) {
    this.slots = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
  }

  idOf(a: number, b: number, c: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let slot = hash(a, b, c) & mask;
    for (;;) {
      const k = slot * 4;
      const first = slots[k]!;
      if (first === 0) break;
      if (first === a && slots[k + 1] === b && slots[k + 2] === c) return slots[k + 3]!;
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    const k = slot * 4;
    slots[k] = a;
    slots[k + 1] = b;
    slots[k + 2] = c;
    slots[k + 3] = id;
    if (this.size * 2 > mask + 1) this.grow();
    return id;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.slots.length / 4 - 1;
    for (let k = 0; k < old.length; k += 4) {
      const a = old[k]!;
      if (a === 0) continue;
      let slot = hash(a, old[k + 1]!, old[k + 2]!) & this.mask;
      while (this.slots[slot * 4] !== 0) slot = (slot + 1) & this.mask;
      this.slots.set(old.subarray(k, k + 4), slot * 4);
    }
  }
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
