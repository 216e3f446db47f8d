import { isoWeekdayOf } from '../../../src/core/calendar/dates';
import { describe, expect, it } from 'vitest';
import type { AttendanceMonthDto, PunchDto } from '../../../src/shared/api/evaluationApi';
import { attendanceCalendarOption } from '../../../src/renderer/features/scorecard/attendanceCalendarOption';
import { formatDistrictValue, formatMetricValue } from '../../../src/renderer/features/scorecard/formatMetricValue';
import { punchMapOption, type PlotPunch } from '../../../src/renderer/features/scorecard/punchChartsOption';

const t = (key: string) => ({ 'scorecard.noData': '无数据', 'scorecard.yes': '是', 'scorecard.no': '否' })[key] ?? key;

describe('formatMetricValue', () => {
  it('reads values as the report prints them', () => {
    expect(formatMetricValue(0.8534, 'percent', t)).toBe('85.3%');
    expect(formatMetricValue(12, 'count', t)).toBe('12');
    expect(formatMetricValue(7.25, 'hours', t)).toBe('7.3');
    expect(formatMetricValue(1, 'yesno', t)).toBe('是');
    expect(formatMetricValue(0, 'yesno', t)).toBe('否');
    expect(formatMetricValue(null, 'score', t)).toBe('无数据');
    // The district's value of a yes/no metric is the share of managers with 是.
    expect(formatDistrictValue(0.6, 'yesno', t)).toBe('60.0%');
  });
});

const punch = (over: Partial<PunchDto>): PunchDto => ({
  id: 1,
  date: '2026-10-12',
  time: '09:30:00',
  hour: 9.5,
  lat: 36.7,
  lng: 117.1,
  place: '朝阳路1号',
  retailerName: '某店',
  result: null,
  flagged: false,
  ...over,
});

describe('attendanceCalendarOption', () => {
  const month: AttendanceMonthDto = {
    month: '2026-10',
    managerCode: 'LH001',
    managerName: '方平',
    days: [
      { date: '2026-10-01', workday: false, kind: 'holiday', note: '国庆节', overridden: false },
      { date: '2026-10-10', workday: true, kind: 'makeup', note: '调休上班（国庆节）', overridden: false },
      { date: '2026-10-11', workday: false, kind: 'weekend', note: '周末', overridden: false },
      { date: '2026-10-12', workday: true, kind: 'workday', note: null, overridden: false },
      { date: '2026-10-13', workday: true, kind: 'workday', note: null, overridden: false },
    ],
    punches: [punch({ id: 1 }), punch({ id: 2, hour: 21.7, time: '21:42:00', flagged: true }), punch({ id: 3, date: '2026-10-13', time: null, hour: null })],
    absentDays: ['2026-10-13'],
  };
  const labels = { day: (d: string, w: number) => `${d.slice(8)}/${w}`, punch: '打卡', flagged: '异常打卡', absent: '缺勤', hour: '时' };

  it('puts punches on their day and hour, flagged ones apart, and absence rows nowhere', () => {
    const option = attendanceCalendarOption(month, labels) as { series: { data: { value: unknown }[] }[]; yAxis: { data: string[] } };
    expect(option.yAxis.data).toEqual(['01/4', '10/6', '11/7', '12/1', '13/2']);
    expect(option.series[1]!.data.map((p) => p.value)).toEqual([[9.5, 3]]);
    expect(option.series[2]!.data.map((p) => p.value)).toEqual([[21.7, 3]]);
  });

  it('bands every non-ordinary day with its note, and absences in red', () => {
    const option = attendanceCalendarOption(month, labels) as { series: { data: { value: number; label: { show: boolean; formatter?: string } }[] }[] };
    const bands = option.series[0]!.data;
    expect(bands.map((b) => (b.label.show ? b.label.formatter : null))).toEqual(['国庆节', '调休上班（国庆节）', '周末', null, '缺勤']);
    expect(bands.map((b) => b.value)).toEqual([24, 24, 24, 0, 24]);
  });

  it('knows the weekday of a date whatever the time zone', () => {
    expect(isoWeekdayOf('2026-10-01')).toBe(4);
    expect(isoWeekdayOf('2026-10-11')).toBe(7);
  });
});

describe('punchMapOption', () => {
  it('keeps one scale for both directions, so a jump across town is not stretched', () => {
    const points: PlotPunch[] = [
      { id: 1, date: '2026-10-16', time: '10:27:00', hour: 10.45, lat: 36.7, lng: 117.03, place: null, retailerName: null, evidence: true },
      { id: 2, date: '2026-10-16', time: '10:30:00', hour: 10.5, lat: 36.73, lng: 117.09, place: null, retailerName: null, evidence: true },
      { id: 3, date: '2026-10-16', time: '11:00:00', hour: 11, lat: null, lng: null, place: null, retailerName: null, evidence: false },
    ];
    const option = punchMapOption(points, { evidence: 'e', other: 'o', longitude: 'lng', latitude: 'lat', hour: 'h' }) as {
      xAxis: { min: number; max: number };
      yAxis: { min: number; max: number };
      series: { data: unknown[] }[];
    };
    const kmPerLng = 111 * Math.cos((36.715 * Math.PI) / 180);
    const widthKm = (option.xAxis.max - option.xAxis.min) * kmPerLng;
    const heightKm = (option.yAxis.max - option.yAxis.min) * 111;
    expect(widthKm / heightKm).toBeCloseTo(1.6, 1);
    for (const p of points.filter((x) => x.lat !== null)) {
      expect(p.lng!).toBeGreaterThan(option.xAxis.min);
      expect(p.lng!).toBeLessThan(option.xAxis.max);
      expect(p.lat!).toBeGreaterThan(option.yAxis.min);
      expect(p.lat!).toBeLessThan(option.yAxis.max);
    }
    expect(option.series[1]!.data).toHaveLength(2);
    expect(option.series[0]!.data).toHaveLength(0);
  });
});
