import { aggregateOrders, growth, ordersNewBrand } from './aggregateOrders';
import type { DimensionMeasures } from './dimensionMeasures';
import { isActiveRetailer } from './isActiveRetailer';
import type { MonthContext } from './monthContext';
import { ratio } from './numberStats';

/**
 * 品牌销量: how widely new brands (新品) are placed among the manager's active retailers,
 * and whether their volume grows on last month (same retailer set in both months).
 * No data when the month has no orders, the brand list marks no brand as new (launched by the
 * month's end), or no retailer of the district ordered a new brand in the month: then nobody
 * could have placed one, and scoring everyone against a district value of 0 would give all 100.
 */
export function measureBrand(ctx: MonthContext, managerCode: string): DimensionMeasures {
  const retailerIds = ctx.assignments.retailersOf(managerCode);
  const activeIds = retailerIds.filter((id) => {
    const retailer = ctx.retailerById.get(id);
    return retailer !== undefined && isActiveRetailer(retailer);
  });
  const monthOrders = ctx.orders.get(ctx.month);
  const reached = activeIds.filter((id) => ordersNewBrand(monthOrders?.get(id))).length;
  const month = aggregateOrders(monthOrders, retailerIds);
  const previous = aggregateOrders(ctx.orders.get(ctx.previousMonth), retailerIds);
  const anyNewBrand = ctx.input.brands.some((brand) => brand.newBrand);
  const anyPlaced = monthOrders !== undefined && [...monthOrders.values()].some((orders) => ordersNewBrand(orders));
  return {
    hasData: ctx.has.orders && anyNewBrand && anyPlaced && activeIds.length > 0,
    metrics: {
      new_brand_reach: ratio(reached, activeIds.length),
      new_brand_growth: growth(month.newBrandVolume, previous.newBrandVolume),
    },
    flags: [],
  };
}
