import { describe, expect, it } from 'vitest';
import { KIND_SPECS } from '../../../../src/core/import/kinds';
import { parseInteger, parseNumber, parseNumberWithUnit, tiaoPerUnit } from '../../../../src/core/import/parseNumber';
import { makeValueParser } from '../../../../src/core/import/parseValue';

const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T | string =>
  result.ok ? result.value : `ERR:${result.reason}`;

function fieldOf(kind: keyof typeof KIND_SPECS, key: string) {
  const field = KIND_SPECS[kind].fields.find((f) => f.key === key);
  if (field === undefined) throw new Error(`${kind}.${key} missing`);
  return field;
}

describe('parseNumber', () => {
  it.each([
    [120, 120],
    ['3,168.00', 3168],
    ['1,234,567.5', 1234567.5],
    ['１２０', 120],
    ['120条', 120],
    ['¥95.40', 95.4],
    ['￥95.40', 95.4],
    ['95.40元', 95.4],
    ['12.5%', 0.125],
    ['-3', -3],
    ['−3.5', -3.5],
    ['(1,696.00)', -1696],
    ['-¥5', -5],
    [' 42 ', 42],
    ['.5', 0.5],
    ['1.2万', 12000],
    ['1.5E+3', 1500],
  ])('reads %j as %d', (input, expected) => {
    expect(value(parseNumber(input))).toBe(expected);
  });

  it('keeps the unit apart and applies 万', () => {
    expect(value(parseNumberWithUnit('120条'))).toEqual({ value: 120, unit: '条' });
    expect(value(parseNumberWithUnit('3万支'))).toEqual({ value: 30000, unit: '支' });
    expect(value(parseNumberWithUnit('7'))).toEqual({ value: 7, unit: null });
  });

  it('gives null for empty cells and refuses non-numbers', () => {
    expect(value(parseNumber(null))).toBeNull();
    expect(value(parseNumber(''))).toBeNull();
    expect(value(parseNumber('--'))).toBeNull();
    for (const bad of ['abc', '1,23', '12..5', '3 4', '1-2', true, new Date(0), Number.NaN]) {
      expect(value(parseNumber(bad)), String(bad)).toBe('ERR:无法识别的数字');
    }
  });

  it('parseInteger refuses fractions but accepts 5.0', () => {
    expect(value(parseInteger('5.0'))).toBe(5);
    expect(value(parseInteger('29档'))).toBe(29);
    expect(value(parseInteger(4.5))).toBe('ERR:应为整数');
  });
});

describe('volumes in 条', () => {
  it('knows the units of the trade', () => {
    expect(tiaoPerUnit('条')).toBe(1);
    expect(tiaoPerUnit('箱')).toBe(250);
    expect(tiaoPerUnit('件')).toBe(50);
    expect(tiaoPerUnit('万支')).toBe(50);
    expect(tiaoPerUnit('元')).toBeNull();
  });

  it('converts a 箱 column and 箱 values to 条, and refuses unknown units', () => {
    const quantity = fieldOf('orders', 'quantity');
    const boxColumn = makeValueParser(quantity, { headerUnit: '箱' });
    expect(value(boxColumn(2))).toBe(500);
    expect(value(boxColumn('1.5'))).toBe(375);
    expect(value(boxColumn('10条'))).toBe(10);
    const plain = makeValueParser(quantity, { headerUnit: '条' });
    expect(value(plain('2箱'))).toBe(500);
    expect(value(plain('3万支'))).toBe(150);
    expect(value(plain(-4))).toBe(-4);
    expect(value(plain('5斤'))).toBe('ERR:无法换算成条的单位“斤”');
  });

  it('ignores units on fields that are not volumes', () => {
    const price = makeValueParser(fieldOf('brands', 'wholesalePrice'), { headerUnit: '元/条' });
    expect(value(price('95.40元'))).toBe(95.4);
    expect(value(price(-1))).toBe('ERR:不能小于 0');
  });
});

describe('ranges', () => {
  it('holds tiers to 1–30, survey items to 1–5 and coordinates to the globe', () => {
    const tier = makeValueParser(fieldOf('retailers', 'tier'));
    expect(value(tier(30))).toBe(30);
    expect(value(tier(31))).toBe('ERR:超出范围（1–30）');
    expect(value(tier(0))).toBe('ERR:超出范围（1–30）');
    const item = makeValueParser(fieldOf('surveys', 'itemServiceAttitude'));
    expect(value(item('5分'))).toBe(5);
    expect(value(item(6))).toBe('ERR:超出范围（1–5）');
    expect(value(item(4.5))).toBe('ERR:应为整数');
    expect(value(makeValueParser(fieldOf('retailers', 'latitude'))(91))).toBe('ERR:超出范围（-90–90）');
    expect(value(makeValueParser(fieldOf('retailers', 'longitude'))('117.089766'))).toBe(117.089766);
  });
});
