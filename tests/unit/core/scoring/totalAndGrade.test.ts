import { describe, expect, it } from 'vitest';
import type { DimensionKey } from '../../../../src/core/measures/dimensions';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';
import { gradeFor } from '../../../../src/core/scoring/gradeFor';
import { rankManagers } from '../../../../src/core/scoring/rankManagers';
import { round1 } from '../../../../src/core/scoring/round1';
import { totalScore } from '../../../../src/core/scoring/totalScore';

const weights = DEFAULT_SCHEME.weights;
const full: Record<DimensionKey, number | null> = {
  sales: 80,
  attendance: 90,
  records: 70,
  knowledge: 100,
  brand: 60,
  order: 100,
  fulfilment: 95,
  evaluation: 85,
};

describe('totalScore', () => {
  it('is the weighted mean of the dimension scores', () => {
    // 2000 + 1350 + 1050 + 500 + 600 + 1000 + 950 + 850 = 8300 over 100
    expect(totalScore(full, weights)).toBe(83);
  });

  it('drops dimensions without data together with their weight', () => {
    // 8300 − 500 − 600 = 7200 over 85 = 84.70…
    expect(totalScore({ ...full, knowledge: null, brand: null }, weights)).toBe(84.7);
  });

  it('is null when no dimension has data', () => {
    const none = Object.fromEntries(Object.keys(full).map((k) => [k, null])) as Record<DimensionKey, number | null>;
    expect(totalScore(none, weights)).toBeNull();
  });

  it('rounds halves up despite binary artefacts', () => {
    const onlySales = { ...Object.fromEntries(Object.keys(full).map((k) => [k, null])), sales: 84.45 } as Record<DimensionKey, number | null>;
    expect(totalScore(onlySales, weights)).toBe(84.5);
  });

  it('ignores a dimension whose weight is 0', () => {
    expect(totalScore({ ...full, sales: 0 }, { ...weights, sales: 0 })).toBe(84); // (8300 − 2000) / 75
  });
});

describe('round1', () => {
  it.each([
    [84.45, 84.5],
    [1.45, 1.5],
    [1.44, 1.4],
    [2.25, 2.3],
    [0.05, 0.1],
    [83.3375, 83.3],
    [100, 100],
    [-1.45, -1.5],
    [-84.45, -84.5],
  ])('%s → %s', (x, expected) => {
    expect(round1(x)).toBe(expected);
  });

  it('does not return negative zero', () => {
    expect(Object.is(round1(-0.04), 0)).toBe(true);
  });
});

describe('gradeFor', () => {
  const grades = DEFAULT_SCHEME.grades;

  it.each([
    [100, '优秀'],
    [90, '优秀'],
    [89.9, '良好'],
    [80, '良好'],
    [79.9, '合格'],
    [60, '合格'],
    [59.9, '不合格'],
    [0, '不合格'],
  ])('%s → %s', (total, label) => {
    expect(gradeFor(total, grades)).toBe(label);
  });

  it('gives a total under every band the lowest band', () => {
    expect(gradeFor(50, [{ min: 90, label: '优秀' }, { min: 60, label: '合格' }])).toBe('合格');
  });

  it('has no grade without a total', () => {
    expect(gradeFor(null, grades)).toBeNull();
  });
});

describe('rankManagers', () => {
  it('ranks by competition ranking, highest first', () => {
    expect(rankManagers([90, 85, 85, 70])).toEqual([1, 2, 2, 4]);
    expect(rankManagers([70, 85, 90, 85])).toEqual([4, 2, 1, 2]);
  });

  it('gives managers without a total no rank and does not count them', () => {
    expect(rankManagers([null, 80, 90, null, 80])).toEqual([null, 2, 1, null, 2]);
    expect(rankManagers([])).toEqual([]);
  });
});
