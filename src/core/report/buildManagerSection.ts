import { DIMENSION_KEYS, DIMENSION_LABELS_ZH, METRICS_BY_DIMENSION, type DimensionKey, type Flag, type MetricKey } from '../measures/dimensions';
import type { ManagerEvaluation } from '../measures/monthEvaluation';
import { dimensionRadarOption } from './charts/dimensionRadarOption';
import { describeRule, trimNumber } from './describeRule';
import { copyPair, evidenceLine } from './evidenceLines';
import { FLAG_TYPE_LABELS_ZH } from './flagTypeLabels';
import { METRIC_PRESENTATION } from './metricPresentation';
import type { ReportContext } from './reportContext';
import type { AdjustmentLine, ManagerFlag, ManagerSection, MetricLine } from './reportModel';
import { districtMetricValue, metricValue } from './reportValue';

const COPY_FLAGS: ReadonlySet<Flag['type']> = new Set(['records.self_copy', 'records.cross_copy', 'records.report_copy']);

export function buildManagerSection(ctx: ReportContext, manager: ManagerEvaluation, sheetName: string, title: string): ManagerSection {
  return {
    sheetName,
    code: manager.code,
    name: manager.name,
    title,
    rank: manager.rank,
    managerCount: ctx.managers.length,
    total: manager.total,
    grade: manager.grade ?? (manager.insufficient ? '数据不足，不评等级' : '无总分'),
    veto: manager.veto?.reason ?? null,
    dimensions: DIMENSION_KEYS.map((key) => {
      const dimension = manager.dimensions[key];
      const adjusted = 'computedScore' in dimension;
      return {
        label: DIMENSION_LABELS_ZH[key],
        weight: dimension.weight,
        score: dimension.score,
        adjusted,
        computedScore: adjusted ? (dimension.computedScore ?? null) : null,
        districtAverage: ctx.averages[key],
      };
    }),
    metrics: DIMENSION_KEYS.flatMap((key) => metricLines(ctx, manager, key)),
    flags: manager.flags.map((flag) => managerFlag(ctx, flag)),
    adjustments: adjustmentLines(ctx, manager),
    manualScores: manualScoreLines(ctx, manager),
    insufficient: manager.insufficient
      ? `数据不足，不评等级：有数据的方面不足总权重的一半，缺 ${manager.insufficient.map((key) => DIMENSION_LABELS_ZH[key]).join('、')}`
      : null,
    radarChart: dimensionRadarOption(
      DIMENSION_KEYS.map((key) => ({ label: DIMENSION_LABELS_ZH[key], manager: manager.dimensions[key].score, district: ctx.averages[key] })),
    ),
  };
}

function metricLines(ctx: ReportContext, manager: ManagerEvaluation, key: DimensionKey): MetricLine[] {
  const scored = ctx.input.scheme.metrics[key];
  const weightSum = scored.reduce((sum, m) => sum + m.weight, 0);
  const district = ctx.input.evaluation.districtMetrics;
  // A dimension without data has no metric values worth printing (an order score of 100 without any
  // inspection imported would read as a clean record).
  const noData = manager.dimensions[key].score === null;
  return (METRICS_BY_DIMENSION[key] as readonly MetricKey[]).map((metric) => {
    const rule = scored.find((m) => m.metric === metric);
    return {
      dimension: DIMENSION_LABELS_ZH[key],
      label: METRIC_PRESENTATION[metric].label,
      value: metricValue(metric, noData ? null : manager.dimensions[key].metrics[metric]),
      district: districtMetricValue(metric, district[metric]),
      weight: rule && weightSum > 0 ? `${trimNumber((100 * rule.weight) / weightSum)}%` : '—',
      rule: describeRule(metric, rule?.rule),
    };
  });
}

function managerFlag(ctx: ReportContext, flag: Flag): ManagerFlag {
  const copy = COPY_FLAGS.has(flag.type) && flag.pairs !== undefined && flag.pairs.length > 0;
  const kind = flag.type === 'records.report_copy' ? 'reports' : 'journals';
  return {
    type: flag.type,
    typeLabel: FLAG_TYPE_LABELS_ZH[flag.type],
    message: flag.message,
    evidence: copy ? [] : flag.evidence.map((ref) => evidenceLine(ref, ctx.lookup)),
    pairs: copy ? (flag.pairs ?? []).map((pair) => copyPair(pair, kind, ctx.lookup, ctx.nameOf)) : [],
  };
}

/** Every adjustment of the manager, each from the score before it (the computed one, or the previous adjustment). */
function adjustmentLines(ctx: ReportContext, manager: ManagerEvaluation): AdjustmentLine[] {
  const current = new Map<DimensionKey, number | null>();
  for (const key of DIMENSION_KEYS) {
    const dimension = manager.dimensions[key];
    current.set(key, 'computedScore' in dimension ? (dimension.computedScore ?? null) : dimension.score);
  }
  return ctx.input.adjustments
    .filter((a) => a.managerCode === manager.code)
    .map((a) => {
      const from = current.get(a.dimension) ?? null;
      current.set(a.dimension, a.score);
      return { dimension: DIMENSION_LABELS_ZH[a.dimension], from, to: a.score, reason: a.reason, who: a.who, at: ctx.time(a.at) };
    });
}

/** Each 手工评分 metric of the scheme: the score the evaluation used and who entered it, or 待评分. */
function manualScoreLines(ctx: ReportContext, manager: ManagerEvaluation): string[] {
  const lines: string[] = [];
  for (const key of DIMENSION_KEYS) {
    for (const { metric, rule } of ctx.input.scheme.metrics[key]) {
      if (rule.type !== 'manual') continue;
      const label = METRIC_PRESENTATION[metric].label;
      const used = manager.manualScores?.[metric];
      if (used === undefined) {
        lines.push(`${label}：待评分`);
        continue;
      }
      const entry = (ctx.input.manualScores ?? []).filter((s) => s.managerCode === manager.code && s.metric === metric).at(-1);
      const by = entry ? `（${entry.who}，${ctx.time(entry.at)}；${entry.reason}）` : '';
      lines.push(`${label}：${used} 分${by}`);
    }
  }
  return lines;
}
