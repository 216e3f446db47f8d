import type { MetricKey } from '../measures/dimensions';
import type { MetricRule } from '../scoring/scheme';
import { METRIC_PRESENTATION } from './metricPresentation';

/** A scoring rule in the words a supervisor checks it by, with thresholds in the metric's own unit. */
export function describeRule(metric: MetricKey, rule: MetricRule): string {
  const { format } = METRIC_PRESENTATION[metric];
  const show = (x: number): string => {
    if (format === 'percent') return `${trimNumber(x * 100)}%`;
    if (format === 'yesno') return x >= 0.5 ? '是' : '否';
    return trimNumber(x);
  };
  const gap = (x: number): string => (format === 'percent' ? `${trimNumber(x * 100)} 个百分点` : trimNumber(x));
  switch (rule.type) {
    case 'linear':
      if (format === 'yesno') return `${show(rule.target)} 得 100，${show(rule.floor)} 得 0`;
      return `线性：${show(rule.floor)}→${show(rule.target)} 得 0→100${rule.floor > rule.target ? '（越低越好）' : ''}`;
    case 'district': {
      const [level, beyond] = rule.lowerIsBetter ? ['不高于', '高出'] : ['不低于', '低于'];
      const below =
        rule.band !== undefined && rule.band > 0
          ? `${beyond}片区值 ${gap(rule.band)} 得 0`
          : `${beyond}时按与片区值的差距比例扣分`;
      return `对比片区：${level}片区值得 100，${below}`;
    }
    case 'rank':
      return `片区内排名：第一名 100，末名 0${rule.lowerIsBetter ? '（越低越好）' : ''}`;
    case 'manual':
      return '主管人工评分';
  }
}

/** At most two decimals, without trailing zeros (0.45 × 100 must read 45, not 45.00000000000001). */
export function trimNumber(x: number): string {
  return String(Number(x.toFixed(2)));
}
