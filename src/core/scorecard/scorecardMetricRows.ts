import type { MetricRowDto } from '../../shared/api/evaluationApi';
import { DIMENSION_KEYS, FLAG_METRIC, METRICS_BY_DIMENSION, type DimensionKey, type FlagType, type MetricKey } from '../measures/dimensions';
import type { ManagerEvaluation, MonthEvaluation } from '../measures/monthEvaluation';
import { describeRule, describeRuleText, trimNumber } from '../report/describeRule';
import { METRIC_PRESENTATION, type MetricFormat } from '../report/metricPresentation';
import { round1 } from '../scoring/round1';
import type { Scheme } from '../scoring/scheme';
import { scoreMetric } from '../scoring/scoreMetric';

const UNIT_BY_FORMAT: Record<MetricFormat, string> = { percent: '%', count: '', quantity: '', score: '分', hours: '小时', yesno: '' };

/** What the scheme computed for a dimension, whatever a supervisor set by hand. */
function computedScore(manager: ManagerEvaluation, key: DimensionKey): number | null {
  const dimension = manager.dimensions[key];
  return 'computedScore' in dimension ? (dimension.computedScore ?? null) : dimension.score;
}

/**
 * Every metric of one manager, dimension by dimension, with the district's value, the rule in the
 * report's words and the sub-score the scheme gave it. The snapshot keeps metric values but not
 * sub-scores, so they are scored again here with the same rule and context as the evaluation:
 * the district value of the snapshot, and for the rank rule the values of the managers whose
 * dimension had data (a computed score). A dimension without data scores nothing and shows no
 * values, as in the report (an order score of 100 without any inspection would read as clean).
 * A manual rule shows the supervisor's score the evaluation used, or 待评分 (pendingManual).
 */
export function scorecardMetricRows(evaluation: MonthEvaluation, scheme: Scheme, manager: ManagerEvaluation, flagTypes: readonly string[]): MetricRowDto[] {
  // Each flag counts on the metric it is about (FLAG_METRIC), not on every metric of its dimension.
  const flagMetrics = flagTypes.map((type) => FLAG_METRIC[type as FlagType] ?? null);
  return DIMENSION_KEYS.flatMap((key) => {
    const scored = scheme.metrics[key];
    const weightSum = scored.reduce((sum, m) => sum + (m.weight > 0 ? m.weight : 0), 0);
    const noData = computedScore(manager, key) === null;
    return (METRICS_BY_DIMENSION[key] as readonly MetricKey[]).map((metric): MetricRowDto => {
      const { label, format } = METRIC_PRESENTATION[metric];
      const rule = scored.find((m) => m.metric === metric);
      const value = noData ? null : finite(manager.dimensions[key].metrics[metric]);
      const districtValue = finite(evaluation.districtMetrics[metric]);
      const allValues = evaluation.managers.map((m) => (computedScore(m, key) === null ? null : finite(m.dimensions[key].metrics[metric])));
      const manual = rule?.rule.type === 'manual' ? (manager.manualScores?.[metric] ?? null) : null;
      const score = rule?.rule.type === 'manual' ? manual : rule && !noData ? scoreMetric(rule.rule, value, { districtValue, allValues }) : null;
      return {
        dimension: key,
        metric,
        label,
        unit: UNIT_BY_FORMAT[format],
        format,
        value,
        districtValue,
        rule: describeRule(metric, rule?.rule),
        ruleText: describeRuleText(metric, rule?.rule),
        ruleType: rule ? rule.rule.type : null,
        weight: rule && weightSum > 0 && rule.weight > 0 ? Number(trimNumber((100 * rule.weight) / weightSum)) : null,
        score: score === null ? null : round1(score),
        pendingManual: (manager.pendingManual ?? []).includes(metric),
        flagIndexes: flagMetrics.flatMap((about, index) => (about === metric ? [index] : [])),
      };
    });
  });
}

function finite(x: number | null | undefined): number | null {
  return x === null || x === undefined || !Number.isFinite(x) ? null : x;
}
