import type { RetailerMonthOrders } from './evaluationInput';
import { ratio } from './numberStats';

export interface OrderAggregate {
  /** 条 */
  volume: number;
  keyBrandVolume: number;
  newBrandVolume: number;
  /** Σ (retail − wholesale) and Σ retail over brands that carry both values. */
  marginValue: number;
  retailValue: number;
}

/** Sums one month's retailer totals over the given retailers (all retailers in the month when `retailerIds` is omitted). */
export function aggregateOrders(
  byRetailer: ReadonlyMap<number, RetailerMonthOrders> | undefined,
  retailerIds?: readonly number[],
): OrderAggregate {
  const sum: OrderAggregate = { volume: 0, keyBrandVolume: 0, newBrandVolume: 0, marginValue: 0, retailValue: 0 };
  if (!byRetailer) return sum;
  if (retailerIds) {
    for (const id of retailerIds) {
      const totals = byRetailer.get(id);
      if (totals) addTotals(sum, totals);
    }
  } else for (const totals of byRetailer.values()) addTotals(sum, totals);
  return sum;
}

function addTotals(sum: OrderAggregate, totals: RetailerMonthOrders): void {
  sum.volume += totals.quantity;
  sum.keyBrandVolume += totals.keyBrandQuantity;
  sum.newBrandVolume += totals.newBrandQuantity;
  sum.marginValue += totals.marginValue;
  sum.retailValue += totals.marginRetailValue;
}

/** Whether the retailer ordered a positive quantity of some new brand (新品). */
export function ordersNewBrand(totals: RetailerMonthOrders | undefined): boolean {
  return totals?.orderedNewBrand === true;
}

export function marginRate(sum: OrderAggregate): number | null {
  return ratio(sum.marginValue, sum.retailValue);
}

/** this / before − 1, or null when there is nothing to compare with. */
export function growth(current: number, before: number): number | null {
  return before === 0 ? null : current / before - 1;
}
