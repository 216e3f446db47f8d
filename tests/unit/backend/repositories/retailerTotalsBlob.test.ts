import { describe, expect, it } from 'vitest';
import { packRetailerTotals, unpackRetailerTotals } from '../../../../src/backend/repositories/retailerTotalsBlob';

describe('retailer totals blob', () => {
  it('gives back every sum to the last bit', () => {
    const rows = [
      { retailerId: 1, quantity: 0.1 + 0.2, keyBrandQuantity: 0, newBrandQuantity: -0, orderedNewBrand: false, marginValue: 1 / 3, marginRetailValue: 1e300 },
      { retailerId: 2 ** 40, quantity: -5, keyBrandQuantity: 7.25, newBrandQuantity: 3, orderedNewBrand: true, marginValue: -0.1, marginRetailValue: 0 },
    ];
    const unpacked = unpackRetailerTotals(packRetailerTotals(rows), '2026-10');
    expect(unpacked).toStrictEqual(rows.map(({ retailerId, ...r }) => ({ retailerId, month: '2026-10', ...r })));
    expect(Object.is(unpacked[0]!.newBrandQuantity, -0)).toBe(true);
    expect(unpackRetailerTotals(packRetailerTotals([]), '2026-10')).toEqual([]);
  });

  it('reads a blob that does not start on an 8-byte boundary', () => {
    const packed = packRetailerTotals([{ retailerId: 9, quantity: 1.5, keyBrandQuantity: 0, newBrandQuantity: 0, orderedNewBrand: true, marginValue: 2, marginRetailValue: 3 }]);
    const shifted = new Uint8Array(packed.byteLength + 3).subarray(3);
    shifted.set(packed);
    expect(unpackRetailerTotals(shifted, '2026-09')[0]).toMatchObject({ retailerId: 9, quantity: 1.5, orderedNewBrand: true });
  });

  it('refuses a blob of no whole number of rows', () => {
    expect(() => unpackRetailerTotals(new Uint8Array(12), '2026-10')).toThrow();
  });
});
