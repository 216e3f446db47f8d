import type { Veto } from '../scoring/applyVeto';
import type { DimensionKey, Flag, MetricKey } from './dimensions';
import type { NearCopyRecord } from './nearCopyRecord';

export interface DimensionEvaluation {
  /** 0–100, one decimal; null: 无数据, left out of the total. */
  score: number | null;
  weight: number;
  metrics: Partial<Record<MetricKey, number | null>>;
  /** Present when a supervisor adjusted the score: what the scheme computed. */
  computedScore?: number | null;
}

export interface ManagerEvaluation {
  code: string;
  name: string;
  rank: number | null;
  total: number | null;
  grade: string | null;
  veto: Veto | null;
  /**
   * Present when the dimensions with data carry less than half of the total weight: the manager
   * is listed but neither graded nor ranked (数据不足，不评等级); the keys of the missing dimensions.
   */
  insufficient?: DimensionKey[] | null;
  /** Metrics whose rule is 手工评分 and that have no score yet (待评分): 定稿 waits for them. */
  pendingManual?: MetricKey[];
  /** The manual scores the evaluation used, by metric. */
  manualScores?: Partial<Record<MetricKey, number>>;
  dimensions: Record<DimensionKey, DimensionEvaluation>;
  flags: Flag[];
}

export interface MonthEvaluation {
  month: string;
  workdays: number;
  scheme: { name: string; version: number };
  /** The yardstick of the 'district' rule: computed over the whole district where the metric allows, else the managers' mean. */
  districtMetrics: Partial<Record<MetricKey, number | null>>;
  managers: ManagerEvaluation[];
  nearCopyPairs: NearCopyRecord[];
}

/** The grade of a vetoed manager, whatever the total (measures.md, 一票否决). */
export const VETO_GRADE = '不合格';
