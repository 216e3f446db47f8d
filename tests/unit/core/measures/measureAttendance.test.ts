import { describe, expect, it } from 'vitest';
import type { AssignmentRow, EvaluationInput } from '../../../../src/core/measures/evaluationInput';
import { measureAttendance } from '../../../../src/core/measures/measureAttendance';
import { buildMonthContext } from '../../../../src/core/measures/monthContext';
import { emptyInput, punch, retailer, THRESHOLDS } from './testInput';

const WORKDAYS = ['2026-10-08', '2026-10-09', '2026-10-12'];
const assign = (retailerId: number, managerCode: string, from = '2026-01-01', to: string | null = null): AssignmentRow => ({
  retailerId,
  managerCode,
  route: null,
  from,
  to,
});
const managers = [
  { code: 'M1', name: '张三', hiredOn: null, status: '在岗' },
  { code: 'M2', name: '李四', hiredOn: null, status: '在岗' },
];

function measure(overrides: Partial<EvaluationInput>, managerCode = 'M1') {
  const input = emptyInput({ workdays: WORKDAYS, managers, ...overrides });
  return measureAttendance(buildMonthContext(input, THRESHOLDS), managerCode);
}

describe('measureAttendance metrics', () => {
  const retailers = [
    retailer(1, { tier: 25 }),
    retailer(2, { tier: 15 }),
    retailer(3, { tier: 5 }),
    retailer(4, { tier: 22, status: '注销' }),
    retailer(9, { tier: 30 }),
  ];
  const assignments = [assign(1, 'M1'), assign(2, 'M1'), assign(3, 'M1'), assign(4, 'M1'), assign(9, 'M2')];
  const punches = [
    punch('M1', '10-08 08:00', { retailerId: 1 }),
    punch('M1', '10-08 11:30', { retailerId: 2 }),
    punch('M1', '10-08 17:00', { retailerId: 1 }),
    punch('M1', '10-09 09:00', { retailerId: 1 }),
    // A Saturday: a visit, but not a present workday.
    punch('M1', '10-10 10:00', { retailerId: 2 }),
  ];
  const journals = [
    { id: 1, managerCode: 'M1', date: '2026-10-08', retailerId: 2, content: '走访', problems: null, violation: null, priceMarked: null, displayOk: null },
  ];
  const result = measure({ retailers, assignments, punches, journals });

  it('counts presence on workdays and the median time in the market', () => {
    expect(result.hasData).toBe(true);
    expect(result.metrics.present_days).toBe(2);
    expect(result.metrics.attendance_rate).toBeCloseTo(2 / 3, 10);
    // 08:00–17:00 is 9 h, a single punch is 0 h: median 4.5 h.
    expect(result.metrics.market_hours).toBeCloseTo(4.5, 10);
  });

  it('measures coverage and plan compliance over active retailers, counting visit-days', () => {
    // Active: 1, 2, 3 (4 is closed). Visited: 1 (10-08, 10-09) and 2 (10-08 punch + journal = one visit, 10-10).
    expect(result.metrics.coverage).toBeCloseTo(2 / 3, 10);
    // min(2, 4) + min(2, 2) + min(0, 1) over 4 + 2 + 1
    expect(result.metrics.plan_compliance).toBeCloseTo(4 / 7, 10);
    expect(result.metrics.top3_share).toBe(1);
  });

  it('flags the workday without punches', () => {
    const absent = result.flags.filter((f) => f.type === 'attendance.absent');
    expect(absent.map((f) => f.date)).toEqual(['2026-10-12']);
    expect(absent[0]?.message).toContain('10月12日');
  });

  it('has no data when the district has no punches at all', () => {
    const none = measure({ retailers, assignments });
    expect(none.hasData).toBe(false);
    expect(none.flags).toEqual([]);
    expect(none.metrics.attendance_rate).toBeNull();
  });
});

describe('a manager hired mid-month', () => {
  it('counts workdays and absences from the hiring date', () => {
    const result = measure({
      managers: [{ code: 'M1', name: '张三', hiredOn: '2026-10-09', status: '在岗' }],
      punches: [punch('M1', '10-09 09:00')],
    });
    expect(result.metrics.attendance_rate).toBe(0.5);
    expect(result.flags.filter((f) => f.type === 'attendance.absent').map((f) => f.date)).toEqual(['2026-10-12']);
  });
});

