import type { DemoBrand } from './brandCatalogue';
import type { DemoRetailer } from './districtModel';

/**
 * Monthly totals kept while the order lines stream to disk, so that the monthly reports,
 * agreements and spot-check answers can quote the district's real figures.
 */
export class SalesLedger {
  private readonly monthIndex: Map<string, number>;
  private readonly volume: Float64Array;
  private readonly keyVolume: Float64Array;
  /** Bit i set: the retailer ordered new brand i that month. */
  private readonly newBrandMask: Uint16Array;

  constructor(
    readonly months: readonly string[],
    retailerCount: number,
    private readonly newBrands: readonly DemoBrand[],
  ) {
    this.monthIndex = new Map(months.map((m, i) => [m, i]));
    this.volume = new Float64Array(retailerCount * months.length);
    this.keyVolume = new Float64Array(retailerCount * months.length);
    this.newBrandMask = new Uint16Array(retailerCount * months.length);
  }

  add(retailer: DemoRetailer, date: string, brand: DemoBrand, quantity: number): void {
    const slot = this.slot(retailer.index, date.slice(0, 7));
    if (slot === null) return;
    this.volume[slot] = (this.volume[slot] ?? 0) + quantity;
    if (brand.keyBrand) this.keyVolume[slot] = (this.keyVolume[slot] ?? 0) + quantity;
    const newIndex = this.newBrands.indexOf(brand);
    if (newIndex >= 0) this.newBrandMask[slot] = (this.newBrandMask[slot] ?? 0) | (1 << newIndex);
  }

  retailerVolume(retailer: DemoRetailer, month: string): number {
    const slot = this.slot(retailer.index, month);
    return slot === null ? 0 : (this.volume[slot] ?? 0);
  }

  summarise(retailers: readonly DemoRetailer[], month: string): MonthSummary {
    let volume = 0;
    let keyVolume = 0;
    const newBrandReach = this.newBrands.map(() => 0);
    for (const r of retailers) {
      const slot = this.slot(r.index, month);
      if (slot === null) continue;
      volume += this.volume[slot] ?? 0;
      keyVolume += this.keyVolume[slot] ?? 0;
      const mask = this.newBrandMask[slot] ?? 0;
      this.newBrands.forEach((_, i) => {
        if (mask & (1 << i)) newBrandReach[i] = (newBrandReach[i] ?? 0) + 1;
      });
    }
    return { month, volume, keyVolume, newBrandReach: this.newBrands.map((brand, i) => ({ brand, retailers: newBrandReach[i] ?? 0 })) };
  }

  private slot(retailerIndex: number, month: string): number | null {
    const m = this.monthIndex.get(month);
    return m === undefined ? null : retailerIndex * this.months.length + m;
  }
}

export interface MonthSummary {
  month: string;
  volume: number;
  keyVolume: number;
  newBrandReach: { brand: DemoBrand; retailers: number }[];
}
