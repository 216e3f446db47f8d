import { normalizeForSimilarity } from './normalizeForSimilarity';

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
    const normalized = normalizeForSimilarity(doc.text);
    if (chars.length < normalized.length) chars = new Int32Array(normalized.length * 2);
    let length = 0;
    for (let i = 0; i < normalized.length; i++) {
      const codePoint = normalized.codePointAt(i)!;
      if (codePoint > 0xffff) i++;
      let charId = charIds[codePoint]!;
      if (charId === 0) charId = charIds[codePoint] = ++charCount;
      chars[length++] = charId;
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

/** Open-addressing table from a 3-gram of character ids to consecutive token ids (0, 1, 2, …). */
class TrigramIds {
  private keys: Int32Array;
  private values: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Int32Array(capacity * 3);
    this.values = new Int32Array(capacity).fill(-1);
  }

  idOf(a: number, b: number, c: number): number {
    const mask = this.values.length - 1;
    let slot = hash(a, b, c) & mask;
    for (;;) {
      const value = this.values[slot]!;
      if (value === -1) break;
      const k = slot * 3;
      if (this.keys[k] === a && this.keys[k + 1] === b && this.keys[k + 2] === c) return value;
      slot = (slot + 1) & mask;
    }
    const id = this.size++;
    this.keys[slot * 3] = a;
    this.keys[slot * 3 + 1] = b;
    this.keys[slot * 3 + 2] = c;
    this.values[slot] = id;
    if (this.size * 2 > this.values.length) this.grow();
    return id;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Int32Array(oldKeys.length * 2);
    this.values = new Int32Array(oldValues.length * 2).fill(-1);
    const mask = this.values.length - 1;
    for (let old = 0; old < oldValues.length; old++) {
      const value = oldValues[old]!;
      if (value === -1) continue;
      const a = oldKeys[old * 3]!;
      const b = oldKeys[old * 3 + 1]!;
      const c = oldKeys[old * 3 + 2]!;
      let slot = hash(a, b, c) & mask;
      while (this.values[slot] !== -1) slot = (slot + 1) & mask;
      this.keys[slot * 3] = a;
      this.keys[slot * 3 + 1] = b;
      this.keys[slot * 3 + 2] = c;
      this.values[slot] = value;
    }
  }
}

function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}
