import type { CalendarDayDto } from '../../../shared/api/evaluationApi';

export type CalendarDayKind = 'workday' | 'weekend' | 'holiday' | 'makeUp' | 'dayOff';

/** The backend's plain notes for an ordinary day off; any other note names a holiday or a reason. */
const PLAIN_NOTES = new Set(['周末', '休息日', '调休上班']);

/**
 * What a day is on the calendar, and the note worth showing in its cell (a holiday's name, a reason):
 * the backend's kind, plus 'dayOff' for a weekday off that is no statutory holiday.
 */
export function calendarDayKind(day: CalendarDayDto): { kind: CalendarDayKind; note: string | null } {
  // 调休上班（国庆节）: the cell's colour already says make-up day.
  const note = day.note && !PLAIN_NOTES.has(day.note) && !day.note.startsWith('调休上班') ? day.note : null;
  switch (day.kind) {
    case 'workday':
      return { kind: 'workday', note };
    case 'makeup':
      return { kind: 'makeUp', note };
    case 'weekend':
      return { kind: 'weekend', note: null };
    case 'holiday':
      // A day the supervisor (or an imported calendar) took off is a day off with its reason, not a statutory holiday.
      return { kind: note && !day.overridden ? 'holiday' : 'dayOff', note };
  }
}
