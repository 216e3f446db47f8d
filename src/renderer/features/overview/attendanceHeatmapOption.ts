import type { EChartsCoreOption } from 'echarts/core';
import type { MonthOverview } from '../../../shared/api/dataApi';
import { escapeHtml } from '../../charts/escapeHtml';

/** The overview's managers × days heatmap; `punchesText` says "N 次打卡" in the UI language. */
export function attendanceHeatmapOption(
  { heatmap, workdays }: Pick<MonthOverview, 'heatmap' | 'workdays'>,
  punchesText: (count: number) => string,
): EChartsCoreOption {
  const workdaySet = new Set(workdays);
  const max = Math.max(1, ...heatmap.cells.map((c) => c[2]));
  return {
    grid: { left: 8, right: 12, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      position: 'top',
      formatter: (p: { value: [number, number, number] }) => {
        const [day, manager, punches] = p.value;
        const m = heatmap.managers[manager];
        // A tooltip is HTML: the name and code come from the roster file.
        return `${m ? escapeHtml(`${m.name}（${m.code}）`) : ''}<br/>${escapeHtml(`${heatmap.days[day] ?? ''}：${punchesText(punches)}`)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: heatmap.days.map((d) => String(Number(d.slice(8, 10)))),
      splitArea: { show: true },
      axisLabel: {
        interval: 0,
        fontSize: 11,
        color: (_value: string, index: number) => (workdaySet.has(heatmap.days[index] ?? '') ? '#333' : '#bbb'),
      },
    },
    yAxis: {
      type: 'category',
      data: heatmap.managers.map((m) => m.name),
      inverse: true,
      splitArea: { show: true },
      axisLabel: { fontSize: 12 },
    },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 4,
      itemHeight: 160,
      itemWidth: 12,
      inRange: { color: ['#f0f5ff', '#69b1ff', '#0958d9'] },
    },
    series: [
      {
        type: 'heatmap',
        data: heatmap.cells,
        label: { show: false },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
    ],
  };
}
