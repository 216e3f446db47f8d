import { describe, expect, it } from 'vitest';
import { monthCalendar } from '../../../../src/core/calendar/monthCalendar';
import { SHIPPED_YEARS } from '../../../../src/core/calendar/shippedHolidays';
import { isoWeekday, parseDate } from '../../../../src/core/calendar/dates';

describe('monthCalendar', () => {
  const october = monthCalendar('2026-10');

  it('lists every day of the month with its ISO weekday', () => {
    expect(october).toHaveLength(31);
    expect(october[0]).toMatchObject({ date: '2026-10-01', weekday: 4 }); // a Thursday
    expect(october[30]).toMatchObject({ date: '2026-10-31', weekday: 6 });
    expect(monthCalendar('2028-02')).toHaveLength(29);
  });

  it('names the holiday of a day off, marks make-up Saturdays, leaves ordinary days plain', () => {
    expect(october[2]).toEqual({
      date: '2026-10-03',
      weekday: 6,
      workday: false,
      holiday: '国庆节',
      makeUp: false,
      overridden: false,
      note: null,
    });
    expect(october[9]).toEqual({
      date: '2026-10-10',
      weekday: 6,
      workday: true,
      holiday: null,
      makeUp: true,
      overridden: false,
      note: null,
    });
    expect(october[10]).toMatchObject({ date: '2026-10-11', workday: false, holiday: null, makeUp: false });
    expect(october[11]).toMatchObject({ date: '2026-10-12', workday: true, holiday: null, makeUp: false });
  });

  it('marks overridden days and shows the override note as the holiday', () => {
    const days = monthCalendar('2026-10', [
      { date: '2026-10-12', workday: false, note: '防汛停工' },
      { date: '2026-10-05', workday: true },
      { date: '2026-10-13', workday: false },
    ]);
    expect(days[11]).toMatchObject({ workday: false, holiday: '防汛停工', overridden: true, note: '防汛停工' });
    expect(days[4]).toMatchObject({ workday: true, holiday: null, makeUp: false, overridden: true }); // a Monday
    expect(days[12]).toMatchObject({ workday: false, holiday: null, overridden: true, note: null });
    expect(days[13]).toMatchObject({ overridden: false });
  });
});

describe('shipped holiday files', () => {
  it('hold the holidays of holidays.md', () => {
    const summary = SHIPPED_YEARS.map((y) => [y.year, y.holidays.map((h) => `${h.name} ${h.from}..${h.to} +${h.makeUpWorkdays.join(',')}`)]);
    expect(summary).toEqual([
      [
        2025,
        [
          '元旦 2025-01-01..2025-01-01 +',
          '春节 2025-01-28..2025-02-04 +2025-01-26,2025-02-08',
          '清明节 2025-04-04..2025-04-06 +',
          '劳动节 2025-05-01..2025-05-05 +2025-04-27',
          '端午节 2025-05-31..2025-06-02 +',
          '国庆节、中秋节 2025-10-01..2025-10-08 +2025-09-28,2025-10-11',
        ],
      ],
      [
        2026,
        [
          '元旦 2026-01-01..2026-01-03 +2026-01-04',
          '春节 2026-02-15..2026-02-23 +2026-02-14,2026-02-28',
          '清明节 2026-04-04..2026-04-06 +',
          '劳动节 2026-05-01..2026-05-05 +2026-05-09',
          '端午节 2026-06-19..2026-06-21 +',
          '中秋节 2026-09-25..2026-09-27 +',
          '国庆节 2026-10-01..2026-10-07 +2026-09-20,2026-10-10',
        ],
      ],
    ]);
  });

  it('only move work to weekend days', () => {
    for (const year of SHIPPED_YEARS) {
      for (const holiday of year.holidays) {
        for (const date of holiday.makeUpWorkdays) expect(isoWeekday(parseDate(date))).toBeGreaterThanOrEqual(6);
      }
    }
  });
});
