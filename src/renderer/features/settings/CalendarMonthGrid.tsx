import { isoWeekdayOf } from '../../../core/calendar/dates';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDayDto } from '../../../shared/api/evaluationApi';
import { calendarDayKind, type CalendarDayKind } from './calendarDayKind';

/** Colours by kind: days off in soft red/grey, make-up Saturdays in amber so they stand out. */
const KIND_STYLE: Record<CalendarDayKind, { background: string; color: string; tag: string }> = {
  workday: { background: '#ffffff', color: '#1f1f1f', tag: '#1677ff' },
  makeUp: { background: '#fff7e6', color: '#ad4e00', tag: '#fa8c16' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c', tag: '#8c8c8c' },
  holiday: { background: '#fff1f0', color: '#cf1322', tag: '#f5222d' },
  dayOff: { background: '#f5f5f5', color: '#8c8c8c', tag: '#8c8c8c' },
};

export function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      {(['workday', 'weekend', 'holiday', 'makeUp'] as const).map((kind) => (
        <span key={kind} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <span style={{ width: 14, height: 14, borderRadius: 3, background: KIND_STYLE[kind].background, border: `1px solid ${KIND_STYLE[kind].tag}` }} />
          {t(`workCalendar.kinds.${kind}`)}
        </span>
      ))}
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        <span style={{ width: 14, height: 14, borderRadius: 3, border: '2px dashed #722ed1' }} />
        {t('workCalendar.overridden')}
      </span>
    </div>
  );
}

/** A month as seven columns, Monday first; each day a button that asks before it changes. */
export function CalendarMonthGrid({ days, disabled, onPick }: { days: CalendarDayDto[]; disabled: boolean; onPick: (day: CalendarDayDto) => void }) {
  const { t } = useTranslation();
  const first = days[0];
  const lead = first ? isoWeekdayOf(first.date) - 1 : 0;
  const cell: CSSProperties = { minHeight: 64, borderRadius: 6, padding: '6px 8px', textAlign: 'left' };
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 6 }} data-testid="calendar-grid">
      {[1, 2, 3, 4, 5, 6, 7].map((w) => (
        <div key={`h${w}`} style={{ textAlign: 'center', color: '#8c8c8c', fontSize: 12 }}>
          {t(`workCalendar.weekdays.w${w}`)}
        </div>
      ))}
      {Array.from({ length: lead }, (_, i) => (
        <div key={`lead${i}`} />
      ))}
      {days.map((day) => {
        const { kind, note } = calendarDayKind(day);
        const style = KIND_STYLE[kind];
        // The native title shows a note too long for the cell; no overlay lingers over the grid.
        return (
          <button
            key={day.date}
            title={note ?? undefined}
            type="button"
            disabled={disabled}
            onClick={() => onPick(day)}
            data-testid={`day-${day.date}`}
            data-workday={day.workday}
            data-kind={kind}
            data-overridden={day.overridden}
            style={{
              ...cell,
              background: style.background,
              color: style.color,
              border: day.overridden ? '2px dashed #722ed1' : '1px solid #e8e8e8',
              cursor: disabled ? 'not-allowed' : 'pointer',
              font: 'inherit',
            }}
          >
            {/* Wraps: a long kind label (English) goes under the day number instead of squeezing it. */}
            <div style={{ display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', alignItems: 'baseline', columnGap: 4 }}>
              <span style={{ fontSize: 16, fontWeight: 600 }}>{Number(day.date.slice(8))}</span>
              {kind !== 'workday' && <span style={{ fontSize: 12, color: style.tag, whiteSpace: 'nowrap' }}>{t(`workCalendar.kinds.${kind}`)}</span>}
            </div>
            {note && (
              <div style={{ fontSize: 12, marginTop: 4, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{note}</div>
            )}
          </button>
        );
      })}
    </div>
  );
}
