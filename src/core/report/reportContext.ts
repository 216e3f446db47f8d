import { DIMENSION_KEYS, type DimensionKey } from '../measures/dimensions';
import type { ManagerEvaluation } from '../measures/monthEvaluation';
import { round1 } from '../scoring/round1';
import { evidenceLookup, type EvidenceLookup } from './evidenceLines';
import type { ReportInput } from './reportInput';

/** What the parts of the report share: managers in rank order, names, evidence, district averages. */
export interface ReportContext {
  input: ReportInput;
  managers: ManagerEvaluation[];
  lookup: EvidenceLookup;
  nameOf: (code: string) => string;
  averages: Record<DimensionKey, number | null>;
  averageTotal: number | null;
  time: (iso: string) => string;
}

function byRank(a: ManagerEvaluation, b: ManagerEvaluation): number {
  return (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.code.localeCompare(b.code);
}

function mean1(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return present.length === 0 ? null : round1(present.reduce((sum, v) => sum + v, 0) / present.length);
}

export function reportContext(input: ReportInput, time: (iso: string) => string): ReportContext {
  const managers = [...input.evaluation.managers].sort(byRank);
  const names = new Map(managers.map((m) => [m.code, m.name] as const));
  const averages = Object.fromEntries(
    DIMENSION_KEYS.map((key) => [key, mean1(managers.map((m) => m.dimensions[key].score))]),
  ) as Record<DimensionKey, number | null>;
  return {
    input,
    managers,
    lookup: evidenceLookup(input.evidence),
    nameOf: (code) => names.get(code) ?? code,
    averages,
    averageTotal: mean1(managers.map((m) => m.total)),
    time,
  };
}
