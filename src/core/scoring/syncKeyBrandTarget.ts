import type { Scheme } from './scheme';

/**
 * The key-brand share target lives twice in a scheme: as a threshold (what a supervisor edits)
 * and as the target of the key_brand_share metric's linear rule (what scoring reads). The
 * threshold wins, so the editor shows one number and the two can never disagree.
 */
export function syncKeyBrandTarget(scheme: Scheme): Scheme {
  const target = scheme.thresholds.keyBrandShareTarget;
  return {
    ...scheme,
    metrics: {
      ...scheme.metrics,
      sales: scheme.metrics.sales.map((m) =>
        m.metric === 'key_brand_share' && m.rule.type === 'linear' ? { ...m, rule: { ...m.rule, target } } : m,
      ),
    },
  };
}
