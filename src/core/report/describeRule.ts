import type { MetricKey } from '../measures/dimensions';
import type { MetricRule } from '../scoring/scheme';
import { messageZh, type MessageText } from '../messages/messageText';
import { METRIC_PRESENTATION } from './metricPresentation';

/** A scoring rule in the words a supervisor checks it by, with thresholds in the metric's own unit. */
export function describeRule(metric: MetricKey, rule: MetricRule | undefined): string {
  return messageZh(describeRuleText(metric, rule));
}

/** The rule's sentence as a code and parameters (the UI's language); undefined rule: not scored. */
export function describeRuleText(metric: MetricKey, rule: MetricRule | undefined): MessageText {
  const text = (code: string, params: MessageText['params'] = {}): MessageText => ({ code: `rule.${code}`, params });
  if (!rule) return text('notScored');
  const { format } = METRIC_PRESENTATION[metric];
  const show = (x: number): string => (format === 'percent' ? `${trimNumber(x * 100)}%` : trimNumber(x));
  switch (rule.type) {
    case 'linear':
      if (format === 'yesno' && rule.target >= 0.5 !== rule.floor >= 0.5) return text(rule.target >= 0.5 ? 'yesScores' : 'noScores');
      return text(rule.floor > rule.target ? 'linearLower' : 'linear', { floor: show(rule.floor), target: show(rule.target) });
    case 'district': {
      const side = rule.lowerIsBetter ? 'districtAtMost' : 'districtAtLeast';
      if (rule.band === undefined || rule.band <= 0) return text(`${side}Ratio`);
      return format === 'percent' ? text(`${side}Points`, { band: trimNumber(rule.band * 100) }) : text(side, { band: trimNumber(rule.band) });
    }
    case 'rank':
      return text(rule.lowerIsBetter ? 'rankLower' : 'rank');
    case 'manual':
      return text('manual');
  }
}

/** At most two decimals, without trailing zeros (0.45 × 100 must read 45, not 45.00000000000001). */
export function trimNumber(x: number): string {
  return String(Number(x.toFixed(2)));
}
