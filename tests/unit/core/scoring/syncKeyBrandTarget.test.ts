import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';
import { syncKeyBrandTarget } from '../../../../src/core/scoring/syncKeyBrandTarget';

describe('syncKeyBrandTarget', () => {
  it('copies the threshold into the key_brand_share linear rule and leaves everything else alone', () => {
    const edited = { ...DEFAULT_SCHEME, thresholds: { ...DEFAULT_SCHEME.thresholds, keyBrandShareTarget: 0.6 } };
    const synced = syncKeyBrandTarget(edited);
    expect(synced.metrics.sales.find((m) => m.metric === 'key_brand_share')?.rule).toEqual({ type: 'linear', floor: 0, target: 0.6 });
    expect(synced.metrics.sales.filter((m) => m.metric !== 'key_brand_share')).toEqual(DEFAULT_SCHEME.metrics.sales.filter((m) => m.metric !== 'key_brand_share'));
    expect(synced.metrics.attendance).toBe(DEFAULT_SCHEME.metrics.attendance);
    // The input is not mutated: the stored default keeps its own target.
    expect(DEFAULT_SCHEME.metrics.sales.find((m) => m.metric === 'key_brand_share')?.rule).toEqual({ type: 'linear', floor: 0, target: 0.45 });
  });

  it('leaves a key_brand_share scored by another rule as it is', () => {
    const byRank = {
      ...DEFAULT_SCHEME,
      metrics: { ...DEFAULT_SCHEME.metrics, sales: [{ metric: 'key_brand_share' as const, weight: 1, rule: { type: 'rank' as const } }] },
    };
    expect(syncKeyBrandTarget(byRank).metrics.sales).toEqual(byRank.metrics.sales);
  });
});
