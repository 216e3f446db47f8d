import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthOverview } from '../../../shared/api/dataApi';
import { navigate } from '../../app/hashRoute';
import { EChart } from '../../charts/EChart';

const ROW_HEIGHT = 22;

/** Managers × days: a gap in a row is a day without any punch; non-workdays are greyed on the axis. */
export function AttendanceHeatmap({ heatmap, workdays }: Pick<MonthOverview, 'heatmap' | 'workdays'>) {
  const { t } = useTranslation();
  const option = useMemo<EChartsCoreOption>(() => {
    const workdaySet = new Set(workdays);
    const max = Math.max(1, ...heatmap.cells.map((c) => c[2]));
    return {
      grid: { left: 8, right: 12, top: 8, bottom: 56, containLabel: true },
      tooltip: {
        position: 'top',
        formatter: (p: { value: [number, number, number] }) => {
          const [day, manager, punches] = p.value;
          const m = heatmap.managers[manager];
          return `${m ? `${m.name}（${m.code}）` : ''}<br/>${heatmap.days[day] ?? ''}：${t('overview.punches', { count: punches })}`;
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
  }, [heatmap, workdays, t]);
  const height = Math.max(240, heatmap.managers.length * ROW_HEIGHT + 90);
  // A cell opens that manager's punches of that day.
  const open = (data: unknown) => {
    if (!Array.isArray(data)) return;
    const [day, manager] = data as [number, number, number];
    const code = heatmap.managers[manager]?.code;
    const date = heatmap.days[day];
    if (code && date) navigate({ page: { name: 'data', kind: 'attendance', filter: { managerCode: code, date } } });
  };
  return <EChart option={option} style={{ width: '100%', height, cursor: 'pointer' }} testId="attendance-heatmap" onItemClick={open} />;
}
