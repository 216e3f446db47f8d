import { formatNumber } from '../../../core/format/numberFormat';
import type { EChartsCoreOption } from 'echarts/core';
import { CHART_TEXT_STYLE, NO_GRADE_COLOR } from '../../../core/report/charts/chartStyle';
import type { ManagerRowDto } from '../../../shared/api/evaluationApi';
import { escapeHtml } from '../../charts/escapeHtml';
import { gradeColorOf } from './gradeColorOf';

export interface TotalsBarText {
  /** Written after a vetoed manager's total. */
  veto: string;
  noData: string;
}

/**
 * Totals as columns, best rank on the left, coloured by grade like the report; a veto is named
 * over its column. Managers without a total stand at the right end with no column.
 */
export function totalsBarOption(managers: readonly ManagerRowDto[], grades: readonly string[], text: TotalsBarText): EChartsCoreOption {
  const sorted = [...managers].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.code.localeCompare(b.code));
  const crowded = sorted.length > 16;
  return {
    animation: false,
    textStyle: CHART_TEXT_STYLE,
    grid: { left: 8, right: 8, top: 24, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const m = sorted[p.dataIndex];
        if (!m) return '';
        const total = m.total === null ? text.noData : formatNumber(m.total, 'score');
        // A tooltip is HTML: the name and code come from imported files.
        return `${m.rank ?? '—'}. ${escapeHtml(m.name)} (${escapeHtml(m.code)})<br/>${escapeHtml(`${total} · ${m.grade ?? '—'}${m.veto ? ` · ${text.veto}` : ''}`)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: sorted.map((m) => m.name),
      axisTick: { show: false },
      // Many managers: the names turn so none is dropped.
      axisLabel: { ...CHART_TEXT_STYLE, interval: 0, rotate: crowded ? 40 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100, splitNumber: 4, axisLabel: { ...CHART_TEXT_STYLE } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        data: sorted.map((m) => ({
          value: m.total,
          // Read back by a click on the bar, to open the manager's scorecard.
          managerCode: m.code,
          itemStyle: { color: m.grade === null ? NO_GRADE_COLOR : gradeColorOf(m.grade, grades) },
          label: {
            show: true,
            position: 'top' as const,
            ...CHART_TEXT_STYLE,
            fontSize: crowded ? 10 : 12,
            formatter: m.total === null ? '' : m.veto ? `${formatNumber(m.total, 'score')} ${text.veto}` : formatNumber(m.total, 'score'),
            ...(m.veto ? { color: '#c62828' } : {}),
          },
        })),
      },
    ],
  };
}
