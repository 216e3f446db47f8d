import { formatNumber } from '../../format/numberFormat';
import type { ChartSpec } from '../reportModel';
import { CHART_TEXT_STYLE, gradeColor } from './chartStyle';

export interface RankedManager {
  rank: number;
  name: string;
  total: number;
  grade: string;
  vetoed: boolean;
}

/** Beyond this many bars the chart no longer fits on one printed page: it keeps both ends of the ranking. */
export const MAX_RANKING_BARS = 30;
const BAR_PX = 20;

/** Totals as horizontal bars, best at the top, coloured by grade; a veto is written beside the bar. */
export function rankingBarOption(ranked: readonly RankedManager[], gradeLabels: readonly string[]): ChartSpec {
  const sorted = [...ranked].sort((a, b) => a.rank - b.rank);
  const half = MAX_RANKING_BARS / 2;
  const shown = sorted.length > MAX_RANKING_BARS ? [...sorted.slice(0, half), ...sorted.slice(-half)] : sorted;
  const title =
    shown.length < sorted.length
      ? `总分排名（共 ${sorted.length} 人，显示前 ${half} 名和后 ${half} 名）`
      : '总分排名';
  const height = Math.max(220, 80 + BAR_PX * shown.length);
  return {
    width: 640,
    height,
    option: {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: CHART_TEXT_STYLE,
      title: { text: title, left: 'center', top: 8, textStyle: { ...CHART_TEXT_STYLE, fontSize: 15, fontWeight: 'bold' } },
      grid: { left: 16, right: 72, top: 44, bottom: 28, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, splitNumber: 10, axisLabel: { ...CHART_TEXT_STYLE } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: shown.map((m) => `${m.rank}. ${shortName(m.name)}`),
        axisTick: { show: false },
        axisLabel: { ...CHART_TEXT_STYLE, interval: 0 },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 16,
          // Labels are literal strings, not formatter functions, so the option stays plain data.
          data: shown.map((m) => ({
            value: m.total,
            itemStyle: { color: gradeColor(gradeLabels.indexOf(m.grade), gradeLabels.length) },
            label: {
              show: true,
              position: 'right' as const,
              ...CHART_TEXT_STYLE,
              formatter: m.vetoed ? `${formatNumber(m.total, 'score')}（否决）` : formatNumber(m.total, 'score'),
              ...(m.vetoed ? { color: '#c62828' } : {}),
            },
          })),
        },
      ],
    },
  };
}

/** Axis labels share the chart's width with the bars: long names are cut. */
const MAX_LABEL_CHARS = 8;
function shortName(name: string): string {
  const chars = [...name];
  return chars.length > MAX_LABEL_CHARS ? `${chars.slice(0, MAX_LABEL_CHARS - 1).join('')}…` : name;
}
