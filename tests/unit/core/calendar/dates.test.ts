import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysInMonth,
  daysOfMonth,
  isoWeekdayOf,
  isoWeeksOfMonth,
  lastDayOfMonth,
  localDate,
  monthRange,
  monthsEndingAt,
  shiftMonth,
} from '../../../../src/core/calendar/dates';

describe('the one date module', () => {
  it('knows month lengths, leap years (2000 yes, 2100 no) included, without Date reading year 0 as 1900', () => {
    expect([2026, 2028, 2000, 2100, 0].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 29, 28, 29]);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 30, 30, 30, 30, 31]);
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
  });

  it('moves days and months across year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-10', 14)).toBe('2027-12');
    expect(monthsEndingAt('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthRange('2026-12')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
  });

  it('names weekdays and the ISO weeks whose Thursday falls in a month', () => {
    expect(isoWeekdayOf('2026-10-05')).toBe(1);
    expect(isoWeekdayOf('2026-10-04')).toBe(7);
    // 2026-01-01 is a Thursday: week 1 belongs to January; 2027-01-01 is a Friday: its week is 2026-W53.
    expect(isoWeeksOfMonth('2026-01')[0]).toBe('2026-W01');
    expect(isoWeeksOfMonth('2026-12').at(-1)).toBe('2026-W53');
  });

  it("reads the supervisor's own calendar day from a Date", () => {
    const d = new Date(2026, 9, 31, 23, 30);
    expect(localDate(d)).toBe('2026-10-31');
  });
});