describe('attendance.concentration', () => {
  const retailers = Array.from({ length: 10 }, (_, i) => retailer(i + 1));
  const assignments = retailers.map((r) => assign(r.id, 'M1'));
  const oneVisitEach = retailers.map((r) => punch('M1', `10-08 ${String(8 + (r.id % 10)).padStart(2, '0')}:00`, { retailerId: r.id }));

  it('does not fire at exactly 30 % of visits in the top three', () => {
    const result = measure({ retailers, assignments, punches: oneVisitEach });
    expect(result.metrics.top3_share).toBeCloseTo(0.3, 10);
    expect(result.flags.some((f) => f.type === 'attendance.concentration')).toBe(false);
  });

  it('fires above 30 % and names the retailers', () => {
    const extra = punch('M1', '10-09 09:00', { retailerId: 1 });
    const result = measure({ retailers, assignments, punches: [...oneVisitEach, extra] });
    // Retailer 1 twice, then 2 and 3 once (lowest ids on ties): 4 of 11 visits.
    expect(result.metrics.top3_share).toBeCloseTo(4 / 11, 10);
    const flag = result.flags.find((f) => f.type === 'attendance.concentration');
    expect(flag?.message).toContain('零售户1 2 次');
    expect(flag?.message).toContain('36.4%');
    expect(flag?.evidence).toEqual([
      { kind: 'retailers', id: 1 },
      { kind: 'retailers', id: 2 },
      { kind: 'retailers', id: 3 },
    ]);
  });
});

describe('attendance.out_of_area and reassignment', () => {
  const retailers = [retailer(1, { tier: 10 }), retailer(3, { tier: 10 }), retailer(6, { tier: 10 })];
  const assignments = [assign(1, 'M1'), assign(3, 'M2'), assign(6, 'M1', '2026-01-01', '2026-10-15'), assign(6, 'M2', '2026-10-16')];

  it('fires for a punch at another manager\'s retailer, not at one\'s own', () => {
    const inside = punch('M1', '10-08 09:00', { retailerId: 1 });
    const outside = punch('M1', '10-08 10:05', { retailerId: 3 });
    const flags = measure({ retailers, assignments, punches: [inside, outside] }).flags.filter((f) => f.type === 'attendance.out_of_area');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.evidence).toEqual([
      { kind: 'attendance', id: outside.id },
      { kind: 'retailers', id: 3 },
    ]);
    expect(flags[0]?.message).toBe('10月8日 10:05 在「零售户3」打卡，不在本人片区（该户当日属 李四）');
  });

  it('judges a reassigned retailer by the assignment valid on the punch date', () => {
    const before = punch('M1', '10-15 09:00', { retailerId: 6 });
    const after = punch('M1', '10-16 09:00', { retailerId: 6 });
    const result = measure({ retailers, assignments, punches: [before, after] });
    const flagged = result.flags.filter((f) => f.type === 'attendance.out_of_area').map((f) => f.evidence[0]?.id);
    expect(flagged).toEqual([after.id]);
    // Coverage reads the assignment of the day too: M1 held retailers 1 (all month) and 6 (to
    // 10-15) and visited 6 on 10-15, a day it was his (10-16 was not): 1 of 2. Both tier 10
    // (1 visit a month); retailer 6 held 15 of 31 days needs ⌈15/31⌉ = 1: plan 1 of 2.
    expect(result.metrics.coverage).toBe(0.5);
    expect(result.metrics.plan_compliance).toBe(0.5);
    // M2 held 6 from 10-16 and 3 all month; M1's punch on 10-16 is not hers: 0 of 2.
    expect(measure({ retailers, assignments, punches: [before, after] }, 'M2').metrics.coverage).toBe(0);
  });
});

