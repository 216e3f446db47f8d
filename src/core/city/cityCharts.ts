import { DIMENSION_KEYS, DIMENSION_LABELS_ZH } from '../measures/dimensions';
import { CHART_TEXT_STYLE, gradeColor } from '../report/charts/chartStyle';
import type { ChartSpec } from '../report/reportModel';
import type { DistrictMonthSummary } from './districtMonthSummary';

const BAR_PX = 26;

/** 各营销部平均总分: one bar per district, best at the top (the unevaluated left out). */
export function cityRankingChart(districts: readonly DistrictMonthSummary[]): ChartSpec {
  const ranked = districts.filter((d) => d.rank !== null && d.averageTotal !== null);
  return {
    width: 620,
    height: Math.max(220, 90 + BAR_PX * ranked.length),
    option: {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: CHART_TEXT_STYLE,
      title: { text: '各营销部平均总分', left: 'center', top: 8, textStyle: { ...CHART_TEXT_STYLE, fontSize: 15, fontWeight: 'bold' } },
      grid: { left: 16, right: 56, top: 44, bottom: 28, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, splitNumber: 10, axisLabel: { ...CHART_TEXT_STYLE } },
      yAxis: { type: 'category', inverse: true, data: ranked.map((d) => `${d.rank}. ${d.district}`), axisTick: { show: false }, axisLabel: { ...CHART_TEXT_STYLE, interval: 0 } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          itemStyle: { color: '#1f6fb2' },
          label: { show: true, position: 'right' as const, ...CHART_TEXT_STYLE },
          data: ranked.map((d) => d.averageTotal as number),
        },
      ],
    },
  };
}

/** 各营销部等级分布: stacked bars of managers per grade, one bar per district. */
export function cityGradeChart(districts: readonly DistrictMonthSummary[], gradeLabels: readonly string[]): ChartSpec {
  const shown = districts.filter((d) => d.managers > 0);
  return {
    width: 620,
    height: Math.max(240, 110 + BAR_PX * shown.length),
    option: {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: CHART_TEXT_STYLE,
      title: { text: '各营销部等级分布（人）', left: 'center', top: 8, textStyle: { ...CHART_TEXT_STYLE, fontSize: 15, fontWeight: 'bold' } },
      legend: { top: 34, textStyle: { ...CHART_TEXT_STYLE } },
      grid: { left: 16, right: 32, top: 68, bottom: 28, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { ...CHART_TEXT_STYLE } },
      yAxis: { type: 'category', inverse: true, data: shown.map((d) => d.district), axisTick: { show: false }, axisLabel: { ...CHART_TEXT_STYLE, interval: 0 } },
      series: gradeLabels.map((label, i) => ({
        type: 'bar' as const,
        name: label,
        stack: 'grades',
        barMaxWidth: 18,
        itemStyle: { color: gradeColor(i, gradeLabels.length) },
        label: { show: true, ...CHART_TEXT_STYLE, color: '#ffffff' },
        data: shown.map((d) => (d.grades[label] ? d.grades[label] : null)),
      })),
    },
  };
}

/** 八个方面平均分: grouped bars per dimension, one series per district. */
export function cityDimensionChart(districts: readonly DistrictMonthSummary[]): ChartSpec {
  const shown = districts.filter((d) => d.managers > 0);
  const palette = ['#1f6fb2', '#e07b1a', '#2e9d4f', '#b03a8c', '#7a5cc4', '#c9a227', '#2aa7b8', '#8c564b', '#d62728', '#7f7f7f'];
  return {
    width: 1260,
    height: 340,
    option: {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: CHART_TEXT_STYLE,
      color: palette,
      title: { text: '八个方面平均分', left: 'center', top: 8, textStyle: { ...CHART_TEXT_STYLE, fontSize: 15, fontWeight: 'bold' } },
      legend: { top: 34, textStyle: { ...CHART_TEXT_STYLE } },
      grid: { left: 16, right: 16, top: 68, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: DIMENSION_KEYS.map((k) => DIMENSION_LABELS_ZH[k]), axisLabel: { ...CHART_TEXT_STYLE, interval: 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...CHART_TEXT_STYLE } },
      series: shown.map((d) => ({ type: 'bar' as const, name: d.district, barMaxWidth: 14, data: DIMENSION_KEYS.map((k) => d.dimensions[k]) })),
    },
  };
}
