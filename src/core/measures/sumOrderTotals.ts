import type { AgreementRow, BrandRow, OrderTotalRow, RetailerMonthOrders } from './evaluationInput';

/**
 * A sum as SQLite's sum() forms it over REAL values (Kahan–Babuška–Neumaier, SQLite 3.43 and
 * later), so that totals summed here equal those the backend sums in SQL to the last bit.
 */
export class CompensatedSum {
  private sum = 0;
  private err = 0;

  add(r: number): void {
    const s = this.sum;
    const t = s + r;
    if (Math.abs(s) > Math.abs(r)) this.err += s - t + r;
    else this.err += r - t + s;
    this.sum = t;
  }

  value(): number {
    return Number.isFinite(this.err) ? this.sum + this.err : this.sum;
  }
}

/** Code-unit order: SQLite's BINARY order for the brand codes that occur (no astral characters). */
function byBrandCode(a: OrderTotalRow, b: OrderTotalRow): number {
  return a.brandCode < b.brandCode ? -1 : a.brandCode > b.brandCode ? 1 : 0;
}

/**
 * Sums per-brand order totals into one record per retailer × month (by month, then retailer id),
 * the brands of a retailer taken in code order, as the backend's SQL does. `brandQuantities` is
 * kept for the brands that an agreement of `month` names for the retailer.
 */
export function sumOrderTotals(
  rows: readonly OrderTotalRow[],
  brands: readonly BrandRow[],
  agreements: readonly AgreementRow[],
  month: string,
): RetailerMonthOrders[] {
  const brandByCode = new Map(brands.map((b) => [b.code, b] as const));
  const agreedBrands = new Map<number, Set<string>>();
  for (const a of agreements) {
    // An empty code names no brand (imports store an empty cell as null).
    if (a.month !== month || a.brandCode === null || a.brandCode === '') continue;
    const set = agreedBrands.get(a.retailerId) ?? new Set<string>();
    set.add(a.brandCode);
    agreedBrands.set(a.retailerId, set);
  }
  const groups = new Map<string, OrderTotalRow[]>();
  for (const row of rows) {
    const key = `${row.month}|${row.retailerId}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const out: RetailerMonthOrders[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    if (!first) continue;
    group.sort(byBrandCode);
    const quantity = new CompensatedSum();
    const key = new CompensatedSum();
    const fresh = new CompensatedSum();
    const margin = new CompensatedSum();
    const retail = new CompensatedSum();
    let orderedNewBrand = false;
    let brandQuantities: Record<string, number> | undefined;
    const named = first.month === month ? agreedBrands.get(first.retailerId) : undefined;
    for (const row of group) {
      const brand = brandByCode.get(row.brandCode);
      quantity.add(row.quantity);
      if (brand?.keyBrand) key.add(row.quantity);
      if (brand?.newBrand) {
        fresh.add(row.quantity);
        if (row.quantity > 0) orderedNewBrand = true;
      }
      if (row.retailValue !== null && row.wholesaleValue !== null) {
        margin.add(row.retailValue - row.wholesaleValue);
        retail.add(row.retailValue);
      }
      if (named?.has(row.brandCode)) {
        brandQuantities ??= {};
        brandQuantities[row.brandCode] = (brandQuantities[row.brandCode] ?? 0) + row.quantity;
      }
    }
    out.push({
      retailerId: first.retailerId,
      month: first.month,
      quantity: quantity.value(),
      keyBrandQuantity: key.value(),
      newBrandQuantity: fresh.value(),
      orderedNewBrand,
      marginValue: margin.value(),
      marginRetailValue: retail.value(),
      ...(brandQuantities ? { brandQuantities } : {}),
    });
  }
  return out.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.retailerId - b.retailerId));
}