describe('attendance.impossible_travel', () => {
  // 0.3° of latitude along a meridian: 6371.0088 km × π / 180 × 0.3 = 33.36 km.
  const at = (latitude: number) => ({ longitude: 117.0, latitude });

  it('fires above 80 km/h: 33.36 km in 25 minutes is 80.1 km/h', () => {
    const a = punch('M1', '10-12 08:41', at(36.0));
    const b = punch('M1', '10-12 09:06', at(36.3));
    const flags = measure({ punches: [a, b] }).flags.filter((f) => f.type === 'attendance.impossible_travel');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.message).toBe('10月12日 08:41 与 09:06 两次打卡相距 33.4 公里，折合时速 80.1 公里');
    expect(flags[0]?.evidence.map((e) => e.id)).toEqual([a.id, b.id]);
  });

  it('does not fire at 77 km/h (33.36 km in 26 minutes)', () => {
    const punches = [punch('M1', '10-12 08:41', at(36.0)), punch('M1', '10-12 09:07', at(36.3))];
    expect(measure({ punches }).flags.some((f) => f.type === 'attendance.impossible_travel')).toBe(false);
  });

  it('uses the linked retailer\'s coordinates when the punch has none', () => {
    const retailers = [retailer(1, at(36.3))];
    const punches = [punch('M1', '10-12 08:41', at(36.0)), punch('M1', '10-12 09:02', { retailerId: 1 })];
    const flags = measure({ retailers, assignments: [assign(1, 'M1')], punches }).flags.filter((f) => f.type === 'attendance.impossible_travel');
    // 33.36 km in 21 minutes.
    expect(flags[0]?.message).toBe('10月12日 08:41 与 09:02 两次打卡相距 33.4 公里，折合时速 95 公里');
  });

  it('compares the punches with a place on either side of one without', () => {
    const punches = [punch('M1', '10-12 08:41', at(36.0)), punch('M1', '10-12 08:50'), punch('M1', '10-12 09:02', at(36.3))];
    const flag = measure({ punches }).flags.find((f) => f.type === 'attendance.impossible_travel');
    expect(flag?.evidence.map((e) => e.id)).toEqual([punches[0]?.id, punches[2]?.id]);
  });

  it('fires for two places at the same instant, not for the same place', () => {
    const samePlace = [punch('M1', '10-12 08:41', at(36.0)), punch('M1', '10-12 08:41', at(36.0005))];
    expect(measure({ punches: samePlace }).flags.some((f) => f.type === 'attendance.impossible_travel')).toBe(false);
    const twoPlaces = [punch('M1', '10-12 08:41', at(36.0)), punch('M1', '10-12 08:41', at(36.01))];
    const flag = measure({ punches: twoPlaces }).flags.find((f) => f.type === 'attendance.impossible_travel');
    expect(flag?.message).toBe('10月12日 08:41 同一时刻两次打卡相距 1.1 公里');
  });

  it('names both dates when the punches are on different days', () => {
    const punches = [punch('M1', '10-12 20:30', at(36.0)), punch('M1', '10-13 06:30', at(45.0))];
    const flag = measure({ punches }).flags.find((f) => f.type === 'attendance.impossible_travel');
    // 9° = 1000.76 km in 10 h.
    expect(flag?.message).toBe('10月12日 20:30 与 10月13日 06:30 两次打卡相距 1000.8 公里，折合时速 100 公里');
  });
});

describe('attendance.off_hours', () => {
  it('fires before 07:00 and strictly after 21:00, not at 07:00, 20:59 or 21:00:00', () => {
    const punches = [
      punch('M1', '10-08 06:59'),
      punch('M1', '10-08 07:00'),
      punch('M1', '10-08 20:59'),
      punch('M1', '10-08 21:00'),
      punch('M1', '10-08 21:00:01'),
    ];
    const flags = measure({ punches }).flags.filter((f) => f.type === 'attendance.off_hours');
    expect(flags.map((f) => f.evidence[0]?.id)).toEqual([punches[0]?.id, punches[4]?.id]);
    expect(flags[0]?.message).toBe('10月8日 06:59 打卡，不在 07:00–21:00 工作时段内');
  });
});

describe('attendance.duplicate', () => {
  const retailers = [retailer(1)];
  const assignments = [assign(1, 'M1')];

  it('fires for the same retailer in the same minute', () => {
    const punches = [punch('M1', '10-08 08:41:05', { retailerId: 1 }), punch('M1', '10-08 08:41:50', { retailerId: 1 })];
    const flags = measure({ retailers, assignments, punches }).flags.filter((f) => f.type === 'attendance.duplicate');
    expect(flags).toHaveLength(1);
    expect(flags[0]?.message).toBe('10月8日 08:41 在「零售户1」同一分钟内打卡 2 次');
  });

  it('does not fire across a minute boundary, 20 seconds apart', () => {
    const punches = [punch('M1', '10-08 08:41:50', { retailerId: 1 }), punch('M1', '10-08 08:42:10', { retailerId: 1 })];
    expect(measure({ retailers, assignments, punches }).flags.some((f) => f.type === 'attendance.duplicate')).toBe(false);
  });
});

describe('attendance.mock_location', () => {
  it('fires for mock locations and location anomalies, not for device trouble', () => {
    const punches = [
      punch('M1', '10-08 08:00', { mockLocation: true, anomaly: '模拟定位' }),
      punch('M1', '10-08 09:00', { anomaly: '定位异常' }),
      punch('M1', '10-08 10:00', { anomaly: '设备异常' }),
    ];
    const flags = measure({ punches }).flags.filter((f) => f.type === 'attendance.mock_location');
    expect(flags.map((f) => f.message)).toEqual(['10月8日 08:00 打卡定位异常（模拟定位）', '10月8日 09:00 打卡定位异常（定位异常）']);
  });
});
