import { describe, expect, it } from 'vitest';
import { scoreMetric } from '../../../../src/core/scoring/scoreMetric';

const noContext = { districtValue: null, allValues: [] };

describe('scoreMetric: linear', () => {
  const rule = { type: 'linear', floor: 0.6, target: 1 } as const;

  it('is 0 at the floor, 100 at the target, in between linearly, clipped outside', () => {
    expect(scoreMetric(rule, 0.6, noContext)).toBe(0);
    expect(scoreMetric(rule, 0.8, noContext)).toBeCloseTo(50, 9);
    expect(scoreMetric(rule, 0.9, noContext)).toBeCloseTo(75, 9);
    expect(scoreMetric(rule, 1, noContext)).toBe(100);
    expect(scoreMetric(rule, 0.3, noContext)).toBe(0);
    expect(scoreMetric(rule, 1.2, noContext)).toBe(100);
  });

  it('counts down when the floor is above the target (lower is better)', () => {
    const penalty = { type: 'linear', floor: 5, target: 0 } as const;
    expect(scoreMetric(penalty, 0, noContext)).toBe(100);
    expect(scoreMetric(penalty, 2, noContext)).toBe(60);
    expect(scoreMetric(penalty, 5, noContext)).toBe(0);
    expect(scoreMetric(penalty, 9, noContext)).toBe(0);
    expect(scoreMetric({ type: 'linear', floor: 0.5, target: 0.2 }, 0.35, noContext)).toBeCloseTo(50, 9);
  });

  it('is all or nothing when floor equals target', () => {
    expect(scoreMetric({ type: 'linear', floor: 1, target: 1 }, 1, noContext)).toBe(100);
    expect(scoreMetric({ type: 'linear', floor: 1, target: 1 }, 0.99, noContext)).toBe(0);
  });

  it('has no score without a value', () => {
    expect(scoreMetric(rule, null, noContext)).toBeNull();
    expect(scoreMetric(rule, Number.NaN, noContext)).toBeNull();
  });
});

describe('scoreMetric: against the district', () => {
  const ratio = { type: 'district' } as const;
  const banded = { type: 'district', band: 0.1 } as const;
  const at = (districtValue: number | null) => ({ districtValue, allValues: [] });

  it('is 100 at or above the district value', () => {
    expect(scoreMetric(ratio, 0.05, at(0.05))).toBe(100);
    expect(scoreMetric(ratio, 0.08, at(0.05))).toBe(100);
  });

  it('without a band, scales as value / district value below a positive district value', () => {
    expect(scoreMetric(ratio, 0.04, at(0.05))).toBeCloseTo(80, 9);
    expect(scoreMetric(ratio, 0.3, at(0.6))).toBeCloseTo(50, 9);
    expect(scoreMetric(ratio, -0.01, at(0.05))).toBe(0);
  });

  it('with a band, falls to 0 at band below the district value', () => {
    expect(scoreMetric(banded, 0.04, at(0.05))).toBeCloseTo(90, 9);
    expect(scoreMetric(banded, -0.05, at(0.05))).toBe(0);
  });

  it('handles a district value of 0', () => {
    expect(scoreMetric(ratio, 0, at(0))).toBe(100);
    expect(scoreMetric(ratio, 0.1, at(0))).toBe(100);
    expect(scoreMetric(ratio, -0.02, at(0))).toBe(0); // no scale without a band
    expect(scoreMetric(banded, -0.02, at(0))).toBeCloseTo(80, 9);
  });

  it('handles a negative district value', () => {
    expect(scoreMetric(banded, -0.09, at(-0.04))).toBeCloseTo(50, 9);
    expect(scoreMetric(ratio, -0.05, at(-0.04))).toBeCloseTo(75, 9); // shortfall 0.01 of |−0.04|
    expect(scoreMetric(ratio, -0.09, at(-0.04))).toBe(0);
    expect(scoreMetric(ratio, 0.01, at(-0.04))).toBe(100);
  });

  it('has no score without a district value', () => {
    expect(scoreMetric(ratio, 0.04, at(null))).toBeNull();
  });

  it('turns round when lower is better', () => {
    const lower = { type: 'district', lowerIsBetter: true } as const;
    expect(scoreMetric(lower, 0.2, at(0.3))).toBe(100);
    expect(scoreMetric(lower, 0.45, at(0.3))).toBeCloseTo(50, 9);
    expect(scoreMetric(lower, 0.7, at(0.3))).toBe(0);
  });
});

describe('scoreMetric: rank', () => {
  const values = [10, 20, 20, 5, null];
  const ctx = { districtValue: null, allValues: values };

  it('gives the best 100, the worst 0, ties the better place', () => {
    expect(scoreMetric({ type: 'rank' }, 20, ctx)).toBe(100);
    // two managers above: place 3 of 4 → (4 − 3) / (4 − 1)
    expect(scoreMetric({ type: 'rank' }, 10, ctx)).toBeCloseTo(100 / 3, 9);
    expect(scoreMetric({ type: 'rank' }, 5, ctx)).toBe(0);
  });

  it('turns round when lower is better', () => {
    expect(scoreMetric({ type: 'rank', lowerIsBetter: true }, 5, ctx)).toBe(100);
    expect(scoreMetric({ type: 'rank', lowerIsBetter: true }, 10, ctx)).toBeCloseTo(200 / 3, 9);
    // the two 20s share place 3 of 4
    expect(scoreMetric({ type: 'rank', lowerIsBetter: true }, 20, ctx)).toBeCloseTo(100 / 3, 9);
  });

  it('gives a lone manager 100', () => {
    expect(scoreMetric({ type: 'rank' }, 3, { districtValue: null, allValues: [3, null] })).toBe(100);
  });
});

describe('scoreMetric: manual', () => {
  it('leaves the score to the supervisor', () => {
    expect(scoreMetric({ type: 'manual' }, 0.9, noContext)).toBeNull();
  });
});
