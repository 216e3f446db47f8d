import { describe, expect, it } from 'vitest';
import { metricSharePercent, newMetricWeight, withMetricShare } from '../../../../../src/renderer/features/settings/schemeDraft';
import { scoreDimension } from '../../../../../src/core/scoring/scoreDimension';

const rule = { type: 'linear' as const, floor: 0, target: 1 };
const three = [
  { metric: 'volume_yoy', weight: 1, rule },
  { metric: 'key_brand_share', weight: 1, rule },
  { metric: 'margin_vs_market', weight: 1, rule },
];

describe('metric weights as percentages', () => {
  it('shows each weight as its share of the dimension, as the scorecard does', () => {
    expect(three.map((_, i) => metricSharePercent(three, i))).toEqual([33.33, 33.33, 33.33]);
  });

  it('gives one metric the typed share and the others the rest in their proportions, and scores the same way', () => {
    const next = withMetricShare([{ ...three[0]!, weight: 2 }, three[1]!, three[2]!], 1, 50);
    expect(next.map((_, i) => metricSharePercent(next, i))).toEqual([33.33, 50, 16.67]);
    // The scorer uses only the weights' ratios: 50 % of 100 and the rest at 0 is 50.
    const ctx = () => ({ districtValue: null, allValues: [] });
    expect(scoreDimension(next as never, { volume_yoy: 0, key_brand_share: 1, margin_vs_market: 0 }, ctx)).toBe(50);
  });

  it('starts an added metric at an equal share', () => {
    const added = [...three, { metric: 'margin_rate', weight: newMetricWeight(three), rule }];
    expect(metricSharePercent(added, 3)).toBe(25);
  });
});
