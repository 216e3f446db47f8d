import { isoWeekdayOf } from '../../../core/calendar/dates';
import { escapeHtml } from '../../charts/escapeHtml';
import type { EChartsCoreOption } from 'echarts/core';
import type { AttendanceMonthDto, PunchDto } from '../../../shared/api/evaluationApi';

export interface CalendarLabels {
  /** The y axis label of a day, e.g. 12日 周一. */
  day: (date: string, weekday: number) => string;
  /** What a shaded day is: 周末, 国庆节, 调休上班（国庆节）, 缺勤. */
  punch: string;
  flagged: string;
  absent: string;
  hour: string;
}

const SHADES = { weekend: '#f0f0f0', holiday: '#fff7e6', makeup: '#e6f4ff', absent: '#ffccc7' } as const;

function punchTooltip(p: PunchDto): string {
  const parts = [`${p.date} ${p.time ?? ''}`, p.retailerName, p.place, p.result].filter((x): x is string => Boolean(x && x.trim()));
  return parts.map(escapeHtml).join('<br/>');
}


/**
 * Days × hours: each punch a point at its time of day (x, 0–24) on its day (y, the 1st at the
 * top); a band behind the row marks weekends, holidays, 调休 workdays and absences, and says so.
 */
export function attendanceCalendarOption(month: AttendanceMonthDto, labels: CalendarLabels): EChartsCoreOption {
  const days = month.days;
  const index = new Map(days.map((d, i) => [d.date, i]));
  const absent = new Set(month.absentDays);
  const point = (p: PunchDto) => ({ value: [p.hour ?? 0, index.get(p.date) ?? 0], tip: punchTooltip(p), id: p.id });
  const timed = month.punches.filter((p) => p.hour !== null && index.has(p.date));
  const bands = days.map((d) => {
    const shade = absent.has(d.date) ? 'absent' : d.kind === 'workday' ? null : d.kind;
    if (shade === null) return { value: 0, itemStyle: { color: 'transparent' }, label: { show: false } };
    const text = shade === 'absent' ? labels.absent : (d.note ?? '');
    return {
      value: 24,
      itemStyle: { color: SHADES[shade] },
      label: { show: true, position: 'insideRight', formatter: text, color: shade === 'absent' ? '#cf1322' : '#8c8c8c', fontSize: 11 },
    };
  });
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0, left: 'center', data: [labels.punch, labels.flagged] },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { data?: { tip?: string } }) => p.data?.tip ?? '',
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: 24,
      interval: 2,
      position: 'top',
      axisLabel: { formatter: (v: number) => `${v}${labels.hour}` },
      splitLine: { lineStyle: { color: '#f0f0f0' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: days.map((d) => labels.day(d.date, isoWeekdayOf(d.date))),
      axisTick: { show: false },
      axisLabel: {
        fontSize: 11,
        color: (_: string, i: number) => (absent.has(days[i]?.date ?? '') ? '#cf1322' : days[i]?.workday ? '#333' : '#aaa'),
      },
    },
    series: [
      { type: 'bar', name: 'days', data: bands, barWidth: '86%', silent: true, z: 1, tooltip: { show: false } },
      {
        type: 'scatter',
        name: labels.punch,
        data: timed.filter((p) => !p.flagged).map(point),
        symbolSize: 7,
        itemStyle: { color: '#1f5fa8', opacity: 0.75 },
        z: 3,
      },
      {
        type: 'scatter',
        name: labels.flagged,
        data: timed.filter((p) => p.flagged).map(point),
        symbolSize: 11,
        symbol: 'diamond',
        itemStyle: { color: '#cf1322' },
        z: 4,
      },
    ],
  };
}
