import { describe, expect, it } from 'vitest';
import { NO_GRADE_COLOR } from '../../../../../src/core/report/charts/chartStyle';
import { gradeColorOf, gradeTintOf } from '../../../../../src/renderer/features/evaluation/gradeColorOf';
import { totalsBarOption } from '../../../../../src/renderer/features/evaluation/totalsBarOption';
import type { ManagerRowDto } from '../../../../../src/shared/api/evaluationApi';

const GRADES = ['优秀', '良好', '合格', '不合格'];
const row = (code: string, rank: number | null, total: number | null, grade: string | null, veto = false): ManagerRowDto => ({
  code,
  name: `经理${code}`,
  rank,
  total,
  grade,
  veto: veto ? { reason: '有零售户不认识客户经理', evidence: [] } : null,
  dimensions: {},
  insufficient: null,
  pendingManual: [],
  flagCount: 0,
});

interface Bar {
  value: number | null;
  itemStyle: { color: string };
  label: { formatter: string; color?: string };
}

describe('totalsBarOption', () => {
  const option = totalsBarOption(
    [row('C', null, null, null), row('B', 2, 85.25, '良好'), row('D', 3, 70, '不合格', true), row('A', 1, 91, '优秀')],
    GRADES,
    { veto: '否决', noData: '无数据' },
  ) as { xAxis: { data: string[] }; series: { data: Bar[] }[] };
  const bars = option.series[0]!.data;

  it('puts managers in rank order, those without a rank last', () => {
    expect(option.xAxis.data).toEqual(['经理A', '经理B', '经理D', '经理C']);
    expect(bars.map((b) => b.value)).toEqual([91, 85.25, 70, null]);
  });

  it('colours each column by its grade like the report, the last grade red and no grade grey', () => {
    expect(bars.map((b) => b.itemStyle.color)).toEqual([gradeColorOf('优秀', GRADES), gradeColorOf('良好', GRADES), '#c62828', NO_GRADE_COLOR]);
    expect(new Set(bars.slice(0, 3).map((b) => b.itemStyle.color)).size).toBe(3);
  });

  it('writes totals with one decimal, names a veto in red and leaves a missing total unlabelled', () => {
    expect(bars.map((b) => b.label.formatter)).toEqual(['91.0', '85.3', '70.0 否决', '']);
    expect(bars[2]!.label.color).toBe('#c62828');
    expect(bars[0]!.label.color).not.toBe('#c62828');
  });
});

describe('gradeTintOf', () => {
  it('tints only known grades', () => {
    expect(gradeTintOf('不合格', GRADES)).toBe('#c6282814');
    expect(gradeTintOf(null, GRADES)).toBeUndefined();
    expect(gradeTintOf('特等', GRADES)).toBeUndefined();
  });
});
