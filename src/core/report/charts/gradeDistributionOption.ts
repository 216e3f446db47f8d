import type { ChartSpec } from '../reportModel';
import { CHART_TEXT_STYLE, gradeColor } from './chartStyle';

export interface GradeCount {
  grade: string;
  count: number;
}

/** How many managers got each grade, in the scheme's order (best first), as columns. */
export function gradeDistributionOption(counts: readonly GradeCount[], gradeLabels: readonly string[]): ChartSpec {
  return {
    width: 440,
    height: 280,
    option: {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: CHART_TEXT_STYLE,
      title: { text: '等级分布', left: 'center', top: 8, textStyle: { ...CHART_TEXT_STYLE, fontSize: 15, fontWeight: 'bold' } },
      grid: { left: 16, right: 16, top: 48, bottom: 16, containLabel: true },
      xAxis: { type: 'category', data: counts.map((c) => c.grade), axisTick: { show: false }, axisLabel: { ...CHART_TEXT_STYLE } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { ...CHART_TEXT_STYLE } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 56,
          label: { show: true, position: 'top', ...CHART_TEXT_STYLE, formatter: '{c} 人' },
          data: counts.map((c) => ({ value: c.count, itemStyle: { color: gradeColor(gradeLabels.indexOf(c.grade), gradeLabels.length) } })),
        },
      ],
    },
  };
}
