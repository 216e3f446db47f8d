import { describe, expect, it } from 'vitest';
import type { SpotcheckRow } from '../../../../src/core/measures/evaluationInput';
import { measureKnowledge } from '../../../../src/core/measures/measureKnowledge';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import { parseTierBand } from '../../../../src/core/measures/parseTierBand';
import { routeVolumes } from '../../../../src/core/measures/routeVolumes';
import { emptyInput, retailer, THRESHOLDS } from './testInput';

const retailers = [
  retailer(1, { tier: 25 }),
  retailer(2, { tier: 15 }),
  retailer(3, { tier: 5, route: 'L9' }),
  retailer(4, { tier: 22, status: '注销' }),
  retailer(5, { tier: 28 }),
];
const assignments = [
  { retailerId: 1, managerCode: 'M1', route: 'L1', from: '2026-01-01', to: null },
  { retailerId: 2, managerCode: 'M1', route: 'L1', from: '2026-01-01', to: null },
  { retailerId: 3, managerCode: 'M1', route: null, from: '2026-01-01', to: null },
  { retailerId: 4, managerCode: 'M1', route: 'L1', from: '2026-01-01', to: null },
  // Retailer 5 joins M1's area after the check on 10-10.
  { retailerId: 5, managerCode: 'M1', route: 'L2', from: '2026-10-20', to: null },
];
const orderTotals = [1, 2, 3].map((retailerId) => ({
  retailerId,
  brandCode: 'P',
  month: '2026-10',
  quantity: retailerId * 100,
  retailValue: null,
  wholesaleValue: null,
}));
let nextId = 1;
const check = (item: SpotcheckRow['item'], subject: string | null, answer: number): SpotcheckRow => ({
  id: nextId++,
  date: '2026-10-10',
  managerCode: 'M1',
  item,
  subject,
  answer,
});

function measure(spotchecks: SpotcheckRow[]) {
  const ctx = buildMonthContext(emptyInput({ retailers, assignments, orderTotals, spotchecks }), THRESHOLDS);
  return measureKnowledge(ctx, 'M1', () => routeVolumes(ctx));
}

describe('measureKnowledge', () => {
  it('scores answers against the truth computed from the data', () => {
    const result = measure([
      // Active retailers in the area on 10-10: 1, 2, 3 → 3; answer 4 → 1 − 1/3.
      check('retailer_count', null, 4),
      // Tier 21–30 on 10-10: retailer 1 only (4 is closed, 5 not yet assigned) → exact.
      check('tier_count', '21-30', 1),
      // Route L1 (the assignment's route): 100 + 200 条 → 300; answer 150 → 0.5.
      check('route_volume', 'L1', 150),
    ]);
    expect(result.hasData).toBe(true);
    expect(result.metrics.knowledge_score).toBeCloseTo((100 * (2 / 3 + 1 + 0.5)) / 3, 10);
  });

  it('falls back to the retailer\'s own route and reads a single tier', () => {
    // Route L9 is retailer 3's: 300 条. Tier 5: retailer 3.
    const result = measure([check('route_volume', 'L9', 300), check('tier_count', '5档', 2)]);
    // 1 and max(0, 1 − 1/1) = 0.
    expect(result.metrics.knowledge_score).toBeCloseTo(50, 10);
  });

  it('does not score a question about an unknown route', () => {
    const result = measure([check('route_volume', 'L404', 10), check('retailer_count', null, 3)]);
    expect(result.metrics.knowledge_score).toBe(100);
  });

  it('has no data without spot checks', () => {
    const result = measure([]);
    expect(result.hasData).toBe(false);
    expect(result.metrics.knowledge_score).toBeNull();
  });
});

describe('parseTierBand', () => {
  it('reads bands and single tiers in the ways supervisors write them', () => {
    expect(parseTierBand('21-30')).toEqual([21, 30]);
    expect(parseTierBand('21～30档')).toEqual([21, 30]);
    expect(parseTierBand('25')).toEqual([25, 25]);
    expect(parseTierBand('第２５档')).toEqual([25, 25]);
    expect(parseTierBand('高档')).toBeNull();
    expect(parseTierBand(null)).toBeNull();
  });
});
