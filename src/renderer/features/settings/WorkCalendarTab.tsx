import { isoWeekdayOf } from '../../../core/calendar/dates';
import { ImportOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHIPPED_YEARS } from '../../../core/calendar';
import type { CalendarDayDto } from '../../../shared/api/evaluationApi';
import { useApiClient } from '../../api/ApiContext';
import { useApi, useApiCall } from '../../api/useApi';
import { navigate } from '../../app/hashRoute';
import { useMonth } from '../../app/useMonth';
import { CalendarLegend, CalendarMonthGrid } from './CalendarMonthGrid';
import { calendarDayKind } from './calendarDayKind';
import { DayChangeModal, type DayChange } from './DayChangeModal';

/** 工作日历: the month picker's month as a grid; a click (confirmed) makes a day a workday or a day off. */
export function WorkCalendarTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApiClient();
  const call = useApiCall();
  const [month] = useMonth();
  const loaded = useApi('calendar.month', { month });
  const [days, setDays] = useState<CalendarDayDto[] | null>(null);
  const [picked, setPicked] = useState<CalendarDayDto | null>(null);
  const [busy, setBusy] = useState(false);
  const [finalized, setFinalized] = useState(false);

  useEffect(() => setDays(loaded.data ?? null), [loaded.data]);
  useEffect(() => {
    let live = true;
    setFinalized(false);
    // Quietly: a month not evaluated yet (or no evaluation service) simply is not finalized.
    void client.call('evaluation.get', { month }).then((r) => {
      if (live) setFinalized(r.ok && r.data?.status === 'final');
    });
    return () => {
      live = false;
    };
  }, [client, month]);

  async function change(day: CalendarDayDto, c: DayChange) {
    setBusy(true);
    try {
      const result = await call('calendar.setDay', { date: day.date, workday: c.workday, ...(c.note ? { note: c.note } : {}) });
      if (!result.ok) return;
      setDays(result.data);
      setPicked(null);
      const now = result.data.find((d) => d.date === day.date);
      if (c.workday === null) void message.success(t('workCalendar.resetDone', { date: day.date }));
      else if (now) void message.success(t('workCalendar.saved', { date: day.date, kind: t(`workCalendar.kinds.${now.workday ? 'workday' : 'dayOff'}`) }));
    } finally {
      setBusy(false);
    }
  }

  const year = Number(month.slice(0, 4));
  const shipped = SHIPPED_YEARS.find((y) => y.year === year);
  const changed = (days ?? []).filter((d) => d.overridden);

  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 320px', gap: 16, alignItems: 'start' }} data-testid="work-calendar">
      <Card
        size="small"
        title={t('workCalendar.heading', { month })}
        extra={days && <Typography.Text strong data-testid="workday-count">{t('workCalendar.workdays', { count: days.filter((d) => d.workday).length })}</Typography.Text>}
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type={shipped ? 'secondary' : 'warning'}>
            {shipped ? t('workCalendar.shipped', { year, source: shipped.source, published: shipped.published }) : t('workCalendar.notShipped', { year })}
          </Typography.Text>
          {finalized && <Alert type="info" showIcon title={t('workCalendar.finalized', { month })} />}
          <CalendarLegend />
          {days ? (
            <CalendarMonthGrid days={days} disabled={finalized} onPick={setPicked} />
          ) : (
            <Spin>
              <div style={{ height: 240 }} />
            </Spin>
          )}
          <Typography.Text type="secondary">{t('workCalendar.legend')}</Typography.Text>
        </Space>
      </Card>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('workCalendar.changes')} data-testid="calendar-changes">
          {changed.length === 0 ? (
            <Typography.Text type="secondary">{t('workCalendar.noChanges')}</Typography.Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {changed.map((d) => {
                const { kind, note } = calendarDayKind(d);
                return (
                  <li key={d.date}>
                    {t('workCalendar.change', { date: d.date, weekday: t(`workCalendar.weekdayName.w${isoWeekdayOf(d.date)}`), kind: t(`workCalendar.kinds.${kind}`) })}
                    {note ? `（${note}）` : ''}
                  </li>
                );
              })}
            </ul>
          )}
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('workCalendar.effect')}
          </Typography.Paragraph>
        </Card>
        <Card size="small" title={t('workCalendar.importButton')}>
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('workCalendar.importHelp')}
          </Typography.Paragraph>
          <Button icon={<ImportOutlined />} onClick={() => navigate({ page: { name: 'import' } })} data-testid="calendar-import">
            {t('workCalendar.importButton')}
          </Button>
        </Card>
      </Space>
      <DayChangeModal day={picked} busy={busy} onCancel={() => setPicked(null)} onConfirm={(c) => picked && void change(picked, c)} />
    </div>
  );
}
