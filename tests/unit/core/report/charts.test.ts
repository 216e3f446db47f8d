import { describe, expect, it } from 'vitest';
import { CHART_FONT_FAMILY } from '../../../../src/core/report/charts/chartStyle';
import { dimensionRadarOption } from '../../../../src/core/report/charts/dimensionRadarOption';
import { gradeDistributionOption } from '../../../../src/core/report/charts/gradeDistributionOption';
import { MAX_RANKING_BARS, rankingBarOption } from '../../../../src/core/report/charts/rankingBarOption';

const GRADES = ['优秀', '良好', '合格', '不合格'];

describe('chart options', () => {
  it('ranks bars best first, coloured by grade, with the veto written beside the bar', () => {
    const spec = rankingBarOption(
      [
        { rank: 2, name: '朱淑珍', total: 80.5, grade: '良好', vetoed: false },
        { rank: 1, name: '方平', total: 92, grade: '优秀', vetoed: false },
        { rank: 3, name: '欧阳很长很长的名字甲乙', total: 70, grade: '不合格', vetoed: true },
      ],
      GRADES,
    );
    expect(spec.option).toMatchObject({
      animation: false,
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      yAxis: { type: 'category', inverse: true, data: ['1. 方平', '2. 朱淑珍', '3. 欧阳很长很长的…'] },
      series: [{ type: 'bar', data: [{ value: 92, label: { formatter: '92.0' } }, { value: 80.5, label: { formatter: '80.5' } }, { value: 70, label: { formatter: '70.0（否决）' } }] }],
    });
    expect(JSON.stringify(spec.option)).toContain('#c62828');
    expect(spec.height).toBeGreaterThan(3 * 20);
  });

  it('keeps both ends of a long ranking and says so', () => {
    const ranked = Array.from({ length: 200 }, (_, i) => ({ rank: i + 1, name: `经理${i + 1}`, total: 100 - i / 4, grade: '合格', vetoed: false }));
    const spec = rankingBarOption(ranked, GRADES);
    const labels = (JSON.parse(JSON.stringify(spec.option)) as { yAxis: { data: string[] } }).yAxis.data;
    expect(labels).toHaveLength(MAX_RANKING_BARS);
    expect(labels[0]).toBe('1. 经理1');
    expect(labels[MAX_RANKING_BARS / 2]).toBe('186. 经理186');
    expect(labels.at(-1)).toBe('200. 经理200');
    expect(spec.option).toMatchObject({ title: { text: '总分排名（共 200 人，显示前 15 名和后 15 名）' } });
  });

  it('counts grades in the scheme order', () => {
    const spec = gradeDistributionOption(
      GRADES.map((grade, i) => ({ grade, count: i })),
      GRADES,
    );
    expect(spec.option).toMatchObject({ xAxis: { data: GRADES }, series: [{ data: [{ value: 0 }, { value: 1 }, { value: 2 }, { value: 3 }] }] });
  });

  it('draws a dimension without data at 0 and names it so', () => {
    const spec = dimensionRadarOption([
      { label: '硬性指标', manager: 80, district: 70 },
      { label: '品牌销量', manager: null, district: 60 },
      { label: '履约率', manager: 90, district: null },
    ]);
    expect(spec.option).toMatchObject({
      radar: { indicator: [{ name: '硬性指标', max: 100 }, { name: '品牌销量\n（无数据）', max: 100 }, { name: '履约率', max: 100 }] },
      series: [{ type: 'radar', data: [{ name: '片区平均', value: [70, 60, 0] }, { name: '本人', value: [80, 0, 90] }] }],
    });
  });
});
