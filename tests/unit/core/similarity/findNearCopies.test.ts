import { describe, expect, it } from 'vitest';
import { findNearCopies } from '../../../../src/core/similarity/findNearCopies';
import { jaccard } from '../../../../src/core/similarity/jaccard';
import type { NearCopyDoc } from '../../../../src/core/similarity/nearCopyTypes';
import { pairwiseNearCopies } from '../../../../src/core/similarity/pairwiseNearCopies';
import { trigramSet } from '../../../../src/core/similarity/trigramSet';
import { journalCorpus, seededRandom } from './journalTexts';

function doc(id: number, text: string): NearCopyDoc {
  return { id, author: 'M001', date: '2026-10-12', text };
}

// 12 distinct characters: 10 trigrams.
const TWELVE = '一二三四五六七八九十百千';

describe.each([
  ['findNearCopies', findNearCopies],
  ['pairwiseNearCopies', pairwiseNearCopies],
])('%s on hand-checked texts', (_name, find) => {
  const docs = [
    doc(7, TWELVE),
    // last character changed: 9 shared trigrams of 11 → 9/11
    doc(3, '一二三四五六七八九十百万'),
    // the first 10 characters: its 8 trigrams are all in the first two → 8/10, exactly at 0.8
    doc(5, '一二三四五六七八九十'),
    // unrelated
    doc(11, '今天走访城东线路拜访零售户'),
    // same characters as doc 7 once punctuation and spacing are removed
    doc(9, '一，二 三四五六七八九十百千。'),
    // too short to compare
    doc(2, '一二三四'),
  ];

  it('finds each pair once, smaller id first, sorted, with the exact Jaccard', () => {
    expect(find(docs, { threshold: 0.8, minChars: 8 })).toEqual([
      { aId: 3, bId: 5, similarity: 0.8 },
      { aId: 3, bId: 7, similarity: 9 / 11 },
      { aId: 3, bId: 9, similarity: 9 / 11 },
      { aId: 5, bId: 7, similarity: 0.8 },
      { aId: 5, bId: 9, similarity: 0.8 },
      { aId: 7, bId: 9, similarity: 1 },
    ]);
  });

  it('leaves out pairs under the threshold', () => {
    expect(find(docs, { threshold: 0.81, minChars: 8 })).toEqual([
      { aId: 3, bId: 7, similarity: 9 / 11 },
      { aId: 3, bId: 9, similarity: 9 / 11 },
      { aId: 7, bId: 9, similarity: 1 },
    ]);
  });

  it('ignores texts shorter than minChars after normalisation', () => {
    // doc 5 has 10 characters, doc 9 has 12 once its punctuation is gone
    expect(find(docs, { threshold: 0.8, minChars: 11 })).toEqual([
      { aId: 3, bId: 7, similarity: 9 / 11 },
      { aId: 3, bId: 9, similarity: 9 / 11 },
      { aId: 7, bId: 9, similarity: 1 },
    ]);
  });

  it('compares short texts when minChars allows it', () => {
    expect(find([doc(1, '一二三四'), doc(2, '一二三四。')], { threshold: 0.8, minChars: 0 })).toEqual([
      { aId: 1, bId: 2, similarity: 1 },
    ]);
  });

  it('returns nothing for fewer than two texts', () => {
    expect(find([], { threshold: 0.8, minChars: 0 })).toEqual([]);
    expect(find([doc(1, TWELVE)], { threshold: 0.8, minChars: 0 })).toEqual([]);
  });

  it('rejects a threshold outside (0, 1]', () => {
    expect(() => find(docs, { threshold: 0, minChars: 8 })).toThrow(RangeError);
    expect(() => find(docs, { threshold: 1.5, minChars: 8 })).toThrow(RangeError);
    expect(() => find(docs, { threshold: Number.NaN, minChars: 8 })).toThrow(RangeError);
  });
});

