import type { Flag, MetricKey } from './dimensions';

/** What one dimension's measuring yields for one manager, before the scheme scores it. */
export interface DimensionMeasures {
  /** false: the month holds no data to judge this dimension by; it is shown as 无数据 and left out of the total. */
  hasData: boolean;
  metrics: Partial<Record<MetricKey, number | null>>;
  flags: Flag[];
}
