import { describe, expect, it } from 'vitest';
import type { MetricKey } from '../../../../src/core/measures/dimensions';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';
import type { ScoredMetric } from '../../../../src/core/scoring/scheme';
import { scoreDimension } from '../../../../src/core/scoring/scoreDimension';

const district: Partial<Record<MetricKey, number>> = { volume_yoy: 0.05 };
const ctxFor = (metric: MetricKey) => ({ districtValue: district[metric] ?? null, allValues: [] });

describe('scoreDimension', () => {
  const sales = DEFAULT_SCHEME.metrics.sales;

  it('scores default sales as the mean of its three sub-scores', () => {
    // yoy 3 points under the district's 5 % with a 10-point band → 70;
    // key-brand share 0.36 of 0.45 → 80; margin 1 point under the market of 5 → 80
    expect(scoreDimension(sales, { volume_yoy: 0.02, key_brand_share: 0.36, margin_vs_market: -0.01 }, ctxFor)).toBe(76.7);
  });

  it('leaves out metrics without a value, and their weight', () => {
    expect(scoreDimension(sales, { volume_yoy: 0.02, key_brand_share: null, margin_vs_market: -0.01 }, ctxFor)).toBe(75);
    expect(scoreDimension(sales, { volume_yoy: 0.02 }, ctxFor)).toBe(70);
  });

  it('leaves out a district metric when the district value is missing', () => {
    const noDistrict = () => ({ districtValue: null, allValues: [] });
    expect(scoreDimension(sales, { volume_yoy: 0.02, key_brand_share: 0.36 }, noDistrict)).toBe(80);
  });

  it('is null ("无数据") when no metric has a value', () => {
    expect(scoreDimension(sales, {}, ctxFor)).toBeNull();
    expect(scoreDimension(sales, { volume_yoy: null, key_brand_share: null }, ctxFor)).toBeNull();
    expect(scoreDimension([], {}, ctxFor)).toBeNull();
  });

  it('weights the sub-scores and takes manual scores from the supervisor', () => {
    const scored: ScoredMetric[] = [
      { metric: 'satisfaction', weight: 2, rule: { type: 'manual' } },
      { metric: 'know_rate', weight: 1, rule: { type: 'linear', floor: 0.8, target: 1 } },
    ];
    // (2 × 90 + 1 × 50) / 3 = 76.666…
    expect(scoreDimension(scored, { satisfaction: 70, know_rate: 0.9 }, ctxFor, { satisfaction: 90 })).toBe(76.7);
    // no manual score entered: only know_rate counts
    expect(scoreDimension(scored, { satisfaction: 70, know_rate: 0.9 }, ctxFor)).toBe(50);
  });

  it('scores default records with penalties counting down', () => {
    const records = DEFAULT_SCHEME.metrics.records;
    // journal 0.9 → 75 (20), report 1 → 100 (15), counters 0.8 → 50 (10), report not copied → 100 (15),
    // 1 self-copy of 4 → 75 (15), 0 cross-copies → 100 (15), 5 short entries → 0 (5), no boilerplate → 100 (5):
    // (1500 + 1500 + 500 + 1500 + 1125 + 1500 + 0 + 500) / 100 = 81.25
    expect(
      scoreDimension(
        records,
        { journal_rate: 0.9, report_submitted: 1, counter_ok_rate: 0.8, report_copy: 0, self_copy: 1, cross_copy: 0, short_entries: 5, perfunctory_entries: 0 },
        ctxFor,
      ),
    ).toBe(81.3);
  });

  it('scores a single copy of a colleague 0 and a punch anomaly at half (the default scheme)', () => {
    const records = DEFAULT_SCHEME.metrics.records;
    const clean = { journal_rate: 1, report_submitted: 1, counter_ok_rate: 1, report_copy: 0, self_copy: 0, cross_copy: 0, short_entries: 0, perfunctory_entries: 0 };
    expect(scoreDimension(records, clean, ctxFor)).toBe(100);
    // The cross_copy sub-score (15 of 100) is lost whole.
    expect(scoreDimension(records, { ...clean, cross_copy: 1 }, ctxFor)).toBe(85);
    const attendance = DEFAULT_SCHEME.metrics.attendance;
    const present = { attendance_rate: 1, coverage: 1, plan_compliance: 1, top3_share: 0.2, punch_anomalies: 0 };
    expect(scoreDimension(attendance, present, ctxFor)).toBe(100);
    // punch_anomalies weighs 20 of 100: one anomaly halves it, two score 0.
    expect(scoreDimension(attendance, { ...present, punch_anomalies: 1 }, ctxFor)).toBe(90);
    expect(scoreDimension(attendance, { ...present, punch_anomalies: 2 }, ctxFor)).toBe(80);
  });
});
