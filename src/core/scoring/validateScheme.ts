import { DIMENSION_KEYS, DIMENSION_LABELS_ZH, METRICS_BY_DIMENSION } from '../measures/dimensions';
import type { MetricRule, Scheme, SchemeThresholds } from './scheme';

export type SchemeValidation = { ok: true } | { ok: false; errors: string[] };

const WEIGHT_TOLERANCE = 1e-9;

/** Everything a supervisor can get wrong when editing a scheme, in Chinese, all at once. */
export function validateScheme(s: Scheme): SchemeValidation {
  const errors: string[] = [];
  if (!s.name?.trim()) errors.push('方案名称不能为空');
  if (!Number.isInteger(s.version) || s.version < 1) errors.push(`方案版本应为正整数，当前为 ${s.version}`);
  checkWeights(s, errors);
  checkMetrics(s, errors);
  checkGrades(s, errors);
  checkThresholds(s.thresholds, errors);
  checkVeto(s, errors);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

function checkWeights(s: Scheme, errors: string[]): void {
  let sum = 0;
  for (const key of DIMENSION_KEYS) {
    const weight = s.weights?.[key];
    const label = DIMENSION_LABELS_ZH[key];
    if (typeof weight !== 'number' || !Number.isFinite(weight)) {
      errors.push(`缺少「${label}」的权重`);
      continue;
    }
    if (weight < 0) errors.push(`「${label}」的权重不能为负数（当前为 ${weight}）`);
    sum += weight;
  }
  if (Math.abs(sum - 100) > WEIGHT_TOLERANCE) errors.push(`各维度权重合计为 ${formatNumber(sum)}，应为 100`);
}

function checkMetrics(s: Scheme, errors: string[]): void {
  for (const key of DIMENSION_KEYS) {
    const label = DIMENSION_LABELS_ZH[key];
    const scored = s.metrics?.[key] ?? [];
    const own: readonly string[] = METRICS_BY_DIMENSION[key];
    if (scored.length === 0 && (s.weights?.[key] ?? 0) > 0) {
      errors.push(`「${label}」的权重为 ${s.weights[key]}，但没有计分指标`);
    }
    const seen = new Set<string>();
    for (const { metric, weight, rule } of scored) {
      if (!own.includes(metric)) {
        errors.push(`指标 ${metric} 不属于「${label}」`);
        continue;
      }
      if (seen.has(metric)) errors.push(`「${label}」中指标 ${metric} 重复出现`);
      seen.add(metric);
      if (!(typeof weight === 'number' && Number.isFinite(weight) && weight > 0)) {
        errors.push(`「${label}」中指标 ${metric} 的权重应大于 0（当前为 ${weight}）`);
      }
      const ruleError = checkRule(rule);
      if (ruleError) errors.push(`「${label}」中指标 ${metric}：${ruleError}`);
    }
  }
}

function checkRule(rule: MetricRule): string | null {
  switch (rule?.type) {
    case 'linear':
      if (!Number.isFinite(rule.floor) || !Number.isFinite(rule.target)) return '线性规则的起点和目标必须是数字';
      if (rule.floor === rule.target) return `线性规则的起点和目标不能相同（都为 ${rule.floor}）`;
      return null;
    case 'district':
      if (rule.band !== undefined && !(Number.isFinite(rule.band) && rule.band > 0)) {
        return `与全区比较的容差应大于 0（当前为 ${rule.band}）`;
      }
      return null;
    case 'rank':
    case 'manual':
      return null;
    default:
      return `未知的计分规则 ${String((rule as { type?: unknown } | undefined)?.type)}`;
  }
}

function checkGrades(s: Scheme, errors: string[]): void {
  const grades = s.grades ?? [];
  if (grades.length === 0) {
    errors.push('至少需要一个等级');
    return;
  }
  grades.forEach((band, i) => {
    if (!band.label?.trim()) errors.push(`第 ${i + 1} 个等级没有名称`);
    if (!Number.isFinite(band.min)) errors.push(`等级「${band.label}」的下限必须是数字`);
    const previous = grades[i - 1];
    if (previous && !(band.min < previous.min)) {
      errors.push(`等级下限应从高到低排列：「${previous.label}」${previous.min} 之后是「${band.label}」${band.min}`);
    }
  });
}

function checkThresholds(t: SchemeThresholds, errors: string[]): void {
  const check = (ok: boolean, message: string) => {
    if (!ok) errors.push(message);
  };
  check(t.nearCopyJaccard > 0 && t.nearCopyJaccard <= 1, `雷同判定阈值应在 0 到 1 之间（不含 0），当前为 ${t.nearCopyJaccard}`);
  check(Number.isInteger(t.minEntryChars) && t.minEntryChars >= 0, `日志最少字数应为非负整数，当前为 ${t.minEntryChars}`);
  if (t.boilerplateManagers !== undefined) {
    check(Number.isInteger(t.boilerplateManagers) && t.boilerplateManagers >= 2, `套话判定人数应为不小于 2 的整数，当前为 ${t.boilerplateManagers}`);
  }
  check(t.concentrationTop3Share >= 0 && t.concentrationTop3Share <= 1, `前三户拜访占比阈值应在 0 到 1 之间，当前为 ${t.concentrationTop3Share}`);
  check(t.maxTravelKmh > 0, `最高合理移动速度应大于 0，当前为 ${t.maxTravelKmh}`);
  check(
    t.offHoursBefore >= 0 && t.offHoursAfter <= 24 && t.offHoursBefore < t.offHoursAfter,
    `非工作时段设置有误：应满足 0 ≤ 开始 (${t.offHoursBefore}) < 结束 (${t.offHoursAfter}) ≤ 24`,
  );
  check(Number.isInteger(t.reportDueDay) && t.reportDueDay >= 1 && t.reportDueDay <= 28, `月报截止日应为 1 到 28 之间的整数，当前为 ${t.reportDueDay}`);
  check(t.lowSatisfaction >= 0 && t.lowSatisfaction <= 100, `满意度预警线应在 0 到 100 之间，当前为 ${t.lowSatisfaction}`);
  check(t.linkRadiusMeters > 0, `打卡关联半径应大于 0，当前为 ${t.linkRadiusMeters}`);
  check(Number.isInteger(t.reportWindowDays) && t.reportWindowDays >= 0, `违规上报追溯天数应为非负整数，当前为 ${t.reportWindowDays}`);
  check(t.keyBrandShareTarget > 0 && t.keyBrandShareTarget <= 1, `重点品牌占比目标应在 0 到 1 之间（不含 0），当前为 ${t.keyBrandShareTarget}`);

  const tiers = [...(t.visitsPerMonthByTier ?? [])].sort((a, b) => a.minTier - b.minTier);
  tiers.forEach((band, i) => {
    check(
      Number.isInteger(band.minTier) && Number.isInteger(band.maxTier) && band.minTier <= band.maxTier,
      `档位区间 ${band.minTier}–${band.maxTier} 无效`,
    );
    check(Number.isInteger(band.visits) && band.visits >= 0, `档位 ${band.minTier}–${band.maxTier} 的月拜访次数应为非负整数，当前为 ${band.visits}`);
    const previous = tiers[i - 1];
    if (previous && band.minTier <= previous.maxTier) {
      errors.push(`档位区间 ${previous.minTier}–${previous.maxTier} 与 ${band.minTier}–${band.maxTier} 重叠`);
    }
  });
}

function checkVeto(s: Scheme, errors: string[]): void {
  const v = s.veto;
  if (!Number.isInteger(v.unknownManagerMin) || v.unknownManagerMin < 1) {
    errors.push(`否决条件“不认识客户经理的零售户数”应为正整数，当前为 ${v.unknownManagerMin}`);
  }
  if (!(v.dissatisfiedShare > 0 && v.dissatisfiedShare <= 1)) {
    errors.push(`否决条件“不满意问卷占比”应在 0 到 1 之间（不含 0），当前为 ${v.dissatisfiedShare}`);
  }
}

function formatNumber(x: number): string {
  return String(Number(x.toPrecision(12)));
}
