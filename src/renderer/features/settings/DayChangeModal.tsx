import { isoWeekdayOf } from '../../../core/calendar/dates';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDayDto } from '../../../shared/api/evaluationApi';
import { calendarDayKind } from './calendarDayKind';
import { GuardedButton } from '../login/GuardedButton';

export interface DayChange {
  workday: boolean | null;
  note?: string;
}

/** The confirm before a day changes: the new state, an optional note, and a way back to the shipped calendar. */
export function DayChangeModal({ day, busy, onConfirm, onCancel }: { day: CalendarDayDto | null; busy: boolean; onConfirm: (c: DayChange) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  useEffect(() => setNote(''), [day?.date]);
  if (!day) return null;
  const weekday = t(`workCalendar.weekdayName.w${isoWeekdayOf(day.date)}`);
  const { kind } = calendarDayKind(day);
  return (
    <Modal
      open
      title={t(day.workday ? 'workCalendar.confirm.toOff' : 'workCalendar.confirm.toWork', { date: day.date, weekday })}
      onCancel={onCancel}
      data-testid="day-change-modal"
      footer={
        <Space>
          {day.overridden && (
            <GuardedButton access="city" onClick={() => onConfirm({ workday: null })} disabled={busy} data-testid="day-reset">
              {t('workCalendar.confirm.reset')}
            </GuardedButton>
          )}
          <Button onClick={onCancel}>{t('workCalendar.confirm.cancel')}</Button>
          <GuardedButton access="city" type="primary" loading={busy} onClick={() => onConfirm({ workday: !day.workday, note: note.trim() || undefined })} data-testid="day-confirm">
            {t('workCalendar.confirm.ok')}
          </GuardedButton>
        </Space>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('workCalendar.confirm.current', { kind: t(`workCalendar.kinds.${kind}`) })}</Typography.Text>
        <span>{t('workCalendar.confirm.note')}</span>
        <Input value={note} maxLength={100} placeholder={t('workCalendar.confirm.notePlaceholder')} onChange={(e) => setNote(e.target.value)} data-testid="day-note" />
      </Space>
    </Modal>
  );
}
