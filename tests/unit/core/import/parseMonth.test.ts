import { describe, expect, it } from 'vitest';
import { parseMonth, parsePeriod } from '../../../../src/core/import/parseMonth';

const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T | string =>
  result.ok ? result.value : `ERR:${result.reason}`;

describe('parseMonth', () => {
  it.each([
    ['2026-10', '2026-10'],
    ['2026/10', '2026-10'],
    ['2026.10', '2026-10'],
    ['202610', '2026-10'],
    ['2026年10月', '2026-10'],
    ['2026年9月', '2026-09'],
    ['2026-10-01', '2026-10'],
    ['２０２６－１０', '2026-10'],
  ])('reads %j', (text, expected) => {
    expect(value(parseMonth(text))).toBe(expected);
  });

  it('reads numbers and the dates Excel makes of a typed month', () => {
    expect(value(parseMonth(202610))).toBe('2026-10');
    expect(value(parseMonth(new Date('2026-10-01T00:00:00Z')))).toBe('2026-10');
    expect(value(parseMonth(46296))).toBe('2026-10');
  });

  it('refuses what is not a month', () => {
    expect(value(parseMonth('2026-13'))).toMatch(/^ERR:无法识别的月份/);
    expect(value(parseMonth('10月'))).toMatch(/^ERR:/);
    // Excel turned "2026.10" into 2026.1: October or January cannot be told apart.
    expect(value(parseMonth(2026.1))).toMatch(/^ERR:/);
    expect(value(parseMonth(null))).toBeNull();
  });
});

describe('parsePeriod', () => {
  it('reads months and weeks', () => {
    expect(value(parsePeriod('2026年10月'))).toBe('2026-10');
    expect(value(parsePeriod('2026-W41'))).toBe('2026-W41');
    expect(value(parsePeriod('2026w5'))).toBe('2026-W05');
    expect(value(parsePeriod('2026年第41周'))).toBe('2026-W41');
    expect(value(parsePeriod('2026-41周'))).toBe('2026-W41');
    expect(value(parsePeriod('2026-W54'))).toMatch(/^ERR:/);
    expect(value(parsePeriod('上周'))).toMatch(/^ERR:/);
  });
});
