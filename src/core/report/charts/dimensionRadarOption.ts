import type { ChartSpec } from '../reportModel';
import { CHART_TEXT_STYLE, DISTRICT_COLOR, MANAGER_COLOR } from './chartStyle';

export interface RadarAxis {
  label: string;
  /** null: 无数据, drawn at 0 and named so under the axis label. */
  manager: number | null;
  district: number | null;
}

/** The series' names and the 无数据 mark; the report's are Chinese, the app passes its UI language. */
export interface RadarNames {
  manager: string;
  district: string;
  /** Appended under an axis label whose score is missing. */
  noData: string;
}

const REPORT_NAMES: RadarNames = { manager: '本人', district: '片区平均', noData: '（无数据）' };

/** The eight dimension scores of one manager against the district's averages. */
export function dimensionRadarOption(axes: readonly RadarAxis[], names: RadarNames = REPORT_NAMES): ChartSpec {
  return {
    width: 480,
    height: 340,
    option: {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: CHART_TEXT_STYLE,
      legend: { bottom: 6, data: [names.manager, names.district], textStyle: { ...CHART_TEXT_STYLE } },
      radar: {
        center: ['50%', '48%'],
        radius: '62%',
        splitNumber: 5,
        axisName: { ...CHART_TEXT_STYLE },
        indicator: axes.map((axis) => ({ name: axis.manager === null ? `${axis.label}\n${names.noData}` : axis.label, min: 0, max: 100 })),
      },
      series: [
        {
          type: 'radar',
          symbolSize: 4,
          data: [
            {
              name: names.district,
              value: axes.map((axis) => axis.district ?? 0),
              itemStyle: { color: DISTRICT_COLOR },
              lineStyle: { color: DISTRICT_COLOR, type: 'dashed', width: 2 },
            },
            {
              name: names.manager,
              value: axes.map((axis) => axis.manager ?? 0),
              itemStyle: { color: MANAGER_COLOR },
              lineStyle: { color: MANAGER_COLOR, width: 2 },
              areaStyle: { color: MANAGER_COLOR, opacity: 0.15 },
            },
          ],
        },
      ],
    },
  };
}
