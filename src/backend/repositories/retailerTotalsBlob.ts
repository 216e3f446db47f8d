import type { RetailerMonthOrders } from '../../core/measures/evaluationInput';

/** Per retailer: id, quantity, key and new brand quantities, ordered a new brand (0/1), margin value, margin retail value. */
const FIELDS = 7;
const BYTES = 8;

/**
 * Packs a month's per-retailer sums as little-endian doubles, FIELDS per retailer: one blob reads
 * back in a few milliseconds where 40,000 rows of sums took half a second as row objects.
 * Doubles keep every sum to the last bit; the fields that the sums leave NULL are 0, which is
 * what RetailerMonthOrders holds for them anyway.
 */
export function packRetailerTotals(rows: readonly Omit<RetailerMonthOrders, 'month' | 'brandQuantities'>[]): Buffer {
  const view = new DataView(new ArrayBuffer(rows.length * FIELDS * BYTES));
  rows.forEach((r, i) => {
    const at = i * FIELDS * BYTES;
    view.setFloat64(at, r.retailerId, true);
    view.setFloat64(at + BYTES, r.quantity, true);
    view.setFloat64(at + 2 * BYTES, r.keyBrandQuantity, true);
    view.setFloat64(at + 3 * BYTES, r.newBrandQuantity, true);
    view.setFloat64(at + 4 * BYTES, r.orderedNewBrand ? 1 : 0, true);
    view.setFloat64(at + 5 * BYTES, r.marginValue, true);
    view.setFloat64(at + 6 * BYTES, r.marginRetailValue, true);
  });
  return Buffer.from(view.buffer);
}

export function unpackRetailerTotals(blob: Uint8Array, month: string): RetailerMonthOrders[] {
  if (blob.byteLength % (FIELDS * BYTES) !== 0) throw new Error(`retailer totals of ${month}: ${blob.byteLength} bytes is no whole number of rows`);
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const out: RetailerMonthOrders[] = [];
  for (let at = 0; at < blob.byteLength; at += FIELDS * BYTES) {
    out.push({
      retailerId: view.getFloat64(at, true),
      month,
      quantity: view.getFloat64(at + BYTES, true),
      keyBrandQuantity: view.getFloat64(at + 2 * BYTES, true),
      newBrandQuantity: view.getFloat64(at + 3 * BYTES, true),
      orderedNewBrand: view.getFloat64(at + 4 * BYTES, true) === 1,
      marginValue: view.getFloat64(at + 5 * BYTES, true),
      marginRetailValue: view.getFloat64(at + 6 * BYTES, true),
    });
  }
  return out;
}
