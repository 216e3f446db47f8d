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

  it('adds days as Date.UTC counts them, for every day of 1999–2032 and for what is no valid date', () => {
    // The reference: what addDays computed through Date for every input before it counted days itself.
    const throughDate = (date: string, days: number) =>
      new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000).toISOString().slice(0, 10);
    const steps = [-366, -365, -61, -60, -32, -31, -30, -29, -28, -1, 0, 1, 27, 28, 29, 30, 31, 32, 59, 60, 365, 366];
    let compared = 0;
    const differing: string[] = [];
    for (let day = '1999-01-01'; day <= '2032-12-31'; day = throughDate(day, 1)) {
      for (const n of steps) {
        if (addDays(day, n) !== throughDate(day, n)) differing.push(`${day} ${n}`);
        compared++;
      }
    }
    expect(differing).toEqual([]);
    expect(compared).toBe(12_419 * steps.length);
    for (const odd of ['2026-02-30', '2026-04-31', '2026-13-01', '2026-10-00', '0000-01-01', '0099-03-01', '1000-01-01', '9999-12-31', '1001-01-01']) {
      for (const n of [-400, -1, 0, 1, 400, 0.5]) expect(addDays(odd, n)).toBe(throughDate(odd, n));
    }
    expect(() => addDays('2026-1-5', 1)).toThrow(RangeError);
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
