import { DIMENSION_KEYS, type DimensionKey } from '../measures/dimensions';
import type { MonthEvaluation } from '../measures/monthEvaluation';

/** Where a district's month stands: 定稿, 草稿 (with or without 需重新考评), or not evaluated. */
export type DistrictMonthStatus = 'final' | 'draft' | 'not_evaluated';

/** One district's month as the city compares it (市公司汇总). */
export interface DistrictMonthSummary {
  district: string;
  status: DistrictMonthStatus;
  /** The draft's result is out of date (需重新考评). */
  stale: boolean;
  /** Managers judged in the month. */
  managers: number;
  /** Managers with a grade (not 数据不足). */
  graded: number;
  /** Grade label → managers, every label of the scheme present (0 when none). */
  grades: Record<string, number>;
  vetoes: number;
  /** Mean total of the graded managers, one decimal; null: none graded. */
  averageTotal: number | null;
  /** Each dimension's mean score over the managers with data, one decimal; null: none has data. */
  dimensions: Record<DimensionKey, number | null>;
  /** Flag type → flags raised; only types raised at least once. */
  flags: Record<string, number>;
  flagTotal: number;
  /** Flags per judged manager, two decimals (comparable between districts of different size). */
  flagsPerManager: number | null;
  /** 1 = the highest mean total; districts without one are not ranked. */
  rank: number | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function mean(values: readonly number[], digits = 1): number | null {
  return values.length === 0 ? null : round(values.reduce((a, b) => a + b, 0) / values.length, digits);
}

/** A district's month in figures; `evaluation` null: not evaluated (every count 0, every mean null). */
export function summariseDistrictMonth(
  district: string,
  evaluation: MonthEvaluation | null,
  gradeLabels: readonly string[],
  state: { status: DistrictMonthStatus; stale: boolean },
): DistrictMonthSummary {
  const managers = evaluation?.managers ?? [];
  const grades: Record<string, number> = Object.fromEntries(gradeLabels.map((g) => [g, 0]));
  for (const m of managers) if (m.grade !== null) grades[m.grade] = (grades[m.grade] ?? 0) + 1;
  const flags: Record<string, number> = {};
  for (const m of managers) for (const f of m.flags) flags[f.type] = (flags[f.type] ?? 0) + 1;
  const flagTotal = Object.values(flags).reduce((a, b) => a + b, 0);
  const dimensions = Object.fromEntries(
    DIMENSION_KEYS.map((k) => [k, mean(managers.map((m) => m.dimensions[k].score).filter((s): s is number => s !== null))]),
  ) as Record<DimensionKey, number | null>;
  const totals = managers.filter((m) => m.grade !== null && m.total !== null).map((m) => m.total as number);
  return {
    district,
    status: state.status,
    stale: state.stale,
    managers: managers.length,
    graded: managers.filter((m) => m.grade !== null).length,
    grades,
    vetoes: managers.filter((m) => m.veto !== null).length,
    averageTotal: mean(totals),
    dimensions,
    flags,
    flagTotal,
    flagsPerManager: managers.length === 0 ? null : round(flagTotal / managers.length, 2),
    rank: null,
  };
}

/**
 * The districts ranked by mean total, highest first (equal means share a rank, the next rank
 * skips as in a competition); districts without a mean come last, unranked, by name.
 */
export function rankDistricts(summaries: readonly DistrictMonthSummary[]): DistrictMonthSummary[] {
  const byName = (a: DistrictMonthSummary, b: DistrictMonthSummary) => (a.district < b.district ? -1 : a.district > b.district ? 1 : 0);
  const ranked = summaries.filter((s) => s.averageTotal !== null).sort((a, b) => (b.averageTotal as number) - (a.averageTotal as number) || byName(a, b));
  const out = ranked.map((s, i) => ({ ...s, rank: i + 1 }));
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1];
    const cur = out[i];
    if (prev && cur && prev.averageTotal === cur.averageTotal) cur.rank = prev.rank;
  }
  return [...out, ...summaries.filter((s) => s.averageTotal === null).sort(byName).map((s) => ({ ...s, rank: null }))];
}
