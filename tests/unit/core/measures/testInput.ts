import type { SchemeThresholds } from '../../../../src/core/scoring/scheme';
import type { EvaluationInput, PunchRow, RetailerRow } from '../../../../src/core/measures/evaluationInput';

/** The measures.md defaults, spelled out here so the tests do not depend on the scoring module. */
export const THRESHOLDS: SchemeThresholds = {
  nearCopyJaccard: 0.8,
  minEntryChars: 20,
  boilerplateManagers: 3,
  concentrationTop3Share: 0.3,
  maxTravelKmh: 80,
  offHoursBefore: 7,
  offHoursAfter: 21,
  visitsPerMonthByTier: [
    { minTier: 21, maxTier: 30, visits: 4 },
    { minTier: 11, maxTier: 20, visits: 2 },
    { minTier: 1, maxTier: 10, visits: 1 },
  ],
  reportDueDay: 5,
  lowSatisfaction: 60,
  linkRadiusMeters: 150,
  reportWindowDays: 30,
  keyBrandShareTarget: 0.5,
};

export function emptyInput(overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    month: '2026-10',
    workdays: [],
    managers: [],
    retailers: [],
    assignments: [],
    brands: [],
    orderTotals: [],
    punches: [],
    absences: [],
    journals: [],
    reports: [],
    surveys: [],
    inspections: [],
    spotchecks: [],
    agreements: [],
    ...overrides,
  };
}

export function retailer(id: number, overrides: Partial<RetailerRow> = {}): RetailerRow {
  return {
    id,
    licence: String(370100000000 + id),
    name: `零售户${id}`,
    tier: null,
    route: null,
    longitude: null,
    latitude: null,
    status: '正常',
    ...overrides,
  };
}

let nextPunchId = 1000;

/** A punch at 'MM-DD HH:mm[:ss]' of October 2026. */
export function punch(managerCode: string, when: string, overrides: Partial<PunchRow> = {}): PunchRow {
  const [day = '', time = ''] = when.split(' ');
  const date = `2026-${day}`;
  return {
    id: nextPunchId++,
    managerCode,
    at: `${date}T${time.length === 5 ? `${time}:00` : time}`,
    date,
    retailerId: null,
    longitude: null,
    latitude: null,
    mockLocation: false,
    anomaly: null,
    kind: null,
    ...overrides,
  };
}
