import { rankDistricts, summariseDistrictMonth, type DistrictMonthSummary } from '../../../core/city/districtMonthSummary';
import type { ManagerEvaluation } from '../../../core/measures/monthEvaluation';
import type { Store } from '../../db/openStore';
import { listDistricts } from '../../repositories/districtRepository';
import { readMonthSnapshot } from '../evaluation/monthSnapshot';

/** One district's month beside the others': its figures and, for its sheet, its managers. */
export interface CityDistrictMonth {
  summary: DistrictMonthSummary;
  /** The scheme the month was evaluated with (null: not evaluated). */
  scheme: { name: string; version: number } | null;
  managers: ManagerEvaluation[];
}

/** The city's month (市公司汇总): every district, ranked by mean total. */
export interface CityMonth {
  month: string;
  /** The grade labels in the order of the schemes' bands (highest first), every district's labels included. */
  gradeLabels: string[];
  /** Ranked as rankDistricts does: the highest mean total first, the unevaluated last. */
  districts: CityDistrictMonth[];
}

/**
 * Reads each district's stored month (evaluated or not; nothing is evaluated or written here:
 * a city reviewer's look changes no district's data) and compares them: managers per grade,
 * flags by type, the eight dimensions' means, ranked by mean total.
 */
export async function cityMonth(store: Store, month: string): Promise<CityMonth> {
  const districts = await listDistricts(store.db);
  const read = [];
  const gradeLabels: string[] = [];
  for (const d of districts) {
    const snapshot = await readMonthSnapshot(store.db, month, d.id);
    for (const band of snapshot?.scheme.grades ?? []) if (!gradeLabels.includes(band.label)) gradeLabels.push(band.label);
    read.push({ district: d, snapshot });
  }
  const summaries = read.map(({ district, snapshot }) =>
    summariseDistrictMonth(district.name, snapshot?.evaluation ?? null, gradeLabels, {
      status: snapshot ? snapshot.status : 'not_evaluated',
      stale: (snapshot?.stale.length ?? 0) > 0,
    }),
  );
  const byName = new Map(read.map((r) => [r.district.name, r.snapshot] as const));
  return {
    month,
    gradeLabels,
    districts: rankDistricts(summaries).map((summary) => {
      const snapshot = byName.get(summary.district);
      return {
        summary,
        scheme: snapshot ? { name: snapshot.scheme.name, version: snapshot.scheme.version } : null,
        managers: snapshot ? [...snapshot.evaluation.managers].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || (a.code < b.code ? -1 : 1)) : [],
      };
    }),
  };
}
