import { describe, expect, it } from 'vitest';
import { measureBrand } from '../../../../src/core/measures/measureBrand';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import { emptyInput, retailer, THRESHOLDS } from './testInput';

const brands = [
  { code: 'N', name: '新品', keyBrand: false, newBrand: true },
  { code: 'P', name: '普通', keyBrand: false, newBrand: false },
];
const assigned = (retailerId: number) => ({ retailerId, managerCode: 'M1', route: null, from: '2026-01-01', to: null });
const row = (retailerId: number, brandCode: string, month: string, quantity: number) => ({
  retailerId,
  brandCode,
  month,
  quantity,
  retailValue: null,
  wholesaleValue: null,
});

describe('measureBrand', () => {
  const input = emptyInput({
    brands,
    retailers: [retailer(1), retailer(2), retailer(3, { status: '注销' })],
    assignments: [assigned(1), assigned(2), assigned(3)],
    orderTotals: [row(1, 'P', '2026-10', 50), row(2, 'N', '2026-10', 100), row(2, 'N', '2026-09', 80), row(1, 'N', '2026-09', 0)],
  });

  it('measures reach among active retailers and growth on last month', () => {
    const brand = measureBrand(buildMonthContext(input, THRESHOLDS), 'M1');
    expect(brand.hasData).toBe(true);
    // Retailer 2 of the two active ones ordered a new brand; the closed retailer 3 is not counted.
    expect(brand.metrics.new_brand_reach).toBe(0.5);
    expect(brand.metrics.new_brand_growth).toBeCloseTo(100 / 80 - 1, 10);
  });

  it('has no growth when no new brand was ordered last month', () => {
    const noHistory = { ...input, orderTotals: (input.orderTotals ?? []).filter((r) => r.month === '2026-10') };
    expect(measureBrand(buildMonthContext(noHistory, THRESHOLDS), 'M1').metrics.new_brand_growth).toBeNull();
  });

  it('has no data when no brand is marked new', () => {
    const noNew = { ...input, brands: brands.map((b) => ({ ...b, newBrand: false })) };
    expect(measureBrand(buildMonthContext(noNew, THRESHOLDS), 'M1').hasData).toBe(false);
  });
});
