import { aggregateOrders, growth, marginRate, ordersNewBrand } from './aggregateOrders';
import type { DimensionMeasures } from './dimensionMeasures';
import { DIMENSION_KEYS, METRICS_BY_DIMENSION, type DimensionKey, type MetricKey } from './dimensions';
import { isActiveRetailer } from './isActiveRetailer';
import type { MonthContext } from './monthContext';
import { mean, ratio } from './numberStats';

type Metrics = Partial<Record<MetricKey, number | null>>;

/**
 * The district's value of every metric, the yardstick of the 'district' scoring rule.
 * Sales and brand rates are computed over all the district's retailers, as the courseware
 * compares a manager with "the market"; the others (volume included, a district total being
 * no yardstick for one manager) are the mean over the managers whose dimension has data.
 */
export function districtMetrics(ctx: MonthContext, measured: readonly Record<DimensionKey, DimensionMeasures>[]): Metrics {
  const metrics: Metrics = {};
  for (const dimension of DIMENSION_KEYS) {
    for (const metric of METRICS_BY_DIMENSION[dimension]) {
      const values = measured
        .filter((dims) => dims[dimension].hasData)
        .map((dims) => dims[dimension].metrics[metric])
        .filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
      metrics[metric] = mean(values);
    }
  }
  return { ...metrics, ...districtOrderMetrics(ctx) };
}

function districtOrderMetrics(ctx: MonthContext): Metrics {
  if (!ctx.has.orders) return {};
  const monthOrders = ctx.orders.get(ctx.month);
  const month = aggregateOrders(monthOrders);
  const lastYear = aggregateOrders(ctx.orders.get(ctx.lastYearMonth));
  const previous = aggregateOrders(ctx.orders.get(ctx.previousMonth));
  const margin = marginRate(month);
  // Reach is judged over the retailers some manager serves this month, the managers' own population.
  const served = ctx.input.retailers.filter((retailer) => isActiveRetailer(retailer) && ctx.assignments.monthAssignment(retailer.id));
  const reached = served.filter((retailer) => ordersNewBrand(monthOrders?.get(retailer.id)));
  return {
    volume_yoy: ctx.has.lastYearOrders ? growth(month.volume, lastYear.volume) : null,
    key_brand_share: ratio(month.keyBrandVolume, month.volume),
    margin_rate: margin,
    margin_vs_market: margin === null ? null : 0,
    new_brand_reach: ratio(reached.length, served.length),
    new_brand_growth: growth(month.newBrandVolume, previous.newBrandVolume),
  };
}
