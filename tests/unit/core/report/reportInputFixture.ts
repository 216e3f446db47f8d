import { DIMENSION_KEYS, METRICS_BY_DIMENSION, type DimensionKey, type Flag, type MetricKey } from '../../../../src/core/measures/dimensions';
import type { DimensionEvaluation, ManagerEvaluation } from '../../../../src/core/measures/monthEvaluation';
import type { EvidenceDetail, ReportInput } from '../../../../src/core/report/reportInput';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';

type Scores = Partial<Record<DimensionKey, number | null>>;

/** A manager whose dimensions not named in `scores` score 80, with every metric at `metricValue`. */
export function manager(code: string, name: string, rank: number | null, total: number | null, grade: string | null, scores: Scores = {}, flags: Flag[] = []): ManagerEvaluation {
  const dimensions = Object.fromEntries(
    DIMENSION_KEYS.map((key): [DimensionKey, DimensionEvaluation] => [
      key,
      {
        score: key in scores ? (scores[key] ?? null) : 80,
        weight: DEFAULT_SCHEME.weights[key],
        metrics: Object.fromEntries((METRICS_BY_DIMENSION[key] as readonly MetricKey[]).map((m) => [m, 0.5])),
      },
    ]),
  ) as Record<DimensionKey, DimensionEvaluation>;
  return { code, name, rank, total, grade, veto: null, dimensions, flags };
}

export function detail(kind: EvidenceDetail['kind'], id: number, overrides: Partial<EvidenceDetail> = {}): EvidenceDetail {
  return {
    kind,
    id,
    date: '2026-10-12',
    time: null,
    managerCode: null,
    managerName: null,
    retailerName: null,
    retailerLicence: null,
    text: `${kind} ${id}`,
    note: null,
    ...overrides,
  };
}

export function reportInput(managers: ManagerEvaluation[], overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    month: '2026-10',
    status: 'draft',
    evaluatedAt: '2026-11-03T01:00:00.000Z',
    finalizedAt: null,
    finalizedBy: null,
    scheme: DEFAULT_SCHEME,
    evaluation: {
      month: '2026-10',
      workdays: 18,
      scheme: { name: DEFAULT_SCHEME.name, version: DEFAULT_SCHEME.version },
      districtMetrics: {},
      managers,
      nearCopyPairs: [],
    },
    adjustments: [],
    evidence: [],
    departments: managers.map(() => '临河营销部'),
    generatedAt: '2026-11-05T02:13:00.000Z',
    utcOffsetMinutes: 480,
    ...overrides,
  };
}
