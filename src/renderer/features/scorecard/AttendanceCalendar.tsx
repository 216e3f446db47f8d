import { Empty, Space, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceMonthDto } from '../../../shared/api/evaluationApi';
import { EChart } from '../../charts/EChart';
import { attendanceCalendarOption } from './attendanceCalendarOption';

/** The manager's month: one row a day, punches by time of day, days off and absences marked. */
export function AttendanceCalendar({ month }: { month: AttendanceMonthDto }) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(
    () =>
      attendanceCalendarOption(month, {
        day: (date, weekday) => t('scorecard.dayLabel', { day: Number(date.slice(8, 10)), weekday: t(`scorecard.weekdays.${weekday}`) }),
        punch: t('scorecard.calendarLegendPunch'),
        flagged: t('scorecard.calendarLegendFlagged'),
        absent: t('scorecard.dayKinds.absent'),
        hour: t('scorecard.hour'),
      }),
    [month, t],
  );
  const workdays = month.days.filter((d) => d.workday).length;
  const timed = month.punches.filter((p) => p.time !== null);
  const present = new Set(timed.map((p) => p.date)).size;
  return (
    <div data-testid="attendance-calendar-panel">
      <Space size={[12, 4]} wrap style={{ marginBottom: 8 }}>
        <Typography.Text data-testid="attendance-summary">
          {t('scorecard.calendarSummary', { workdays, present, absent: month.absentDays.length, punches: timed.length })}
        </Typography.Text>
        {/* The colours of the bands behind the rows (attendanceCalendarOption's SHADES). */}
        <Tag color="default">{t('scorecard.dayKinds.weekend')}</Tag>
        <Tag color="orange">{t('scorecard.dayKinds.holiday')}</Tag>
        <Tag color="blue">{t('scorecard.dayKinds.makeup')}</Tag>
        <Tag color="red">{t('scorecard.calendarLegendAbsent')}</Tag>
      </Space>
      {month.absentDays.length > 0 && (
        <Typography.Paragraph type="danger" style={{ marginBottom: 8 }} data-testid="attendance-absent-days">
          {t('scorecard.calendarAbsentDays', { days: month.absentDays.join('、') })}
        </Typography.Paragraph>
      )}
      {timed.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scorecard.calendarEmpty')} />}
      <EChart option={option} style={{ width: '100%', height: 40 + month.days.length * 19 }} testId="attendance-calendar" />
    </div>
  );
}
