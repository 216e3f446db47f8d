import type { Scheme, SchemeThresholds } from './scheme';

/** Thresholds of measures.md; every one is a setting the supervisor can change. */
const DEFAULT_THRESHOLDS: SchemeThresholds = {
  nearCopyJaccard: 0.8,
  minEntryChars: 20,
  boilerplateManagers: 3,
  concentrationTop3Share: 0.3,
  maxTravelKmh: 80,
  offHoursBefore: 7,
  offHoursAfter: 21,
  visitsPerMonthByTier: [
    { minTier: 21, maxTier: 30, visits: 4 },
    { minTier: 11, maxTier: 20, visits: 2 },
    { minTier: 1, maxTier: 10, visits: 1 },
  ],
  reportDueDay: 5,
  lowSatisfaction: 60,
  linkRadiusMeters: 150,
  reportWindowDays: 30,
  // Not in the courseware; a district's typical key-brand target, to be set by the supervisor.
  keyBrandShareTarget: 0.45,
};

/**
 * The scheme a fresh install evaluates with (measures.md). Why these rules:
 *
 * sales — measures.md: the mean of three equally weighted sub-scores.
 *   volume_yoy against the district's yoy: a growth rate can be 0 or negative, so the district
 *   rule gets a band: 10 percentage points below the district's growth scores 0.
 *   key_brand_share linear from 0 to the target share; margin_vs_market linear from
 *   5 points under the market margin (0) to level with the market (100).
 * attendance — being in the market on workdays is the core of the job (30); spreading visits
 *   over the whole area (coverage, 20) and visiting as often as the tiers require
 *   (plan_compliance, 20) come next; top3_share (10) is the courseware's "not fixed in a few
 *   stores": 0.2 or less scores 100, 0.5 or more scores 0. An attendance rate of 0.7 or
 *   less scores 0 (a sixth of the workdays absent, 3 of 18, costs more than half of it; it
 *   was 0.6, where the same 3 days cost 42 %); coverage and plan below 0.5 score 0.
 *   punch_anomalies (20; the courseware's "electronic card records" that must be true): a
 *   punch out of the area, at an impossible speed, off hours, twice in a minute or
 *   mock-located halves it, two or more score 0. It came in at 20 on top of 35/25/25/15
 *   (120 in all); the others gave up a share each so the weights read as percentages again.
 * records — the courseware's 照搬照抄 is the fault a supervisor looks for first, so copying
 *   weighs as much as writing: a journal on every workday (20), the monthly report on time
 *   (15), not copied from last month (15; a copy scores 0), no self-copies (15; self_copy
 *   counts every entry of a copied group, so one copied pair (2) halves it and 4 score 0),
 *   no copy of a colleague (15; one copied entry scores 0: copying a colleague is never a
 *   slip), tidy counters with marked prices (10) from 60 % up. Empty writing (the
 *   courseware's 应付差事) is one fault in two forms that share the 10 short entries had alone:
 *   short entries (5; 5 score 0) and entries that are nothing but the district's boilerplate
 *   (套话; 5; 5 score 0). Boilerplate came in at 10 on top (110 in all), which diluted every
 *   copying metric; now the three copying metrics are 45 % of the dimension.
 *   Metric weights are proportions (the editor shows each as its share of the dimension);
 *   where they differ, the defaults add up to 100 so they read as percentages (sales weighs
 *   its three alike and the one-metric dimensions have 1).
 * knowledge, order — the metric is already a 0–100 score: identity.
 * brand — reach of new brands against the district (the district decides which brands are
 *   new, so its own reach is the fair yardstick; 60); month-on-month growth of new-brand
 *   volume from −20 % (0) to +20 % (100; 40).
 * fulfilment — 60 % of the agreed volume scores 0, all of it 100.
 * evaluation — satisfaction from 40 (0) to 90 (100; 50); every retailer should know the
 *   manager: 80 % scores 0 (30); complaints as a count, 3 or more score 0 (20).
 */
export const DEFAULT_SCHEME: Scheme = {
  name: '默认方案',
  version: 1,
  weights: {
    sales: 25,
    attendance: 15,
    records: 15,
    knowledge: 5,
    brand: 10,
    order: 10,
    fulfilment: 10,
    evaluation: 10,
  },
  metrics: {
    sales: [
      { metric: 'volume_yoy', weight: 1, rule: { type: 'district', band: 0.1 } },
      { metric: 'key_brand_share', weight: 1, rule: { type: 'linear', floor: 0, target: DEFAULT_THRESHOLDS.keyBrandShareTarget } },
      { metric: 'margin_vs_market', weight: 1, rule: { type: 'linear', floor: -0.05, target: 0 } },
    ],
    attendance: [
      { metric: 'attendance_rate', weight: 30, rule: { type: 'linear', floor: 0.7, target: 1 } },
      { metric: 'coverage', weight: 20, rule: { type: 'linear', floor: 0.5, target: 1 } },
      { metric: 'plan_compliance', weight: 20, rule: { type: 'linear', floor: 0.5, target: 1 } },
      { metric: 'top3_share', weight: 10, rule: { type: 'linear', floor: 0.5, target: 0.2 } },
      { metric: 'punch_anomalies', weight: 20, rule: { type: 'linear', floor: 2, target: 0 } },
    ],
    records: [
      { metric: 'journal_rate', weight: 20, rule: { type: 'linear', floor: 0.6, target: 1 } },
      { metric: 'report_submitted', weight: 15, rule: { type: 'linear', floor: 0, target: 1 } },
      { metric: 'counter_ok_rate', weight: 10, rule: { type: 'linear', floor: 0.6, target: 1 } },
      { metric: 'report_copy', weight: 15, rule: { type: 'linear', floor: 1, target: 0 } },
      { metric: 'self_copy', weight: 15, rule: { type: 'linear', floor: 4, target: 0 } },
      { metric: 'cross_copy', weight: 15, rule: { type: 'linear', floor: 1, target: 0 } },
      { metric: 'short_entries', weight: 5, rule: { type: 'linear', floor: 5, target: 0 } },
      { metric: 'perfunctory_entries', weight: 5, rule: { type: 'linear', floor: 5, target: 0 } },
    ],
    knowledge: [{ metric: 'knowledge_score', weight: 1, rule: { type: 'linear', floor: 0, target: 100 } }],
    brand: [
      { metric: 'new_brand_reach', weight: 60, rule: { type: 'district' } },
      { metric: 'new_brand_growth', weight: 40, rule: { type: 'linear', floor: -0.2, target: 0.2 } },
    ],
    order: [{ metric: 'order_score', weight: 1, rule: { type: 'linear', floor: 0, target: 100 } }],
    fulfilment: [{ metric: 'fulfilment_rate', weight: 1, rule: { type: 'linear', floor: 0.6, target: 1 } }],
    evaluation: [
      { metric: 'satisfaction', weight: 50, rule: { type: 'linear', floor: 40, target: 90 } },
      { metric: 'know_rate', weight: 30, rule: { type: 'linear', floor: 0.8, target: 1 } },
      { metric: 'complaints', weight: 20, rule: { type: 'linear', floor: 3, target: 0 } },
    ],
  },
  thresholds: DEFAULT_THRESHOLDS,
  veto: { enabled: true, unknownManagerMin: 1, dissatisfiedShare: 0.5 },
  grades: [
    { min: 90, label: '优秀' },
    { min: 80, label: '良好' },
    { min: 60, label: '合格' },
    { min: 0, label: '不合格' },
  ],
};
