import { DIMENSION_KEYS } from '../../../core/measures/dimensions';
import type { ManagerEvaluation } from '../../../core/measures/monthEvaluation';
import { FLAG_TYPE_LABELS_ZH } from '../../../core/report/flagTypeLabels';
import { round1 } from '../../../core/scoring/round1';
import type { Flag } from '../../../core/measures/dimensions';
import type { FlagDto, ManagerRowDto, MonthEvaluationDto } from '../../../shared/api/evaluationApi';
import type { MonthSnapshot } from './monthSnapshot';

export function toFlagDto(flag: Flag): FlagDto {
  return { ...flag, label: FLAG_TYPE_LABELS_ZH[flag.type] ?? flag.type };
}

export function toManagerRowDto(m: ManagerEvaluation): ManagerRowDto {
  return {
    code: m.code,
    name: m.name,
    rank: m.rank,
    total: m.total,
    grade: m.grade,
    veto: m.veto,
    dimensions: m.dimensions,
    flagCount: m.flags.length,
    insufficient: m.insufficient ?? null,
    pendingManual: m.pendingManual ?? [],
  };
}

/** Per dimension, the mean score of the managers that have one (the radar's district line). */
export function districtAverages(managers: readonly ManagerEvaluation[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const d of DIMENSION_KEYS) {
    const scores = managers.map((m) => m.dimensions[d].score).filter((s): s is number => s !== null);
    out[d] = scores.length > 0 ? round1(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  }
  return out;
}

/** What the 考评 screen shows of a stored month. */
export function toMonthEvaluationDto(s: MonthSnapshot): MonthEvaluationDto {
  return {
    month: s.month,
    stale: s.status === 'final' ? [] : s.stale,
    nextScheme: s.nextScheme,
    status: s.status,
    evaluatedAt: s.evaluatedAt,
    finalizedAt: s.finalizedAt,
    finalizedBy: s.finalizedBy,
    scheme: { name: s.scheme.name, version: s.scheme.version },
    grades: [...s.scheme.grades].sort((a, b) => b.min - a.min).map((g) => g.label),
    workdays: s.evaluation.workdays,
    managers: s.evaluation.managers.map(toManagerRowDto),
    districtAverages: districtAverages(s.evaluation.managers),
    nearCopyPairCount: s.evaluation.nearCopyPairs.length,
  };
}
