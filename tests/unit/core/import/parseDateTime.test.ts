import { afterAll, describe, expect, it } from 'vitest';
import { excelSerialToParts } from '../../../../src/core/import/excelSerial';
import { parseDate, parseDateTime, parseDateTimeParts, parseTime } from '../../../../src/core/import/parseDateTime';

const value = <T>(result: { ok: true; value: T } | { ok: false; reason: string }): T | string =>
  result.ok ? result.value : `ERR:${result.reason}`;

describe('Excel serial numbers', () => {
  it('follow the 1900 system including its fictitious 1900-02-29', () => {
    expect(excelSerialToParts(1)).toMatchObject({ year: 1900, month: 1, day: 1 });
    expect(excelSerialToParts(59)).toMatchObject({ year: 1900, month: 2, day: 28 });
    expect(excelSerialToParts(60)).toBeNull();
    expect(excelSerialToParts(61)).toMatchObject({ year: 1900, month: 3, day: 1 });
    expect(excelSerialToParts(45658)).toMatchObject({ year: 2025, month: 1, day: 1 });
    expect(excelSerialToParts(46303)).toMatchObject({ year: 2026, month: 10, day: 8, secondsOfDay: 0 });
  });

  it('follow the 1904 system when asked (1462 days later)', () => {
    expect(excelSerialToParts(0, true)).toMatchObject({ year: 1904, month: 1, day: 1 });
    expect(excelSerialToParts(46303 - 1462, true)).toMatchObject({ year: 2026, month: 10, day: 8 });
    expect(value(parseDate(46303 - 1462, { date1904: true }))).toBe('2026-10-08');
    expect(value(parseDate(46303 - 1462))).toBe('2022-10-07');
  });

  it('carry a fraction of a day as the time, rounded to the second', () => {
    expect(excelSerialToParts(46303.35)?.secondsOfDay).toBe(8 * 3600 + 24 * 60);
    expect(value(parseDateTime(46303.35))).toBe('2026-10-08T08:24:00');
    expect(value(parseDateTime(46303.999999999))).toBe('2026-10-09T00:00:00');
  });
});

describe('parseDate', () => {
  it.each([
    ['2026-10-08', '2026-10-08'],
    ['2026/10/8', '2026-10-08'],
    ['2026.10.8', '2026-10-08'],
    ['2026年10月8日', '2026-10-08'],
    ['2026年10月8号', '2026-10-08'],
    ['26-10-08 星期四', '2026-10-08'],
    ['26-10-08 周四', '2026-10-08'],
    ['2026-10-08（星期四）', '2026-10-08'],
    ['20261008', '2026-10-08'],
    ['２０２６－１０－０８', '2026-10-08'],
    ['2026-10-08 08:42', '2026-10-08'],
    ['2026/10/8 8:42:05', '2026-10-08'],
    ['  2026-10-08  ', '2026-10-08'],
  ])('reads text %j', (text, expected) => {
    expect(value(parseDate(text))).toBe(expected);
  });

  it('reads serials and yyyymmdd numbers', () => {
    expect(value(parseDate(46303))).toBe('2026-10-08');
    expect(value(parseDate(46303.75))).toBe('2026-10-08');
    expect(value(parseDate(20261008))).toBe('2026-10-08');
  });

  it('gives null for empty cells and refuses what is not a date', () => {
    expect(value(parseDate(null))).toBeNull();
    expect(value(parseDate('  '))).toBeNull();
    expect(value(parseDate('-'))).toBeNull();
    expect(value(parseDate('2026-02-30'))).toBe('ERR:日期不存在');
    expect(value(parseDate('10月8日'))).toMatch(/^ERR:/);
    expect(value(parseDate('明天'))).toMatch(/^ERR:/);
    expect(value(parseDate(true))).toMatch(/^ERR:/);
    expect(value(parseDate('08:42'))).toBe('ERR:只有时间，没有日期');
    expect(value(parseDate(0.35))).toBe('ERR:只有时间，没有日期');
    expect(value(parseDate(5))).toMatch(/^ERR:日期超出合理范围/);
    expect(value(parseDate(60))).toBe('ERR:日期不存在');
  });
});

describe('Date cells are read in UTC whatever the machine zone', () => {
  const originalTz = process.env.TZ;
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ['Asia/Shanghai', -480],
    ['America/Los_Angeles', 420],
    ['Pacific/Kiritimati', -840],
    ['Pacific/Pago_Pago', 660],
  ])('in %s', (zone, offsetInOctober) => {
    process.env.TZ = zone;
    // Proves the zone really changed for this process, so the assertions below mean something.
    expect(new Date(Date.UTC(2026, 9, 8, 12)).getTimezoneOffset()).toBe(offsetInOctober);
    const midnight = new Date('2026-10-08T00:00:00.000Z');
    const lateEvening = new Date('2026-10-08T23:30:00.000Z');
    expect(value(parseDate(midnight))).toBe('2026-10-08');
    expect(value(parseDate(lateEvening))).toBe('2026-10-08');
    expect(value(parseDateTime(lateEvening))).toBe('2026-10-08T23:30:00');
    expect(value(parseDateTimeParts(midnight))).toEqual({ date: '2026-10-08', time: null });
    expect(value(parseTime(new Date('1899-12-30T08:42:00.000Z')))).toBe('08:42:00');
  });
});

