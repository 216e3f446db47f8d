import type { MetricRule } from './scheme';

export interface MetricContext {
  /** The metric over the whole district, for the 'district' rule. */
  districtValue: number | null;
  /** The metric of every manager of the district (including this one), for the 'rank' rule. */
  allValues: readonly (number | null)[];
}

/**
 * A metric's 0–100 sub-score under its rule, unrounded; null when it cannot be scored
 * (no value, no district value for 'district', or a 'manual' rule, whose score the
 * supervisor supplies separately).
 */
export function scoreMetric(rule: MetricRule, value: number | null, ctx: MetricContext): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (rule.type) {
    case 'linear':
      return linear(value, rule.floor, rule.target);
    case 'district':
      return againstDistrict(value, ctx.districtValue, rule.lowerIsBetter ?? false, rule.band);
    case 'rank':
      return byRank(value, ctx.allValues, rule.lowerIsBetter ?? false);
    case 'manual':
      return null;
  }
}

/** 0 at floor, 100 at target, clipped; floor above target means lower is better. */
function linear(value: number, floor: number, target: number): number {
  if (floor === target) return value >= target ? 100 : 0;
  return clip((100 * (value - floor)) / (target - floor));
}

/**
 * 100 at or beyond the district value; below it the score falls with the shortfall, to 0 at
 * `band`, or without a band at a shortfall equal to the district value's size (so for a
 * positive district value d it is 100 × value / d). With a district value of 0 and no band
 * there is no scale, so any shortfall scores 0: give metrics that can be 0 or negative a band.
 */
function againstDistrict(value: number, district: number | null, lowerIsBetter: boolean, band: number | undefined): number | null {
  if (district === null || !Number.isFinite(district)) return null;
  const shortfall = lowerIsBetter ? value - district : district - value;
  if (shortfall <= 0) return 100;
  const scale = band !== undefined && band > 0 ? band : Math.abs(district);
  if (scale === 0) return 0;
  return clip(100 * (1 - shortfall / scale));
}

/**
 * Competition rank among the district's values (ties share the better place): first = 100,
 * last = 0, evenly in between. A lone manager scores 100.
 */
function byRank(value: number, allValues: readonly (number | null)[], lowerIsBetter: boolean): number {
  const values = allValues.filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length <= 1) return 100;
  const better = values.filter((v) => (lowerIsBetter ? v < value : v > value)).length;
  return clip((100 * (values.length - 1 - better)) / (values.length - 1));
}

function clip(score: number): number {
  return Math.min(100, Math.max(0, score));
}
