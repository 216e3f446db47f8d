import { aggregateOrders, growth, marginRate } from './aggregateOrders';
import type { DimensionMeasures } from './dimensionMeasures';
import type { MonthContext } from './monthContext';
import { ratio } from './numberStats';

/**
 * 硬性指标: volume, its change against the same month last year, key-brand share and the
 * retailers' gross margin against the whole district's. Retailers count for the manager
 * assigned on most days of the month, for both years, so that a reassignment moves the
 * retailer's history along with it.
 */
export function measureSales(ctx: MonthContext, managerCode: string, districtMarginRate: number | null): DimensionMeasures {
  const retailerIds = ctx.assignments.retailersOf(managerCode);
  const month = aggregateOrders(ctx.orders.get(ctx.month), retailerIds);
  const lastYear = aggregateOrders(ctx.orders.get(ctx.lastYearMonth), retailerIds);
  const margin = marginRate(month);
  return {
    hasData: ctx.has.orders && retailerIds.length > 0,
    metrics: {
      volume: month.volume,
      volume_yoy: ctx.has.lastYearOrders ? growth(month.volume, lastYear.volume) : null,
      key_brand_share: ratio(month.keyBrandVolume, month.volume),
      margin_rate: margin,
      margin_vs_market: margin === null || districtMarginRate === null ? null : margin - districtMarginRate,
    },
    flags: [],
  };
}