describe('findNearCopies against the exhaustive baseline', () => {
  const corpus = journalCorpus(3000, 20261012, 0.1);
  const threshold = 0.8;
  const found = findNearCopies(corpus.docs, { threshold, minChars: 20 });

  it('plants near-copies spread across 0.75–0.99', () => {
    const byId = new Map(corpus.docs.map((d) => [d.id, d.text]));
    const similarities = corpus.planted.map(([a, b]) => jaccard(trigramSet(byId.get(a)!), trigramSet(byId.get(b)!)));
    const inBand = (lo: number, hi: number) => similarities.filter((s) => s >= lo && s < hi).length;
    expect(inBand(0.75, 0.8)).toBeGreaterThanOrEqual(10);
    expect(inBand(0.8, 0.85)).toBeGreaterThanOrEqual(10);
    expect(inBand(0.85, 0.9)).toBeGreaterThanOrEqual(10);
    expect(inBand(0.9, 0.95)).toBeGreaterThanOrEqual(10);
    expect(inBand(0.95, 1)).toBeGreaterThanOrEqual(10);
  });

  it('finds exactly the pairs exhaustive comparison finds', () => {
    const expected = pairwiseNearCopies(corpus.docs, { threshold, minChars: 20 });
    expect(expected.length).toBeGreaterThan(80);
    expect(found).toEqual(expected);
  });

  it('finds every planted copy that reaches the threshold and none that does not', () => {
    const byId = new Map(corpus.docs.map((d) => [d.id, d.text]));
    const foundKeys = new Set(found.map((p) => `${p.aId}-${p.bId}`));
    for (const [a, b] of corpus.planted) {
      const similarity = jaccard(trigramSet(byId.get(a)!), trigramSet(byId.get(b)!));
      expect(foundKeys.has(`${a}-${b}`)).toBe(similarity >= threshold);
    }
  });

  it.each([0.5, 0.65, 0.9, 0.97, 1])('matches the baseline at threshold %s', (t) => {
    const small = journalCorpus(800, Math.round(t * 1000), 0.15).docs;
    expect(findNearCopies(small, { threshold: t, minChars: 20 })).toEqual(
      pairwiseNearCopies(small, { threshold: t, minChars: 20 }),
    );
  });
});

describe('findNearCopies with reference texts', () => {
  // Reference texts (a month's look-back) are compared with the others, never among themselves.
  it.each([0.5, 0.8])('finds exactly the pairs with a non-reference text at threshold %s', (t) => {
    const random = seededRandom(Math.round(t * 1000) + 3);
    const docs = journalCorpus(1500, 20261031, 0.15).docs.map((d) => ({ ...d, reference: random() < 0.5 }));
    const reference = new Set(docs.filter((d) => d.reference).map((d) => d.id));
    const all = findNearCopies(
      docs.map(({ reference: _r, ...d }) => d),
      { threshold: t, minChars: 20 },
    );
    const expected = all.filter((p) => !(reference.has(p.aId) && reference.has(p.bId)));
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.length).toBeLessThan(all.length);
    expect(findNearCopies(docs, { threshold: t, minChars: 20 })).toEqual(expected);
    expect(pairwiseNearCopies(docs, { threshold: t, minChars: 20 })).toEqual(expected);
  });

  it('matches the baseline on adversarial texts', () => {
    const random = seededRandom(61);
    const docs: NearCopyDoc[] = [];
    for (let id = 1; id <= 600; id++) {
      const length = 5 + Math.floor(random() * 25);
      let text = '';
      for (let k = 0; k < length; k++) text += '甲乙丙'[Math.floor(random() * 3)];
      docs.push({ ...doc(id, text), reference: random() < 0.4 });
    }
    const expected = pairwiseNearCopies(docs, { threshold: 0.6, minChars: 8 });
    expect(expected.length).toBeGreaterThan(20);
    expect(findNearCopies(docs, { threshold: 0.6, minChars: 8 })).toEqual(expected);
  });
});

describe('findNearCopies on adversarial texts', () => {
  // A 3-letter alphabet: 27 possible 3-grams, many equally frequent tokens, many equal sizes
  // and plenty of pairs just above and below the threshold.
  it.each([0.4, 0.6, 0.8])('matches the baseline at threshold %s', (t) => {
    const random = seededRandom(Math.round(t * 100));
    const docs: NearCopyDoc[] = [];
    for (let id = 1; id <= 600; id++) {
      const length = 5 + Math.floor(random() * 25);
      let text = '';
      for (let k = 0; k < length; k++) text += '甲乙丙'[Math.floor(random() * 3)];
      docs.push(doc(id, text));
    }
    const expected = pairwiseNearCopies(docs, { threshold: t, minChars: 8 });
    expect(expected.length).toBeGreaterThan(20);
    expect(findNearCopies(docs, { threshold: t, minChars: 8 })).toEqual(expected);
  });
});

describe('findNearCopies speed', () => {
  it('logs the time for 20,000 entries against the exhaustive baseline on 2,000', () => {
    const large = journalCorpus(20000, 7, 0.05).docs;
    const start = performance.now();
    const pairs = findNearCopies(large, { threshold: 0.8, minChars: 20 });
    const joinMs = performance.now() - start;

    const sample = large.slice(0, 2000);
    const baselineStart = performance.now();
    pairwiseNearCopies(sample, { threshold: 0.8, minChars: 20 });
    const baselineMs = performance.now() - baselineStart;

    console.log(
      `findNearCopies: 20000 entries in ${joinMs.toFixed(0)} ms (${pairs.length} pairs); ` +
        `pairwiseNearCopies: 2000 entries in ${baselineMs.toFixed(0)} ms ` +
        `(≈ ${((baselineMs * 100) / 1000).toFixed(0)} s extrapolated to 20000)`,
    );
    expect(pairs.length).toBeGreaterThan(0);
  });
});
