import { describe, expect, it } from 'vitest';
import { rankDistricts, summariseDistrictMonth } from '../../../../src/core/city/districtMonthSummary';
import { DIMENSION_KEYS, type DimensionKey } from '../../../../src/core/measures/dimensions';
import type { ManagerEvaluation, MonthEvaluation } from '../../../../src/core/measures/monthEvaluation';

const GRADES = ['优秀', '良好', '合格', '不合格'];

function manager(code: string, total: number | null, grade: string | null, scores: Partial<Record<DimensionKey, number | null>>, flags: string[] = [], veto = false): ManagerEvaluation {
  return {
    code,
    name: code,
    rank: null,
    total,
    grade,
    veto: veto ? ({ reason: 'x', evidence: [] } as unknown as ManagerEvaluation['veto']) : null,
    dimensions: Object.fromEntries(DIMENSION_KEYS.map((k) => [k, { score: scores[k] ?? null, weight: 10, metrics: {} }])) as ManagerEvaluation['dimensions'],
    flags: flags.map((type) => ({ type, message: type, evidence: [] })) as unknown as ManagerEvaluation['flags'],
  };
}

function month(managers: ManagerEvaluation[]): MonthEvaluation {
  return { month: '2026-10', workdays: 21, scheme: { name: '默认方案', version: 1 }, districtMetrics: {}, managers, nearCopyPairs: [] };
}

describe('summariseDistrictMonth', () => {
  it('counts grades (every label present), vetoes and flags by type, and averages totals and dimensions over the managers with data', () => {
    const s = summariseDistrictMonth(
      '甲',
      month([
        manager('A', 90, '优秀', { sales: 80, attendance: 100 }, ['records.cross_copy', 'attendance.absent']),
        manager('B', 71, '合格', { sales: 61, attendance: null }, ['attendance.absent'], true),
        manager('C', null, null, { sales: 50 }),
      ]),
      GRADES,
      { status: 'draft', stale: true },
    );
    expect(s.grades).toEqual({ 优秀: 1, 良好: 0, 合格: 1, 不合格: 0 });
    expect([s.managers, s.graded, s.vetoes]).toEqual([3, 2, 1]);
    // The ungraded manager (数据不足) has no total: the mean is over the graded two.
    expect(s.averageTotal).toBe(80.5);
    expect(s.dimensions.sales).toBe(63.7);
    expect(s.dimensions.attendance).toBe(100);
    expect(s.dimensions.records).toBeNull();
    expect(s.flags).toEqual({ 'records.cross_copy': 1, 'attendance.absent': 2 });
    expect([s.flagTotal, s.flagsPerManager]).toEqual([3, 1]);
  });

  it('a district without an evaluation has zero counts, no means and no rank', () => {
    const s = summariseDistrictMonth('乙', null, GRADES, { status: 'not_evaluated', stale: false });
    expect([s.managers, s.averageTotal, s.flagsPerManager, s.rank]).toEqual([0, null, null, null]);
    expect(Object.values(s.grades)).toEqual([0, 0, 0, 0]);
  });
});

describe('rankDistricts', () => {
  it('ranks by mean total, equal means share a rank, the unevaluated come last by name', () => {
    const at = (name: string, total: number | null) =>
      summariseDistrictMonth(name, total === null ? null : month([manager('X', total, '合格', {})]), GRADES, { status: total === null ? 'not_evaluated' : 'draft', stale: false });
    const ranked = rankDistricts([at('丁', null), at('乙', 80), at('甲', 90), at('丙', 80), at('戊', 70), at('丁二', null)]);
    expect(ranked.map((d) => [d.district, d.rank])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['乙', 2],
      ['戊', 4],
      ['丁', null],
      ['丁二', null],
    ]);
  });
});
