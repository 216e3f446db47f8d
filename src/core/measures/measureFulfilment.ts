import type { RetailerMonthOrders } from './evaluationInput';
import type { DimensionMeasures } from './dimensionMeasures';
import type { MonthContext } from './monthContext';
import { ratio } from './numberStats';

/**
 * 履约率 = Σ min(ordered, agreed) / Σ agreed over the manager's retailers with an agreement
 * in the month. An agreement naming a brand is held against that brand's orders only; one
 * without a brand against the retailer's whole month. Ordering more than agreed counts as
 * exactly fulfilled, so one retailer's surplus cannot hide another's shortfall.
 */
export function measureFulfilment(ctx: MonthContext, managerCode: string): DimensionMeasures {
  const monthOrders = ctx.orders.get(ctx.month);
  let fulfilled = 0;
  let agreedTotal = 0;
  for (const retailerId of ctx.assignments.retailersOf(managerCode)) {
    const agreedByScope = new Map<string | null, number>();
    for (const agreement of ctx.agreementsByRetailer.get(retailerId) ?? []) {
      if (agreement.agreed <= 0) continue;
      agreedByScope.set(agreement.brandCode, (agreedByScope.get(agreement.brandCode) ?? 0) + agreement.agreed);
    }
    const totals = monthOrders?.get(retailerId);
    for (const [brandCode, agreed] of agreedByScope) {
      const ordered = brandCode === null ? (totals?.quantity ?? 0) : brandQuantity(totals, brandCode);
      fulfilled += Math.min(ordered, agreed);
      agreedTotal += agreed;
    }
  }
  const rate = ratio(fulfilled, agreedTotal);
  return { hasData: rate !== null, metrics: { fulfilment_rate: rate }, flags: [] };
}

function brandQuantity(totals: RetailerMonthOrders | undefined, brandCode: string): number {
  const quantities = totals?.brandQuantities;
  return quantities && Object.hasOwn(quantities, brandCode) ? (quantities[brandCode] ?? 0) : 0;
}
