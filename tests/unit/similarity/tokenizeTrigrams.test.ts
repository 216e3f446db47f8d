import { describe, expect, it } from 'vitest';
import { tokenizeTrigrams } from '../../../src/core/similarity/tokenizeTrigrams';

describe('tokenizeTrigrams', () => {
  it('ranks tokens by document frequency, rarest first, ties by first sight', () => {
    const docs = ['甲乙丙丁戊', '乙丙丁戊己', '丙丁戊己庚', '甲乙丙丁戊'].map((text, id) => ({ id, text }));
    const texts = tokenizeTrigrams(docs, 3);
    // 3-grams in first sight order: 甲乙丙 (2 texts), 乙丙丁 (3), 丙丁戊 (4), 丁戊己 (2), 戊己庚 (1).
    // By (frequency, first sight): 戊己庚 0, 甲乙丙 1, 丁戊己 2, 乙丙丁 3, 丙丁戊 4.
    expect(texts.map((t) => [t.id, [...t.tokens]])).toEqual([
      [0, [1, 3, 4]],
      [1, [2, 3, 4]],
      [2, [0, 2, 4]],
      [3, [1, 3, 4]],
    ]);
  });
});
