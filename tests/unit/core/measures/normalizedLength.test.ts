import { describe, expect, it } from 'vitest';
import { normalizedLength } from '../../../../src/core/measures/normalizedLength';
import { normalizeForSimilarity } from '../../../../src/core/similarity/normalizeForSimilarity';

describe('normalizedLength', () => {
  it('counts code points of the normalized text, lone surrogates as one each', () => {
    const samples = ['', 'abc', '走访 零售户，检查价格。', '𠮷野家𠮷', '\ud800x', 'x\udc00', '\ud800', '\ud83d\ude00\ud83d', 'Ａｂｃ１２３ ，。'];
    for (const text of samples) expect(normalizedLength(text), JSON.stringify(text)).toBe(Array.from(normalizeForSimilarity(text)).length);
    expect(normalizedLength('𠮷野家𠮷')).toBe(4);
  });
});
