import { describe, expect, it } from 'vitest';
import { measureSales } from '../../../../src/core/measures/measureSales';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import type { OrderTotalRow } from '../../../../src/core/measures/evaluationInput';
import { emptyInput, retailer, THRESHOLDS } from './testInput';

const order = (retailerId: number, brandCode: string, month: string, quantity: number, retailValue: number | null, wholesaleValue: number | null): OrderTotalRow => ({
  retailerId,
  brandCode,
  month,
  quantity,
  retailValue,
  wholesaleValue,
});

const base = {
  retailers: [retailer(1), retailer(2), retailer(3)],
  assignments: [
    { retailerId: 1, managerCode: 'M1', route: 'L1', from: '2026-01-01', to: null },
    { retailerId: 2, managerCode: 'M1', route: 'L1', from: '2026-01-01', to: null },
    { retailerId: 3, managerCode: 'M2', route: 'L2', from: '2026-01-01', to: null },
  ],
  brands: [
    { code: 'K', name: '重点', keyBrand: true, newBrand: false },
    { code: 'N', name: '新品', keyBrand: false, newBrand: true },
    { code: 'P', name: '普通', keyBrand: false, newBrand: false },
  ],
};
const october = [
  order(1, 'K', '2026-10', 60, 6000, 5000),
  order(1, 'P', '2026-10', 40, 2000, 1800),
  order(2, 'N', '2026-10', 100, 5000, 4000),
  order(3, 'P', '2026-10', 50, 1000, 900),
];
const lastOctober = [order(1, 'P', '2025-10', 100, 2000, 1800), order(2, 'P', '2025-10', 60, 1200, 1080)];

describe('measureSales', () => {
  it('sums volume, year-on-year change, key-brand share and margin against the district', () => {
    const ctx = buildMonthContext(emptyInput({ ...base, orderTotals: [...october, ...lastOctober] }), THRESHOLDS);
    const districtMargin = (2200 + 100) / (13000 + 1000);
    const sales = measureSales(ctx, 'M1', districtMargin);
    expect(sales.hasData).toBe(true);
    expect(sales.metrics.volume).toBe(200);
    // 200 this October against 100 + 60 last October.
    expect(sales.metrics.volume_yoy).toBeCloseTo(0.25, 10);
    expect(sales.metrics.key_brand_share).toBeCloseTo(0.3, 10);
    // (1000 + 200 + 1000) / (6000 + 2000 + 5000)
    expect(sales.metrics.margin_rate).toBeCloseTo(2200 / 13000, 10);
    expect(sales.metrics.margin_vs_market).toBeCloseTo(2200 / 13000 - 2300 / 14000, 10);
  });

  it('has no year-on-year value without last year, while the other metrics stay', () => {
    const ctx = buildMonthContext(emptyInput({ ...base, orderTotals: october }), THRESHOLDS);
    const sales = measureSales(ctx, 'M1', null);
    expect(sales.metrics.volume_yoy).toBeNull();
    expect(sales.metrics.margin_vs_market).toBeNull();
    expect(sales.metrics.volume).toBe(200);
  });

  it('has no year-on-year value for a manager whose retailers ordered nothing last year', () => {
    const ctx = buildMonthContext(emptyInput({ ...base, orderTotals: [...october, ...lastOctober] }), THRESHOLDS);
    expect(measureSales(ctx, 'M2', null).metrics.volume_yoy).toBeNull();
  });

  it('leaves rows without prices out of the margin but not out of the volume', () => {
    const orderTotals = [order(1, 'P', '2026-10', 10, 1000, 900), order(2, 'P', '2026-10', 30, null, 2000)];
    const ctx = buildMonthContext(emptyInput({ ...base, orderTotals }), THRESHOLDS);
    const sales = measureSales(ctx, 'M1', 0.1);
    expect(sales.metrics.volume).toBe(40);
    expect(sales.metrics.margin_rate).toBeCloseTo(0.1, 10);
    expect(sales.metrics.margin_vs_market).toBeCloseTo(0, 10);
  });

  it('has no data when the month has no orders', () => {
    const ctx = buildMonthContext(emptyInput({ ...base, orderTotals: lastOctober }), THRESHOLDS);
    const sales = measureSales(ctx, 'M1', null);
    expect(sales.hasData).toBe(false);
    expect(sales.metrics.key_brand_share).toBeNull();
  });

  it('counts a retailer reassigned mid-month for the manager who held it on more days', () => {
    const assignments = [
      { retailerId: 1, managerCode: 'M1', route: 'L1', from: '2026-01-01', to: '2026-10-15' },
      { retailerId: 1, managerCode: 'M2', route: 'L2', from: '2026-10-16', to: null },
    ];
    const ctx = buildMonthContext(emptyInput({ ...base, assignments, orderTotals: october }), THRESHOLDS);
    // M1 held retailer 1 for 15 days, M2 for 16: its 100 条 go to M2.
    expect(measureSales(ctx, 'M2', null).metrics.volume).toBe(100);
    expect(measureSales(ctx, 'M1', null).hasData).toBe(false);
  });
});
