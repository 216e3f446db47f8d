import { describe, expect, it } from 'vitest';
import { calendarCoverage } from '../../../../src/core/calendar/calendarCoverage';
import { isWorkday } from '../../../../src/core/calendar/isWorkday';
import { workdaysInMonth } from '../../../../src/core/calendar/workdaysInMonth';

function days(month: string, list: number[]): string[] {
  return list.map((d) => `${month}-${String(d).padStart(2, '0')}`);
}

describe('workdaysInMonth with the shipped holidays', () => {
  it('gives October 2026 its 18 workdays (holidays.md example)', () => {
    expect(workdaysInMonth('2026-10')).toEqual(
      days('2026-10', [8, 9, 10, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30]),
    );
  });

  it('gives February 2026 16 workdays: 春节 02-15..02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    expect(workdaysInMonth('2026-02')).toEqual(
      days('2026-02', [2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 24, 25, 26, 27, 28]),
    );
  });

  it('gives October 2025 18 workdays: 10-01..10-08 off, Saturday 10-11 worked', () => {
    expect(workdaysInMonth('2025-10')).toEqual(
      days('2025-10', [9, 10, 11, 13, 14, 15, 16, 17, 20, 21, 22, 23, 24, 27, 28, 29, 30, 31]),
    );
  });

  it('counts Sunday 2025-09-28 as a workday of September 2025 (23 workdays)', () => {
    const september = workdaysInMonth('2025-09');
    expect(september).toHaveLength(23);
    expect(september).toContain('2025-09-28');
    expect(september).not.toContain('2025-09-27');
  });

  it('gives January 2026 21 workdays: 01-01..01-03 off, Sunday 01-04 worked', () => {
    expect(workdaysInMonth('2026-01')).toEqual(
      days('2026-01', [4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30]),
    );
  });

  it('falls back to Monday–Friday for a year that is not shipped', () => {
    // 2027-01-01 is a Friday: without a calendar it counts as a workday
    expect(workdaysInMonth('2027-01')).toEqual(
      days('2027-01', [1, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22, 25, 26, 27, 28, 29]),
    );
    expect(workdaysInMonth('2027-10')).toHaveLength(21);
  });

  it('rejects malformed months', () => {
    expect(() => workdaysInMonth('2026-13')).toThrow(RangeError);
    expect(() => workdaysInMonth('2026/10')).toThrow(RangeError);
  });
});

describe('isWorkday', () => {
  it.each([
    ['2025-01-26', true], // Sunday, 春节 make-up
    ['2025-01-28', false], // 春节
    ['2025-02-04', false], // last day of 春节
    ['2025-02-05', true],
    ['2025-02-08', true], // Saturday, 春节 make-up
    ['2025-04-04', false], // 清明节, a Friday
    ['2025-04-27', true], // Sunday, 劳动节 make-up
    ['2025-05-05', false],
    ['2025-06-02', false], // 端午节, a Monday
    ['2025-10-08', false],
    ['2026-01-02', false], // Friday, 元旦
    ['2026-05-09', true], // Saturday, 劳动节 make-up
    ['2026-06-19', false], // 端午节, a Friday
    ['2026-09-20', true], // Sunday, 国庆节 make-up
    ['2026-09-25', false], // 中秋节, a Friday
    ['2026-10-07', false],
    ['2026-10-11', false], // an ordinary Sunday
    ['2026-10-12', true], // an ordinary Monday
    ['2027-10-01', true], // not shipped: Friday counts as a workday
    ['2027-10-02', false], // Saturday
  ])('%s → %s', (date, expected) => {
    expect(isWorkday(date)).toBe(expected);
  });

  it('rejects dates that do not exist', () => {
    expect(() => isWorkday('2026-02-29')).toThrow(RangeError);
    expect(() => isWorkday('2026-10-1')).toThrow(RangeError);
  });
});

describe('overrides from an imported calendar', () => {
  it('win over the shipped holidays in both directions', () => {
    const overrides = [
      { date: '2026-10-10', workday: false, note: '公司安排休息' },
      { date: '2026-10-03', workday: true },
      { date: '2026-10-31', workday: true, note: null },
    ];
    expect(isWorkday('2026-10-10', overrides)).toBe(false);
    expect(isWorkday('2026-10-03', overrides)).toBe(true);
    const october = workdaysInMonth('2026-10', overrides);
    expect(october).toHaveLength(18 - 1 + 2);
    expect(october[0]).toBe('2026-10-03');
    expect(october).not.toContain('2026-10-10');
    expect(october.at(-1)).toBe('2026-10-31');
  });

  it('apply to years that are not shipped', () => {
    expect(workdaysInMonth('2027-01', [{ date: '2027-01-01', workday: false, note: '元旦' }])).toHaveLength(20);
  });

  it('let the later of two overrides of a date win', () => {
    const overrides = [
      { date: '2026-10-12', workday: false },
      { date: '2026-10-12', workday: true },
    ];
    expect(isWorkday('2026-10-12', overrides)).toBe(true);
  });
});

describe('calendarCoverage', () => {
  it('names the notice of a shipped year', () => {
    expect(calendarCoverage(2026)).toEqual({
      shipped: true,
      note: '2026 年节假日已内置（国办发明电〔2025〕7号，2025-11-04 发布）',
    });
    expect(calendarCoverage(2025).shipped).toBe(true);
  });

  it('says a year that is not shipped is counted Monday to Friday', () => {
    expect(calendarCoverage(2027)).toEqual({ shipped: false, note: '2027 年节假日尚未内置，按周一至周五计算' });
    expect(calendarCoverage(2024).shipped).toBe(false);
  });
});
