import type { DimensionKey, MetricKey } from '../measures/dimensions';

/**
 * How one metric turns into a 0–100 sub-score (measures.md, "Scoring rules").
 * - linear: 0 at `floor`, 100 at `target`, clipped (floor > target means lower is better);
 * - district: 100 at or above the district value (or at or below it when `lowerIsBetter`), scaled down
 *   by the shortfall: to 0 at `band` below the district value, or without `band` at a shortfall
 *   as large as the district value itself (so a positive district value d scores 100 × value / d);
 * - rank: by position among the district's managers (best = 100, worst = 0);
 * - manual: the supervisor enters the score (kept in `manualScores`).
 */
export type MetricRule =
  | { type: 'linear'; floor: number; target: number }
  | {
      type: 'district';
      lowerIsBetter?: boolean;
      /** Shortfall that scores 0; set it for metrics that can be 0 or negative, such as growth rates. */
      band?: number;
    }
  | { type: 'rank'; lowerIsBetter?: boolean }
  | { type: 'manual' };

/** A metric that takes part in its dimension's score, with its weight inside the dimension. */
export interface ScoredMetric {
  metric: MetricKey;
  weight: number;
  rule: MetricRule;
}

/** Numbers the metrics and flags are computed with; every one is a supervisor's setting. */
export interface SchemeThresholds {
  /** Jaccard of character 3-gram sets at or above which two texts are near-copies. */
  nearCopyJaccard: number;
  /** Texts shorter than this (characters, after normalisation) are not compared, and count as short entries. */
  minEntryChars: number;
  /**
   * Wording used by at least this many managers (the month and the 30 days before) is district
   * boilerplate, not a copy. Schemes stored before the setting existed lack it (default 3).
   */
  boilerplateManagers: number;
  /** attendance.concentration fires above this top3_share. */
  concentrationTop3Share: number;
  /** attendance.impossible_travel fires above this speed between consecutive punches. */
  maxTravelKmh: number;
  /** attendance.off_hours: punches before this hour or at/after `offHoursAfter` (local wall clock). */
  offHoursBefore: number;
  offHoursAfter: number;
  /** Required visits per month by tier band (measures.md default: 21–30 weekly, 11–20 fortnightly, 1–10 monthly). */
  visitsPerMonthByTier: { minTier: number; maxTier: number; visits: number }[];
  /** The monthly report is due by this day of the following month. */
  reportDueDay: number;
  /** evaluation.low_satisfaction fires below this satisfaction. */
  lowSatisfaction: number;
  /** A punch within this distance of a retailer is linked to it. */
  linkRadiusMeters: number;
  /** Days before an inspection in which a manager's own report of the violation counts. */
  reportWindowDays: number;
  /** Target key-brand share for the sales sub-score. */
  keyBrandShareTarget: number;
}

export interface VetoSettings {
  enabled: boolean;
  /** 不合格 when at least this many surveyed retailers do not know the manager. */
  unknownManagerMin: number;
  /** 不合格 when at least this share of the manager's surveys rate overall 不满意/非常不满意. */
  dissatisfiedShare: number;
}

export interface GradeBand {
  min: number;
  label: string;
}

export interface Scheme {
  name: string;
  version: number;
  /** Dimension weights; they must add up to 100. */
  weights: Record<DimensionKey, number>;
  /** Per dimension, the metrics that make its score and how. */
  metrics: Record<DimensionKey, ScoredMetric[]>;
  thresholds: SchemeThresholds;
  veto: VetoSettings;
  /** Highest band first; a total at or above `min` gets `label`. */
  grades: GradeBand[];
}