describe('parseTime', () => {
  it.each([
    ['08:42', '08:42:00'],
    ['8:42:05', '08:42:05'],
    ['08:42:05.250', '08:42:05'],
    ['０８：４２', '08:42:00'],
    ['下午 2:05', '14:05:00'],
    ['2:05 PM', '14:05:00'],
    ['上午12:10', '00:10:00'],
    ['8时42分', '08:42:00'],
    ['2026-10-08 08:42', '08:42:00'],
  ])('reads %j', (text, expected) => {
    expect(value(parseTime(text))).toBe(expected);
  });

  it('reads fractions of a day and time-only Date cells', () => {
    expect(value(parseTime(0.5))).toBe('12:00:00');
    expect(value(parseTime(0.35))).toBe('08:24:00');
    expect(value(parseTime(new Date('1899-12-31T17:05:30.000Z')))).toBe('17:05:30');
    // exceljs hands back 08:41:59.999 for a serial that Excel shows as 08:42:00
    expect(value(parseTime(new Date(Date.UTC(1899, 11, 30, 8, 41, 59, 999))))).toBe('08:42:00');
    const time1904 = new Date('1904-01-01T08:42:00.000Z');
    expect(value(parseDateTimeParts(time1904))).toEqual({ date: '1904-01-01', time: '08:42:00' });
    expect(value(parseDateTimeParts(time1904, { date1904: true }))).toEqual({ date: null, time: '08:42:00' });
  });

  it('refuses impossible or non-time values', () => {
    expect(value(parseTime('25:00'))).toMatch(/^ERR:/);
    expect(value(parseTime('08:61'))).toMatch(/^ERR:/);
    expect(value(parseTime(842))).toMatch(/^ERR:/);
    expect(value(parseTime(new Date('2026-10-08T00:00:00.000Z')))).toBe('ERR:只有日期，没有时间');
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2026-10-08 08:42', '2026-10-08T08:42:00'],
    ['2026/10/8 8:42:05', '2026-10-08T08:42:05'],
    ['2026年10月8日 8时42分', '2026-10-08T08:42:00'],
    ['26-10-08 星期四 08:06', '2026-10-08T08:06:00'],
    ['20261008 08:42:00', '2026-10-08T08:42:00'],
    ['2026/10/8 下午 2:05', '2026-10-08T14:05:00'],
  ])('reads %j as wall-clock time', (text, expected) => {
    expect(value(parseDateTime(text))).toBe(expected);
  });

  it('reads Date cells and keeps the parts of partial values apart', () => {
    expect(value(parseDateTime(new Date('2026-10-08T08:42:05.000Z')))).toBe('2026-10-08T08:42:05');
    expect(value(parseDateTime('2026-10-08'))).toBe('ERR:只有日期，没有时间');
    expect(value(parseDateTime('08:42'))).toBe('ERR:只有时间，没有日期');
    expect(value(parseDateTimeParts('08:42'))).toEqual({ date: null, time: '08:42:00' });
    expect(value(parseDateTimeParts('2026-10-08 abc'))).toMatch(/^ERR:/);
  });
});

describe('a zone suffix is converted to local time (Asia/Shanghai, UTC+8)', () => {
  it.each([
    ['2026-10-08T01:00Z', '2026-10-08T09:00:00'],
    ['2026-10-08T01:00:30z', '2026-10-08T09:00:30'],
    ['2026-10-08T08:42:00.000Z', '2026-10-08T16:42:00'],
    ['2026-10-08T20:30:00Z', '2026-10-09T04:30:00'],
    ['2026-10-08T08:41:00+08:00', '2026-10-08T08:41:00'],
    ['2026-10-08 09:00:00+0900', '2026-10-08T08:00:00'],
    ['2026-10-08T00:30:00-05:00', '2026-10-08T13:30:00'],
    ['2026-10-31T23:00:00+09:00', '2026-10-31T22:00:00'],
    ['2026-12-31T17:00:00Z', '2027-01-01T01:00:00'],
    // Without a suffix the wall clock stays as written.
    ['2026-10-08T01:00', '2026-10-08T01:00:00'],
  ])('%s → %s', (text, local) => {
    expect(parseDateTime(text)).toEqual({ ok: true, value: local });
  });
});
