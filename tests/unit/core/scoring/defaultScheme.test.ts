import { describe, expect, it } from 'vitest';
import { DIMENSION_KEYS, METRICS_BY_DIMENSION } from '../../../../src/core/measures/dimensions';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';

describe('DEFAULT_SCHEME', () => {
  it('has the weights of measures.md, adding up to 100', () => {
    expect(DEFAULT_SCHEME.weights).toEqual({
      sales: 25,
      attendance: 15,
      records: 15,
      knowledge: 5,
      brand: 10,
      order: 10,
      fulfilment: 10,
      evaluation: 10,
    });
    expect(Object.values(DEFAULT_SCHEME.weights).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('scores every dimension from metrics of that dimension', () => {
    for (const dimension of DIMENSION_KEYS) {
      const own: readonly string[] = METRICS_BY_DIMENSION[dimension];
      expect(DEFAULT_SCHEME.metrics[dimension].length).toBeGreaterThan(0);
      for (const scored of DEFAULT_SCHEME.metrics[dimension]) expect(own).toContain(scored.metric);
    }
  });

  it('scores sales as the mean of yoy against the district, key-brand share and margin against the market', () => {
    expect(DEFAULT_SCHEME.metrics.sales).toEqual([
      { metric: 'volume_yoy', weight: 1, rule: { type: 'district', band: 0.1 } },
      { metric: 'key_brand_share', weight: 1, rule: { type: 'linear', floor: 0, target: 0.45 } },
      { metric: 'margin_vs_market', weight: 1, rule: { type: 'linear', floor: -0.05, target: 0 } },
    ]);
  });

  it('weighs unequal metrics in shares that add up to 100, copying heaviest among the records faults', () => {
    const sum = (key: 'attendance' | 'records' | 'brand' | 'evaluation') => DEFAULT_SCHEME.metrics[key].reduce((n, m) => n + m.weight, 0);
    for (const key of ['attendance', 'records', 'brand', 'evaluation'] as const) expect(sum(key), key).toBe(100);
    const records = Object.fromEntries(DEFAULT_SCHEME.metrics.records.map((m) => [m.metric, m.weight]));
    const copying = records.report_copy! + records.self_copy! + records.cross_copy!;
    expect(copying).toBe(45);
    // Short and boilerplate-only entries are one fault (empty writing): together what short entries weighed alone.
    expect(records.short_entries! + records.perfunctory_entries!).toBe(10);
    expect(Math.min(records.report_copy!, records.self_copy!, records.cross_copy!)).toBeGreaterThan(records.short_entries!);
  });

  it('has the default grades and veto', () => {
    expect(DEFAULT_SCHEME.grades.map((g) => [g.min, g.label])).toEqual([
      [90, '优秀'],
      [80, '良好'],
      [60, '合格'],
      [0, '不合格'],
    ]);
    expect(DEFAULT_SCHEME.veto).toEqual({ enabled: true, unknownManagerMin: 1, dissatisfiedShare: 0.5 });
    expect(DEFAULT_SCHEME.name).toBe('默认方案');
    expect(DEFAULT_SCHEME.version).toBe(1);
  });
});
