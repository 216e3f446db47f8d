import { isoWeekdayOf } from '../../../../../src/core/calendar/dates';
import { describe, expect, it } from 'vitest';
import { calendarDayKind } from '../../../../../src/renderer/features/settings/calendarDayKind';
import { calendarDayDto } from '../../../../../src/backend/services/calendar/calendarDayDto';
import { weightSum } from '../../../../../src/renderer/features/settings/schemeDraft';

/** A day as the backend sends it (calendarDayDto), from the core's calendar day. */
const day = (date: string, workday: boolean, holiday: string | null, overridden = false) => {
  const weekday = isoWeekdayOf(date);
  return calendarDayDto({ date, weekday, workday, holiday, makeUp: workday && weekday >= 6, overridden, note: overridden ? holiday : null });
};

describe('calendarDayKind', () => {
  it('tells workdays, weekends, statutory holidays, make-up Saturdays and days taken off apart', () => {
    expect(isoWeekdayOf('2026-10-10')).toBe(6);
    expect(isoWeekdayOf('2026-10-11')).toBe(7);
    expect(isoWeekdayOf('2026-10-12')).toBe(1);
    expect(calendarDayKind(day('2026-10-12', true, null))).toEqual({ kind: 'workday', note: null });
    expect(calendarDayKind(day('2026-10-11', false, null))).toEqual({ kind: 'weekend', note: null });
    expect(calendarDayKind(day('2026-10-01', false, '国庆节'))).toEqual({ kind: 'holiday', note: '国庆节' });
    expect(calendarDayKind(day('2026-10-10', true, null))).toEqual({ kind: 'makeUp', note: null });
    expect(calendarDayKind(day('2026-10-13', false, '片区培训', true))).toEqual({ kind: 'dayOff', note: '片区培训' });
    expect(calendarDayKind(day('2026-10-14', false, null, true))).toEqual({ kind: 'dayOff', note: null });
  });
});

describe('weightSum', () => {
  it('adds the eight dimensions without float noise and ignores stray keys', () => {
    const weights = { sales: 25.1, attendance: 14.9, records: 15, knowledge: 5, brand: 10, order: 10, fulfilment: 10, evaluation: 10, bogus: 50 };
    expect(weightSum(weights)).toBe(100);
    expect(weightSum({ ...weights, sales: 30 })).toBe(104.9);
  });
});
