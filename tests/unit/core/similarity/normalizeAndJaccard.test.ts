import { describe, expect, it } from 'vitest';
import { jaccard } from '../../../../src/core/similarity/jaccard';
import { normalizeForSimilarity } from '../../../../src/core/similarity/normalizeForSimilarity';
import { trigramSet } from '../../../../src/core/similarity/trigramSet';

describe('normalizeForSimilarity', () => {
  it('removes whitespace and Chinese punctuation', () => {
    expect(normalizeForSimilarity('今天，走访 了\t零售户！（共“三”户）《通知》【备注】…——、；：‘好’？。')).toBe(
      '今天走访了零售户共三户通知备注好',
    );
  });

  it('removes ASCII punctuation and folds full-width letters and digits to lower-case half-width', () => {
    expect(normalizeForSimilarity('ＡＢＣ超市, 订货３５条! (Ok) a+b=c; "x"')).toBe('abc超市订货35条okabcx');
  });

  it('treats a full-width space like any other space', () => {
    expect(normalizeForSimilarity('检查\u3000陈列')).toBe('检查陈列');
  });
});

describe('trigramSet', () => {
  it('lists the character 3-grams of the normalised text', () => {
    expect(trigramSet('甲，乙 丙。丁')).toEqual(new Set(['甲乙丙', '乙丙丁']));
  });

  it('keeps each 3-gram once', () => {
    expect(trigramSet('哈哈哈哈哈')).toEqual(new Set(['哈哈哈']));
  });

  it('has no 3-gram for texts under three characters', () => {
    expect(trigramSet('好！').size).toBe(0);
  });

  it('counts a character outside the BMP as one character', () => {
    expect(trigramSet('𠀀甲乙')).toEqual(new Set(['𠀀甲乙']));
  });
});

describe('jaccard', () => {
  it('is shared over union', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(jaccard(new Set(['a']), new Set(['a', 'b', 'c', 'd']))).toBe(0.25);
  });

  it('is 1 for equal sets and 0 for disjoint ones', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'a']))).toBe(1);
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0);
  });

  it('never calls two empty sets copies of each other', () => {
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
