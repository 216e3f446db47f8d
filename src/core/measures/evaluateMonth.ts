import { zhMessage } from '../messages/messageText';
import { applyVeto } from '../scoring/applyVeto';
import type { Scheme } from '../scoring/scheme';
import { scoreDimension } from '../scoring/scoreDimension';
import type { MetricContext } from '../scoring/scoreMetric';
import { aggregateOrders, marginRate } from './aggregateOrders';
import type { DimensionMeasures } from './dimensionMeasures';
import { DIMENSION_KEYS, type DimensionKey, type Flag, type MetricKey } from './dimensions';
import { districtMetrics } from './districtMetrics';
import type { EvaluationInput, ManagerRow } from './evaluationInput';
import { findJournalCopies, type JournalCopyCache } from './findJournalCopies';
import { findReportCopy } from './findReportCopy';
import { gradeAndRank } from './gradeAndRank';
import { measureManager } from './measureManager';
import { buildMonthContext, type MonthContext } from './monthContext';
import type { DimensionEvaluation, ManagerEvaluation, MonthEvaluation } from './monthEvaluation';
import type { NearCopyRecord } from './nearCopyRecord';
import { routeVolumes } from './routeVolumes';
import { surveyFacts } from './surveyFacts';

export interface EvaluateMonthOptions {
  /** Scores the supervisor entered for metrics whose rule is 'manual', by manager code. */
  manualScores?: Record<string, Partial<Record<MetricKey, number>>>;
  /** Copy findings kept from an earlier evaluation of the month (the same findings, without the work). */
  journalCopyCache?: JournalCopyCache;
}

type Measured = Record<DimensionKey, DimensionMeasures>;

/** One month of the district: every manager's metrics, flags, dimension scores, total, grade and rank. */
export function evaluateMonth(input: EvaluationInput, scheme: Scheme, opts: EvaluateMonthOptions = {}): MonthEvaluation {
  const ctx = buildMonthContext(input, scheme.thresholds);
  const journalCopies = findJournalCopies(ctx, opts.journalCopyCache);
  let volumes: ReadonlyMap<string, number> | null = null;
  const shared = {
    journalCopies,
    districtMarginRate: marginRate(aggregateOrders(ctx.orders.get(ctx.month))),
    volumesByRoute: () => (volumes ??= routeVolumes(ctx)),
  };
  // Only the managers employed in the month are judged (measures.md, "Who is judged"): someone
  // hired after it, or gone before it, is in neither its ranking nor its report.
  const judged = input.managers.filter((manager) => ctx.employmentOf(manager.code) !== null);
  const measured = judged.map((manager) => measureManager(ctx, manager.code, shared));
  const district = districtMetrics(ctx, measured);
  const allValues = valuesByMetric(measured);
  const managers = judged.map((manager, index) =>
    evaluateManager(ctx, scheme, manager, measured[index]!, (metric) => ({
      districtValue: district[metric] ?? null,
      allValues: allValues.get(metric) ?? [],
    }), opts.manualScores?.[manager.code] ?? {}),
  );
  return {
    month: input.month,
    workdays: input.workdays.length,
    scheme: { name: scheme.name, version: scheme.version },
    districtMetrics: district,
    managers: gradeAndRank(managers, scheme),
    nearCopyPairs: [...journalCopies.pairs, ...reportCopyPairs(ctx, scheme)],
  };
}

function evaluateManager(
  ctx: MonthContext,
  scheme: Scheme,
  manager: ManagerRow,
  measured: Measured,
  ctxFor: (metric: MetricKey) => MetricContext,
  manual: Partial<Record<MetricKey, number>>,
): ManagerEvaluation {
  const dimensions = {} as Record<DimensionKey, DimensionEvaluation>;
  const pendingManual: MetricKey[] = [];
  for (const key of DIMENSION_KEYS) {
    for (const { metric, weight, rule } of scheme.metrics[key]) {
      // A 手工评分 metric without a score is 待评分, never silently dropped from its dimension unnoticed.
      if (rule.type === 'manual' && weight > 0 && scheme.weights[key] > 0 && !Number.isFinite(manual[metric])) pendingManual.push(metric);
    }
    const { hasData, metrics } = measured[key];
    // Without data only the supervisor's manual scores can make the dimension's score.
    dimensions[key] = {
      score: scoreDimension(scheme.metrics[key], hasData ? metrics : {}, ctxFor, manual),
      weight: scheme.weights[key],
      metrics,
    };
  }
  const veto = applyVeto(scheme.veto, surveyFacts(ctx.surveysByManager.get(manager.code) ?? []));
  const flags: Flag[] = DIMENSION_KEYS.flatMap((key) => measured[key].flags);
  if (ctx.assignments.retailersOf(manager.code).length === 0) {
    flags.unshift({
      type: 'area.no_retailers',
      managerCode: manager.code,
      ...zhMessage('flag.area.noRetailers'),
      evidence: [],
    });
  }
  if (veto) {
    const text = veto.text ? { text: veto.text } : {};
    flags.push({ type: 'evaluation.veto', managerCode: manager.code, message: veto.reason, ...text, evidence: veto.evidence });
  }
  const manualScores = Object.fromEntries(Object.entries(manual).filter(([, v]) => Number.isFinite(v))) as Partial<Record<MetricKey, number>>;
  return { code: manager.code, name: manager.name, rank: null, total: null, grade: null, veto, dimensions, flags, pendingManual, manualScores };
}

/** Each metric's values over the managers whose dimension has data (null otherwise), for the 'rank' rule. */
function valuesByMetric(measured: readonly Measured[]): Map<MetricKey, (number | null)[]> {
  const values = new Map<MetricKey, (number | null)[]>();
  for (const dims of measured) {
    for (const key of DIMENSION_KEYS) {
      for (const [metric, value] of Object.entries(dims[key].metrics) as [MetricKey, number | null | undefined][]) {
        const list = values.get(metric) ?? [];
        list.push(dims[key].hasData ? (value ?? null) : null);
        values.set(metric, list);
      }
    }
  }
  return values;
}

function reportCopyPairs(ctx: MonthContext, scheme: Scheme): NearCopyRecord[] {
  const pairs: NearCopyRecord[] = [];
  for (const manager of ctx.input.managers) {
    const comparison = findReportCopy(ctx, manager.code);
    if (!comparison || comparison.similarity < scheme.thresholds.nearCopyJaccard) continue;
    const { current, previous, similarity } = comparison;
    pairs.push({
      aId: Math.min(current.id, previous.id),
      bId: Math.max(current.id, previous.id),
      similarity,
      kind: 'reports',
      self: true,
      aManager: manager.code,
      bManager: manager.code,
    });
  }
  return pairs;
}

// The backend applies adjustments right after evaluating; one import serves both.
export { applyAdjustments } from './applyAdjustments';
