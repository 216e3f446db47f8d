import { describe, expect, it } from 'vitest';
import type { BrandRow, EvaluationInput, OrderTotalRow } from '../../../../src/core/measures/evaluationInput';
import { evaluateMonth } from '../../../../src/core/measures/evaluateMonth';
import { measureFulfilment } from '../../../../src/core/measures/measureFulfilment';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import { CompensatedSum, sumOrderTotals } from '../../../../src/core/measures/sumOrderTotals';
import { DEFAULT_SCHEME } from '../../../../src/core/scoring/defaultScheme';
import { syntheticMonth } from './syntheticMonth';
import { emptyInput, retailer, THRESHOLDS } from './testInput';

/** The per-brand metrics as core/measures summed them before the compact form: row by row, per manager. */
function rowByRow(input: EvaluationInput, managerCode: string, month: string) {
  const brandByCode = new Map(input.brands.map((b): [string, BrandRow] => [b.code, b]));
  const mine = new Set(input.assignments.filter((a) => a.managerCode === managerCode).map((a) => a.retailerId));
  const sum = { volume: 0, key: 0, margin: 0, retail: 0 };
  for (const row of input.orderTotals ?? []) {
    if (row.month !== month || !mine.has(row.retailerId)) continue;
    sum.volume += row.quantity;
    if (brandByCode.get(row.brandCode)?.keyBrand) sum.key += row.quantity;
    if (row.retailValue !== null && row.wholesaleValue !== null) {
      sum.margin += row.retailValue - row.wholesaleValue;
      sum.retail += row.retailValue;
    }
  }
  return sum;
}

describe('sumOrderTotals', () => {
  it('sums as SQLite sum() does (compensated), not naively', () => {
    const sum = new CompensatedSum();
    for (const x of [1e16, 1, -1e16]) sum.add(x);
    expect(sum.value()).toBe(1);
    const tenths = new CompensatedSum();
    for (let i = 0; i < 10; i++) tenths.add(0.1);
    expect(tenths.value()).toBe(1);
  });

  it('gives the metrics the per-brand rows gave, on a synthetic month with fractional prices', () => {
    const base = syntheticMonth({ managers: 6, retailers: 600, punches: 0, journals: 0 });
    const orderTotals: OrderTotalRow[] = (base.orderTotals ?? []).map((row) => ({ ...row, wholesaleValue: row.quantity * 165.4 }));
    const input: EvaluationInput = { ...base, orderTotals };
    const compact: EvaluationInput = { ...base, orderTotals: undefined, retailerOrders: sumOrderTotals(orderTotals, base.brands, base.agreements, base.month) };
    expect(compact.retailerOrders?.length).toBe(3 * 600);
    const fromRows = evaluateMonth(input, DEFAULT_SCHEME);
    const fromCompact = evaluateMonth(compact, DEFAULT_SCHEME);
    expect(fromCompact).toEqual(fromRows);
    for (const manager of fromCompact.managers) {
      const reference = rowByRow(input, manager.code, base.month);
      const sales = manager.dimensions.sales.metrics;
      expect(sales.volume).toBe(reference.volume);
      expect(sales.key_brand_share).toBe(reference.key / reference.volume);
      expect(sales.margin_rate).toBeCloseTo(reference.margin / reference.retail, 12);
    }
  });

  it('keeps single brands only where an agreement of the month names them, for 履约率', () => {
    const order = (retailerId: number, brandCode: string, quantity: number, month = '2026-10') => ({
      retailerId, brandCode, month, quantity, retailValue: null, wholesaleValue: null,
    });
    const rows = [order(1, 'P', 70), order(1, 'N', 50), order(2, 'P', 40), order(1, 'P', 9, '2026-09')];
    const agreements = [
      { id: 1, month: '2026-10', retailerId: 1, agreed: 60, brandCode: 'N' },
      { id: 2, month: '2026-10', retailerId: 2, agreed: 60, brandCode: null },
      { id: 3, month: '2026-09', retailerId: 1, agreed: 60, brandCode: 'P' },
    ];
    const sums = sumOrderTotals(rows, [], agreements, '2026-10');
    expect(sums.map((s) => [s.month, s.retailerId, s.quantity, s.brandQuantities])).toEqual([
      ['2026-09', 1, 9, undefined],
      ['2026-10', 1, 120, { N: 50 }],
      ['2026-10', 2, 40, undefined],
    ]);
    const assignments = [1, 2].map((retailerId) => ({ retailerId, managerCode: 'M1', route: null, from: '2026-01-01', to: null }));
    const input = emptyInput({ retailers: [retailer(1), retailer(2)], assignments, agreements, retailerOrders: sums });
    // min(50, 60) + min(40, 60) over 120 agreed.
    expect(measureFulfilment(buildMonthContext(input, THRESHOLDS), 'M1').metrics.fulfilment_rate).toBe(90 / 120);
  });
});
