import type { BrandRow, OrderTotalRow } from './evaluationInput';
import { ratio } from './numberStats';

export interface OrderAggregate {
  /** 条 */
  volume: number;
  keyBrandVolume: number;
  newBrandVolume: number;
  /** Σ (retail − wholesale) and Σ retail over rows that carry both values. */
  marginValue: number;
  retailValue: number;
}

/** Sums one month's totals over the given retailers (all retailers in the month when `retailerIds` is omitted). */
export function aggregateOrders(
  byRetailer: ReadonlyMap<number, readonly OrderTotalRow[]> | undefined,
  brandByCode: ReadonlyMap<string, BrandRow>,
  retailerIds?: readonly number[],
): OrderAggregate {
  const sum: OrderAggregate = { volume: 0, keyBrandVolume: 0, newBrandVolume: 0, marginValue: 0, retailValue: 0 };
  if (!byRetailer) return sum;
  const addRows = (rows: readonly OrderTotalRow[] | undefined): void => {
    for (const row of rows ?? []) addRow(sum, row, brandByCode.get(row.brandCode));
  };
  if (retailerIds) for (const id of retailerIds) addRows(byRetailer.get(id));
  else for (const rows of byRetailer.values()) addRows(rows);
  return sum;
}

function addRow(sum: OrderAggregate, row: OrderTotalRow, brand: BrandRow | undefined): void {
  sum.volume += row.quantity;
  if (brand?.keyBrand) sum.keyBrandVolume += row.quantity;
  if (brand?.newBrand) sum.newBrandVolume += row.quantity;
  if (row.retailValue !== null && row.wholesaleValue !== null) {
    sum.marginValue += row.retailValue - row.wholesaleValue;
    sum.retailValue += row.retailValue;
  }
}

/** Whether any of the rows is a positive order of a new brand (新品). */
export function ordersNewBrand(rows: readonly OrderTotalRow[] | undefined, brandByCode: ReadonlyMap<string, BrandRow>): boolean {
  return (rows ?? []).some((row) => row.quantity > 0 && brandByCode.get(row.brandCode)?.newBrand === true);
}

export function marginRate(sum: OrderAggregate): number | null {
  return ratio(sum.marginValue, sum.retailValue);
}

/** this / before − 1, or null when there is nothing to compare with. */
export function growth(current: number, before: number): number | null {
  return before === 0 ? null : current / before - 1;
}
